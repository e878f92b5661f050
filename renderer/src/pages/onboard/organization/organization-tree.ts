import type { AwsOrganization, OrganizationAccount } from '../../../../../shared/contract/organizations';

/**
 * A filterable tree of parents (AWS roots and organizational units, GCP organizations and folders)
 * holding leaves (accounts, projects). Built once per listing; filtering then walks it.
 */

/** One line of the tree as shown: a parent heading, or a leaf. */
export type TreeRow<L> =
  | { kind: 'parent'; id: string; name: string; depth: number; accounts: number }
  | { kind: 'leaf'; id: string; depth: number; leaf: L };

export type OrganizationRow = TreeRow<OrganizationAccount>;

interface Parent<L> {
  id: string;
  name: string;
  children: Parent<L>[];
  leaves: L[];
}

export interface TreeIndex<L> {
  roots: Parent<L>[];
  /** Each leaf's lower-cased text plus its parents' names: what the filter matches. */
  haystack: Map<string, string>;
  idOf: (leaf: L) => string;
}

export type OrganizationIndex = TreeIndex<OrganizationAccount>;

export interface TreeSource<L> {
  roots: readonly { id: string; name: string }[];
  /** Parents below the roots, each naming its own parent. */
  units: readonly { id: string; name: string; parentId: string }[];
  leaves: readonly L[];
  idOf: (leaf: L) => string;
  parentOf: (leaf: L) => string;
  /** The words a leaf is found by (name, id, email …), one per line. */
  textOf: (leaf: L) => string;
}

export function indexTree<L>(source: TreeSource<L>): TreeIndex<L> {
  const parents = new Map<string, Parent<L>>();
  const roots = source.roots.map((root) => {
    const parent: Parent<L> = { id: root.id, name: root.name, children: [], leaves: [] };
    parents.set(root.id, parent);
    return parent;
  });
  for (const unit of source.units) parents.set(unit.id, { id: unit.id, name: unit.name, children: [], leaves: [] });
  for (const unit of source.units) {
    const child = parents.get(unit.id);
    if (child) parents.get(unit.parentId)?.children.push(child);
  }
  const haystack = new Map<string, string>();
  const pathOf = new Map<string, string>();
  const walk = (parent: Parent<L>, path: string): void => {
    pathOf.set(parent.id, path);
    for (const child of parent.children) walk(child, `${path}/${parent.name}`);
  };
  for (const root of roots) walk(root, '');
  for (const leaf of source.leaves) {
    const parentId = source.parentOf(leaf);
    parents.get(parentId)?.leaves.push(leaf);
    const path = `${pathOf.get(parentId) ?? ''}/${parents.get(parentId)?.name ?? ''}`;
    haystack.set(source.idOf(leaf), `${source.textOf(leaf)}\n${path}`.toLowerCase());
  }
  return { roots, haystack, idOf: source.idOf };
}

export function indexOrganization(organization: AwsOrganization): OrganizationIndex {
  return indexTree({
    roots: organization.roots,
    units: organization.units,
    leaves: organization.accounts,
    idOf: (account) => account.id,
    parentOf: (account) => account.parentId,
    textOf: (account) => `${account.name}\n${account.id}\n${account.email}`,
  });
}

/**
 * The rows to show for `filter` (matched, case-insensitively, against each leaf's text and its
 * parents' names): every matching leaf under its parents, and no parent without a match.
 */
export function treeRows<L>(index: TreeIndex<L>, filter: string): TreeRow<L>[] {
  const needle = filter.trim().toLowerCase();
  const rows: TreeRow<L>[] = [];
  const visit = (parent: Parent<L>, depth: number): number => {
    const heading = rows.length;
    rows.push({ kind: 'parent', id: parent.id, name: parent.name, depth, accounts: 0 });
    let shown = 0;
    for (const leaf of parent.leaves) {
      const id = index.idOf(leaf);
      if (needle !== '' && !index.haystack.get(id)?.includes(needle)) continue;
      rows.push({ kind: 'leaf', id, depth: depth + 1, leaf });
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

export const organizationRows: (index: OrganizationIndex, filter: string) => OrganizationRow[] = treeRows;
