import type { PlatformGroup } from '../../../../shared/contract/platform';

export interface PlatformGroupRow {
  group: PlatformGroup;
  depth: number;
  /** Registered in Liaison's own store too. */
  local: boolean;
}

/**
 * The platform's groups as a tree in display order (a UIDP sorts right after its parent), filtered by
 * name, id or description; a match keeps its ancestors so it is never shown out of place.
 */
export function platformGroupRows(
  groups: readonly PlatformGroup[],
  localIds: ReadonlySet<string>,
  filter: string,
): PlatformGroupRow[] {
  const sorted = [...groups].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const needle = filter.trim().toLowerCase();
  let keep: Set<string> | undefined;
  if (needle) {
    keep = new Set();
    for (const g of sorted) {
      if (!`${g.name}\n${g.id}\n${g.description}`.toLowerCase().includes(needle)) continue;
      for (let id = g.id; ;) {
        keep.add(id);
        const cut = id.lastIndexOf('/');
        if (cut === -1) break;
        id = id.slice(0, cut);
      }
    }
  }
  return sorted
    .filter((g) => !keep || keep.has(g.id))
    .map((g) => ({ group: g, depth: g.id.split('/').length - 1, local: localIds.has(g.id) }));
}
