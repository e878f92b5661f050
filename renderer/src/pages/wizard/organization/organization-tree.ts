import type { AwsOrganization, OrganizationAccount } from '../../../../../shared/contract/organizations';

/** One line of the organization tree as shown: a root or unit heading, or an account. */
export type OrganizationRow =
  | { kind: 'parent'; id: string; name: string; depth: number; accounts: number }
  | { kind: 'account'; id: string; depth: number; account: OrganizationAccount };

interface Parent {
  id: string;
  name: string;
  children: Parent[];
  accounts: OrganizationAccount[];
}

/** The organization's parents as a tree, built once per listing; filtering then walks it. */
export interface OrganizationIndex {
  roots: Parent[];
  /** Each account's lower-cased name, id, email and unit path: what the filter matches. */
  haystack: Map<string, string>;
}

export function indexOrganization(organization: AwsOrganization): OrganizationIndex {
  const parents = new Map<string, Parent>();
  const roots = organization.roots.map((root) => {
    const parent: Parent = { id: root.id, name: root.name, children: [], accounts: [] };
    parents.set(root.id, parent);
    return parent;
  });
  for (const unit of organization.units)
    parents.set(unit.id, { id: unit.id, name: unit.name, children: [], accounts: [] });
  for (const unit of organization.units) {
    const child = parents.get(unit.id);
    if (child) parents.get(unit.parentId)?.children.push(child);
  }
  const haystack = new Map<string, string>();
  const pathOf = new Map<string, string>();
  const walk = (parent: Parent, path: string): void => {
    pathOf.set(parent.id, path);
    for (const child of parent.children) walk(child, `${path}/${parent.name}`);
  };
  for (const root of roots) walk(root, '');
  for (const account of organization.accounts) {
    parents.get(account.parentId)?.accounts.push(account);
    const path = `${pathOf.get(account.parentId) ?? ''}/${parents.get(account.parentId)?.name ?? ''}`;
    haystack.set(account.id, `${account.name}\n${account.id}\n${account.email}\n${path}`.toLowerCase());
  }
  return { roots, haystack };
}

/**
 * The rows to show for `filter` (matched, case-insensitively, against each account's name, id,
 * email and unit names): every matching account under its units, and no unit without a match.
 */
export function organizationRows(index: OrganizationIndex, filter: string): OrganizationRow[] {
  const needle = filter.trim().toLowerCase();
  const rows: OrganizationRow[] = [];
  const visit = (parent: Parent, depth: number): number => {
    const heading = rows.length;
    rows.push({ kind: 'parent', id: parent.id, name: parent.name, depth, accounts: 0 });
    let shown = 0;
    for (const account of parent.accounts) {
      if (needle !== '' && !index.haystack.get(account.id)?.includes(needle)) continue;
      rows.push({ kind: 'account', id: account.id, depth: depth + 1, account });
      shown += 1;
    }
    for (const child of parent.children) shown += visit(child, depth + 1);
    if (shown === 0) rows.length = heading;
    else rows[heading] = { kind: 'parent', id: parent.id, name: parent.name, depth, accounts: shown };
    return shown;
  };
  for (const root of index.roots) visit(root, 0);
  return rows;
}
