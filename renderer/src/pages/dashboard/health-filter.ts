import type { CheckVerdict } from '../../../../shared/contract/checks';
import type { HealthRow } from '../../../../shared/contract/health';

export interface HealthFilter {
  search: string;
  cloud: 'all' | 'aws' | 'gcp';
  verdict: 'all' | CheckVerdict | 'unchecked';
  groupId: 'all' | string;
}

export const NO_FILTER: HealthFilter = { search: '', cloud: 'all', verdict: 'all', groupId: 'all' };

/** Rows matching every filter; the search matches group name or id, account or project, and headline. */
export function filterHealthRows(rows: readonly HealthRow[], filter: HealthFilter): HealthRow[] {
  const needle = filter.search.trim().toLowerCase();
  return rows.filter((row) => {
    if (filter.cloud !== 'all' && row.cloud !== filter.cloud) return false;
    if (filter.verdict !== 'all' && (row.verdict ?? 'unchecked') !== filter.verdict) return false;
    if (filter.groupId !== 'all' && row.groupId !== filter.groupId) return false;
    if (!needle) return true;
    return (
      row.groupName.toLowerCase().includes(needle) ||
      row.groupId.includes(needle) ||
      row.target.toLowerCase().includes(needle) ||
      (row.headline?.toLowerCase().includes(needle) ?? false)
    );
  });
}
