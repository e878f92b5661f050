import type { Group } from '../../../../shared/model';

/**
 * How many registered groups sit anywhere below `id` — what deleting it also removes. Counted by id
 * prefix, as the store deletes, so descendants under an unregistered intermediate group count too.
 */
export function countDescendants(groups: readonly Group[], id: string): number {
  const prefix = `${id}/`;
  return groups.filter((group) => group.id.startsWith(prefix)).length;
}
