import type { PlatformGroup } from '../../../shared/contract/platform';

/** `liaison groups`: one line per group, indented by depth under its organization, with id and description. */
export function formatPlatformGroups(groups: readonly PlatformGroup[]): string[] {
  if (groups.length === 0) return ['The platform lists no groups you can see.'];
  const rows = [...groups]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((g) => ({
      name: `${'  '.repeat(g.id.split('/').length - 1)}${g.name}`,
      id: g.id,
      description: g.description,
    }));
  const nameWidth = Math.max('NAME'.length, ...rows.map((r) => r.name.length));
  const idWidth = Math.max('ID'.length, ...rows.map((r) => r.id.length));
  const line = (name: string, id: string, description: string) =>
    `${name.padEnd(nameWidth)}  ${id.padEnd(idWidth)}  ${description}`.trimEnd();
  return [line('NAME', 'ID', 'DESCRIPTION'), ...rows.map((r) => line(r.name, r.id, r.description))];
}
