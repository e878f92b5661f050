import { groupNameSchema, parentUidp } from '../validation';
import { targetKind } from '../targets/target-kinds';
import { candidateKey, type FleetCandidate, type FleetCloud } from './fleet-selection';

/*
 * Which platform group each account of a fleet is associated with: an existing folder, or a new
 * folder made from a name template under a chosen parent. The platform holds at most one AWS
 * account and one GCP project per group, so every clash is flagged on its row before anything is created.
 */

export const NAME_TEMPLATE_PLACEHOLDERS = ['accountName', 'accountId', 'ou'] as const;
export const DEFAULT_NAME_TEMPLATE = '{accountName}';

/** The same shape as the fleet contract's group choice, so a row goes to `createFleetRun` as it is. */
export type GroupTarget =
  { kind: 'existing'; groupId: string } | { kind: 'new-folder'; parentId: string; name: string };

export interface MappingRow {
  candidate: FleetCandidate;
  target: GroupTarget;
}

export interface MappingProblem {
  /** Which cell of the row: the group picked, or the new folder's name. */
  field: 'group' | 'name' | 'account';
  message: string;
}

/** What the platform holds already: its groups, and which account or project each group is associated with. */
export interface MappingContext {
  groups: readonly { id: string; name: string }[];
  held?: ReadonlyMap<string, Partial<Record<FleetCloud, string>>>;
  /** False offline: creating a folder is a platform call, so only existing (local) groups can be picked. */
  canCreateFolders?: boolean;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Why `template` cannot name folders (unknown placeholder, unbalanced brace, nothing that differs per account), or undefined. */
export function nameTemplateProblem(template: string): string | undefined {
  if (template.trim() === '') return 'The name template is required';
  const unknown = [...template.matchAll(PLACEHOLDER)]
    .map((match) => match[1] ?? '')
    .filter((name) => !(NAME_TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    return `Unknown placeholder {${unknown[0]}}: use ${NAME_TEMPLATE_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}`;
  }
  if (/[{}]/.test(template.replace(PLACEHOLDER, '')))
    return 'A brace is not closed: write placeholders as {accountName}';
  if (!/\{(accountName|accountId)\}/.test(template)) {
    return 'The template must contain {accountName} or {accountId}, or every folder gets the same name';
  }
  return undefined;
}

/** The folder name `template` gives `candidate` (the template is assumed valid). */
export function renderNameTemplate(template: string, candidate: FleetCandidate): string {
  const values: Record<(typeof NAME_TEMPLATE_PLACEHOLDERS)[number], string> = {
    accountName: candidate.name,
    accountId: candidate.id,
    ou: candidate.unit,
  };
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name as keyof typeof values] : whole,
  );
}

/** Every account to an existing group still to be picked (offline, where no folder can be created). */
export function mapToExisting(candidates: readonly FleetCandidate[]): MappingRow[] {
  return candidates.map((candidate) => ({ candidate, target: { kind: 'existing', groupId: '' } }));
}

/** One new folder per account under `parentId`, named by `template`. */
export function mapByTemplate(candidates: readonly FleetCandidate[], parentId: string, template: string): MappingRow[] {
  return candidates.map((candidate) => ({
    candidate,
    target: { kind: 'new-folder', parentId, name: renderNameTemplate(template, candidate).trim() },
  }));
}

/** The problems of every row, by candidate key; rows without problems are absent. */
export function mappingProblems(rows: readonly MappingRow[], context: MappingContext): Map<string, MappingProblem[]> {
  const problems = new Map<string, MappingProblem[]>();
  const flag = (row: MappingRow, problem: MappingProblem): void => {
    const key = candidateKey(row.candidate);
    problems.set(key, [...(problems.get(key) ?? []), problem]);
  };
  const groups = new Map(context.groups.map((group) => [group.id, group]));
  const childNames = new Map<string, Map<string, string>>();
  for (const group of context.groups) {
    const parent = parentUidp(group.id);
    if (parent === undefined) continue;
    const names = childNames.get(parent) ?? new Map<string, string>();
    names.set(group.name.trim().toLowerCase(), group.id);
    childNames.set(parent, names);
  }

  const accountRows = new Map<string, MappingRow>();
  // Which row first claimed each (group, cloud) pair; a new folder is keyed by parent + name.
  const claims = new Map<string, MappingRow>();
  rows.forEach((row, index) => {
    const key = candidateKey(row.candidate);
    const first = accountRows.get(key);
    if (first) {
      flag(row, { field: 'account', message: `Listed twice: also row ${rows.indexOf(first) + 1}` });
      return;
    }
    accountRows.set(key, row);
    const cloud = row.candidate.cloud;
    const what = targetKind(cloud).label;
    const target = row.target;
    let claim: string;
    if (target.kind === 'existing') {
      if (target.groupId === '') {
        flag(row, { field: 'group', message: 'Pick a group' });
        return;
      }
      if (!groups.has(target.groupId)) {
        flag(row, { field: 'group', message: 'This group is not on the platform (or you cannot see it)' });
        return;
      }
      const holds = context.held?.get(target.groupId)?.[cloud];
      if (holds !== undefined && holds !== row.candidate.id) {
        flag(row, {
          field: 'group',
          message: `The group already holds ${what} ${holds}: a group holds one ${what}`,
        });
      }
      claim = `${target.groupId}|${cloud}`;
    } else {
      if (context.canCreateFolders === false) {
        flag(row, { field: 'group', message: 'Creating a folder needs a platform sign-in: pick an existing group' });
        return;
      }
      if (!groups.has(target.parentId)) {
        flag(row, { field: 'group', message: 'The parent folder is not on the platform (or you cannot see it)' });
      }
      const parsed = groupNameSchema.safeParse(target.name);
      if (!parsed.success) {
        flag(row, { field: 'name', message: parsed.error.issues[0]?.message ?? 'The name is not valid' });
        return;
      }
      const existing = childNames.get(target.parentId)?.get(parsed.data.toLowerCase());
      if (existing !== undefined) {
        flag(row, {
          field: 'name',
          message: `A folder named “${parsed.data}” already exists under this parent: pick it instead, or change the name`,
        });
      }
      claim = `new:${target.parentId}|${parsed.data.toLowerCase()}|${cloud}`;
    }
    const other = claims.get(claim);
    if (other) {
      const message =
        target.kind === 'existing'
          ? `Row ${rows.indexOf(other) + 1} maps ${what} ${other.candidate.id} to the same group: a group holds one ${what}`
          : `Row ${rows.indexOf(other) + 1} gets a folder of the same name: names must differ`;
      flag(row, { field: target.kind === 'existing' ? 'group' : 'name', message });
      if (!problems.has(candidateKey(other.candidate))) {
        flag(other, {
          field: target.kind === 'existing' ? 'group' : 'name',
          message: `Row ${index + 1} clashes with this one`,
        });
      }
      return;
    }
    claims.set(claim, row);
  });
  return problems;
}
