import { comment, type HclComment } from './hcl-syntax';

/** Groups in the order every generated file lists them: by id, so the same set gives the same bytes. */
export function sortGroups<G extends { id: string }>(groups: readonly G[]): G[] {
  return [...groups].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One comment line per group naming it, so a reader of the file knows who each id is. */
export function groupComments(groups: readonly { id: string; name: string }[]): HclComment[] {
  return [
    comment('Groups whose identities may assume the roles this module creates:'),
    ...groups.map((group) => comment(`- ${group.id}${group.name.trim() === '' ? '' : `: ${group.name}`}`)),
  ];
}
