import type { PlatformGroup } from '../../../../shared/contract/platform';

export interface PlatformGroupRow {
  group: PlatformGroup;
  depth: number;
  /** Registered in Liaison's own store too. */
  local: boolean;
}

/** The platform's groups as a tree in display order: a UIDP sorts right after its parent. */
export function treeRows(groups: readonly PlatformGroup[], localIds: ReadonlySet<string>): PlatformGroupRow[] {
  return [...groups]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((g) => ({ group: g, depth: g.id.split('/').length - 1, local: localIds.has(g.id) }));
}

/**
 * The rows whose name, id or description holds `filter`, with their ancestors so none is shown out
 * of place. The row objects are reused, so rows that stay in view need not render again.
 */
export function filterTreeRows(rows: readonly PlatformGroupRow[], filter: string): readonly PlatformGroupRow[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return rows;
  const keep = new Set<string>();
  for (const { group: g } of rows) {
    const matches =
      g.name.toLowerCase().includes(needle) || g.id.includes(needle) || g.description.toLowerCase().includes(needle);
    if (!matches) continue;
    for (let id = g.id; !keep.has(id);) {
      keep.add(id);
      const cut = id.lastIndexOf('/');
      if (cut === -1) break;
      id = id.slice(0, cut);
    }
  }
  return rows.filter((row) => keep.has(row.group.id));
}

export function platformGroupRows(
  groups: readonly PlatformGroup[],
  localIds: ReadonlySet<string>,
  filter: string,
): readonly PlatformGroupRow[] {
  return filterTreeRows(treeRows(groups, localIds), filter);
}
