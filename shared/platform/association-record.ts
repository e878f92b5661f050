import type { TargetCloud } from '../targets/target-kind';
import { otherTargetKinds, targetKind } from '../targets/target-kinds';

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

export type RecordCloud = TargetCloud;

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
  return record ? targetKind(cloud).recordTarget(record) : undefined;
}

/** How to make `existing` (the group's record, if any) carry `target`, keeping the other cloud's half. */
export function planRegistration(
  group: string,
  existing: AccountAssociationsRecord | undefined,
  target: CloudTarget,
): RegistrationPlan {
  const kind = targetKind(target.cloud);
  const half = kind.recordHalf(target);
  if (!existing) return { kind: 'create', record: { group, ...half } };
  const current = recordTarget(existing, target.cloud);
  const wanted = kind.platformTargetId(target);
  const record: AccountAssociationsRecord = { ...existing, group, ...half };
  if (current === undefined) {
    const keeps = otherTargetKinds(target.cloud)[0]?.cloud ?? target.cloud;
    return { kind: 'add', record, keeps };
  }
  if (current === wanted) {
    // Same target: when the platform's half already says all Liaison knows (and perhaps more, such as
    // a project number Liaison did not learn), the record stays exactly as it is.
    return {
      kind: 'unchanged',
      record: covers(existing[kind.recordField], half[kind.recordField]) ? existing : record,
    };
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
  const { [targetKind(cloud).recordField]: _unset, ...record } = existing;
  const managedKeys = new Set(['group', 'name', 'description']);
  const hasOtherContent = Object.entries(record).some(
    ([key, value]) => !managedKeys.has(key) && value !== undefined && value !== null,
  );
  return hasOtherContent ? { kind: 'update', record } : { kind: 'delete' };
}

/** Whether every field of `wanted` has the same value in `held` (both a record's half). */
function covers(held: unknown, wanted: object | undefined): boolean {
  if (typeof held !== 'object' || held === null || wanted === undefined) return false;
  return Object.entries(wanted).every(([key, value]) => (held as Record<string, unknown>)[key] === value);
}
