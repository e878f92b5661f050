import type { ImportedAccount } from '../account-list-import';
import type { GcpProjectTree } from '../contract/gcp-folders';
import type { AwsOrganization, OrganizationAccount } from '../contract/organizations';

/*
 * Which accounts (AWS) or projects (GCP) a fleet covers: picked one by one, a whole unit or folder
 * ("all active accounts in OU X", nested units included), or a list file, minus exclusions.
 */

export type FleetCloud = 'aws' | 'gcp';

/** One account or project the fleet may onboard, whatever it was picked from. */
export interface FleetCandidate {
  cloud: FleetCloud;
  /** The 12-digit AWS account id, or the GCP project id. */
  id: string;
  name: string;
  /** The organizational unit or folder it sits in (by name), for `{ou}` in a name template. */
  unit: string;
  /** From an accounts.json `deploy_order` (seed 003): applies run in this order. */
  deployOrder?: number;
  /** GCP only: the project number the association needs. */
  projectNumber?: string;
}

/** A unit's accounts that were left out, and why (suspended, closing). */
export interface SkippedAccount {
  id: string;
  name: string;
  reason: string;
}

export interface UnitSelection {
  candidates: FleetCandidate[];
  skipped: SkippedAccount[];
}

export function candidateKey(candidate: Pick<FleetCandidate, 'cloud' | 'id'>): string {
  return `${candidate.cloud}:${candidate.id}`;
}

/** The names of an organization's roots and units, by id. */
function unitNames(organization: AwsOrganization): Map<string, string> {
  return new Map([...organization.roots, ...organization.units].map((unit) => [unit.id, unit.name]));
}

/** One organization account as a candidate (its unit named). */
export function candidateFromAccount(organization: AwsOrganization, account: OrganizationAccount): FleetCandidate {
  return {
    cloud: 'aws',
    id: account.id,
    name: account.name,
    unit: unitNames(organization).get(account.parentId) ?? account.parentId,
  };
}

/** Every ACTIVE account under `unitId` (a root or an OU), nested units included; the others are skipped with a reason. */
export function selectOrganizationUnit(organization: AwsOrganization, unitId: string): UnitSelection {
  const inside = new Set([unitId]);
  // Units come in any order: repeat until no unit joins (depth is small, so this stays cheap).
  for (let grew = true; grew;) {
    grew = false;
    for (const unit of organization.units) {
      if (!inside.has(unit.id) && inside.has(unit.parentId)) {
        inside.add(unit.id);
        grew = true;
      }
    }
  }
  const names = unitNames(organization);
  const candidates: FleetCandidate[] = [];
  const skipped: SkippedAccount[] = [];
  for (const account of organization.accounts) {
    if (!inside.has(account.parentId)) continue;
    if (account.status !== 'ACTIVE') {
      skipped.push({
        id: account.id,
        name: account.name,
        reason: `${account.status.toLowerCase().replaceAll('_', ' ')}`,
      });
      continue;
    }
    candidates.push({ cloud: 'aws', id: account.id, name: account.name, unit: names.get(account.parentId) ?? '' });
  }
  candidates.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { candidates, skipped };
}

/** Accounts read from an accounts.json or CSV list, keeping their deploy order. */
export function candidatesFromImport(accounts: readonly ImportedAccount[], unit = 'accounts.json'): FleetCandidate[] {
  return accounts.map((account) => ({
    cloud: 'aws',
    id: account.id,
    name: account.name,
    unit,
    ...(account.deployOrder === undefined ? {} : { deployOrder: account.deployOrder }),
  }));
}

/** Every ACTIVE project under `folder` (an organization or folder name such as `folders/123`), nested folders included. */
export function selectGcpFolder(tree: GcpProjectTree, folder: string): UnitSelection {
  const names = new Map(tree.folders.map((each) => [each.name, each.displayName]));
  const inside = new Set([folder]);
  for (let grew = true; grew;) {
    grew = false;
    for (const each of tree.folders) {
      if (!inside.has(each.name) && inside.has(each.parent)) {
        inside.add(each.name);
        grew = true;
      }
    }
  }
  const candidates: FleetCandidate[] = [];
  const skipped: SkippedAccount[] = [];
  for (const project of tree.projects) {
    if (!inside.has(project.parent)) continue;
    if (project.state !== 'ACTIVE') {
      skipped.push({ id: project.projectId, name: project.displayName, reason: project.state.toLowerCase() });
      continue;
    }
    candidates.push({
      cloud: 'gcp',
      id: project.projectId,
      name: project.displayName || project.projectId,
      unit: names.get(project.parent) ?? project.parent,
      projectNumber: project.projectNumber,
    });
  }
  candidates.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { candidates, skipped };
}

/**
 * `current` plus `added`, each account once (the first pick wins), without the excluded ones.
 * Accounts with a deploy order come first, by that order (seed 003); the rest keep their order.
 */
export function mergeSelection(
  current: readonly FleetCandidate[],
  added: readonly FleetCandidate[],
  excluded: ReadonlySet<string> = new Set(),
): FleetCandidate[] {
  const seen = new Set<string>();
  const merged: FleetCandidate[] = [];
  for (const candidate of [...current, ...added]) {
    const key = candidateKey(candidate);
    if (seen.has(key) || excluded.has(key)) continue;
    seen.add(key);
    merged.push(candidate);
  }
  return merged
    .map((candidate, index) => ({ candidate, index }))
    .sort((a, b) => (a.candidate.deployOrder ?? Infinity) - (b.candidate.deployOrder ?? Infinity) || a.index - b.index)
    .map(({ candidate }) => candidate);
}
