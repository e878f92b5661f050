import type { Group } from './model';
import { ancestorUidps } from './validation';

export interface GroupRow {
  group: Group;
  depth: number;
  /** Set when the group's own parent is not registered here (it hangs under a further ancestor or the top). */
  detachedFrom: string | undefined;
  childCount: number;
}

/**
 * Orders groups as an indented tree: each group under its nearest registered ancestor, siblings by name.
 * A pasted child id whose parent is unknown still shows, at the top, marked as detached.
 */
export function buildGroupRows(groups: readonly Group[]): GroupRow[] {
  const byId = new Map(groups.map((group) => [group.id, group]));
  const children = new Map<string | undefined, Group[]>();
  const detached = new Map<string, string>();
  for (const group of groups) {
    const ancestors = ancestorUidps(group.id);
    const nearest = ancestors.find((id) => byId.has(id));
    if (ancestors.length > 0 && nearest !== ancestors[0]) detached.set(group.id, ancestors[0] as string);
    const siblings = children.get(nearest) ?? [];
    siblings.push(group);
    children.set(nearest, siblings);
  }
  const rows: GroupRow[] = [];
  const visit = (parent: string | undefined, depth: number): void => {
    const siblings = [...(children.get(parent) ?? [])].sort(
      (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    );
    for (const group of siblings) {
      rows.push({
        group,
        depth,
        detachedFrom: detached.get(group.id),
        childCount: children.get(group.id)?.length ?? 0,
      });
      visit(group.id, depth + 1);
    }
  };
  visit(undefined, 0);
  return rows;
}
