/*
 * The platform's association record, exactly as chainguard.platform.iam.AccountAssociations (v1)
 * carries it in REST JSON (camelCase), and the pure rules for changing one half of it. A group has
 * one record holding at most one AWS account and one GCP project, so setting one cloud must keep the
 * other cloud's half (and any fields Liaison does not manage) untouched.
 */

export interface AccountAssociationsRecord {
  group: string;
  name?: string;
  description?: string;
  amazon?: { account: string };
  google?: { projectId: string; projectNumber?: string };
  /** Fields Liaison does not manage (github, chainguard, azure, ...) travel through unchanged. */
  [other: string]: unknown;
}

export type RecordCloud = 'aws' | 'gcp';

/** What Liaison wants the record to say for one cloud. */
export type CloudTarget =
  { cloud: 'aws'; account: string } | { cloud: 'gcp'; projectId: string; projectNumber?: string };

export type RegistrationPlan =
  | { kind: 'create'; record: AccountAssociationsRecord }
  | { kind: 'add'; record: AccountAssociationsRecord; keeps: RecordCloud }
  | { kind: 'unchanged'; record: AccountAssociationsRecord }
  | { kind: 'replace'; record: AccountAssociationsRecord; replaces: string };

export type UnsetPlan =
  { kind: 'delete' } | { kind: 'update'; record: AccountAssociationsRecord } | { kind: 'nothing'; reason: string };

/** The record's value for one cloud, as a display string, or undefined. */
export function recordTarget(record: AccountAssociationsRecord | undefined, cloud: RecordCloud): string | undefined {
  if (!record) return undefined;
  if (cloud === 'aws') return record.amazon?.account || undefined;
  return record.google?.projectId || undefined;
}

/** How to make `existing` (the group's record, if any) carry `target`, keeping the other cloud's half. */
export function planRegistration(
  group: string,
  existing: AccountAssociationsRecord | undefined,
  target: CloudTarget,
): RegistrationPlan {
  const half =
    target.cloud === 'aws'
      ? { amazon: { account: target.account } }
      : {
          google: {
            projectId: target.projectId,
            ...(target.projectNumber ? { projectNumber: target.projectNumber } : {}),
          },
        };
  if (!existing) return { kind: 'create', record: { group, ...half } };
  const current = recordTarget(existing, target.cloud);
  const wanted = target.cloud === 'aws' ? target.account : target.projectId;
  const record: AccountAssociationsRecord = { ...existing, group, ...half };
  if (current === undefined) return { kind: 'add', record, keeps: target.cloud === 'aws' ? 'gcp' : 'aws' };
  if (current === wanted) {
    // Same project: keep the platform's project number unless Liaison learned one.
    if (target.cloud === 'gcp' && !target.projectNumber && existing.google?.projectNumber) {
      return { kind: 'unchanged', record: existing };
    }
    return { kind: 'unchanged', record };
  }
  return { kind: 'replace', record, replaces: current };
}

/**
 * How to take one cloud out of the record: delete the record when nothing else is left in it,
 * otherwise update it without that half. `expected` guards against unsetting someone else's target.
 */
export function planUnset(
  existing: AccountAssociationsRecord | undefined,
  cloud: RecordCloud,
  expected: string,
): UnsetPlan {
  const current = recordTarget(existing, cloud);
  if (!existing || current === undefined)
    return { kind: 'nothing', reason: 'The platform has nothing registered for it.' };
  if (current !== expected) {
    return { kind: 'nothing', reason: `The platform holds ${current}, not ${expected}; it was left as it is.` };
  }
  const { amazon: _amazon, google: _google, ...rest } = existing;
  const record: AccountAssociationsRecord = {
    ...rest,
    ...(cloud === 'aws' && existing.google ? { google: existing.google } : {}),
    ...(cloud === 'gcp' && existing.amazon ? { amazon: existing.amazon } : {}),
  };
  const managedKeys = new Set(['group', 'name', 'description']);
  const hasOtherContent = Object.entries(record).some(
    ([key, value]) => !managedKeys.has(key) && value !== undefined && value !== null,
  );
  return hasOtherContent ? { kind: 'update', record } : { kind: 'delete' };
}
