import type { CheckVerdict } from '../../../../shared/contract/checks';
import type { HealthRow } from '../../../../shared/contract/health';
import type { PlatformStanding } from '../../../../shared/platform/platform-standing';

export interface HealthFilter {
  search: string;
  cloud: 'all' | 'aws' | 'gcp';
  verdict: 'all' | CheckVerdict | 'unchecked';
  groupId: 'all' | string;
  /** The Platform column: a standing, or `none` for associations whose check did not ask the platform. */
  platform: 'all' | PlatformStanding | 'none';
}

export const NO_FILTER: HealthFilter = { search: '', cloud: 'all', verdict: 'all', groupId: 'all', platform: 'all' };

export interface SearchableHealthRow {
  row: HealthRow;
  /**
   * Group name and id, account or project, and headline, lower-cased once, so a keystroke costs one
   * `includes` per row. The fields are joined by a NUL so a query never matches across two of them.
   */
  text: string;
}

export function toSearchableHealthRows(rows: readonly HealthRow[]): SearchableHealthRow[] {
  return rows.map((row) => ({
    row,
    text: [row.groupName, row.groupId, row.target, row.headline ?? ''].join('\u0000').toLowerCase(),
  }));
}

/**
 * Rows matching every filter, in the order given; the search (trimmed, any case) matches group name
 * or id, account or project, or headline.
 */
export function filterHealthRows(rows: readonly SearchableHealthRow[], filter: HealthFilter): HealthRow[] {
  const needle = filter.search.trim().toLowerCase();
  const result: HealthRow[] = [];
  for (const { row, text } of rows) {
    if (filter.cloud !== 'all' && row.cloud !== filter.cloud) continue;
    if (filter.verdict !== 'all' && (row.verdict ?? 'unchecked') !== filter.verdict) continue;
    if (filter.groupId !== 'all' && row.groupId !== filter.groupId) continue;
    if (filter.platform !== 'all' && (row.platform ?? 'none') !== filter.platform) continue;
    if (needle && !text.includes(needle)) continue;
    result.push(row);
  }
  return result;
}
