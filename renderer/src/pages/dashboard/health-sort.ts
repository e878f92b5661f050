import type { HealthRow } from '../../../../shared/contract/health';
import type { PlatformStanding } from '../../../../shared/platform/platform-standing';
import { VERDICT_LEVEL } from './verdict-trend';

export type HealthSortKey =
  'group' | 'cloud' | 'target' | 'verdict' | 'platform' | 'lastChecked' | 'duration' | 'drift';

export interface HealthSort {
  key: HealthSortKey;
  direction: 'asc' | 'desc';
}

/** Broken first: the dashboard opens on what needs attention. */
export const DEFAULT_SORT: HealthSort = { key: 'verdict', direction: 'asc' };

/** Drift ordered by how much it needs attention, as verdicts are: failed plans and drift first. */
const DRIFT_LEVEL: Record<HealthRow['drift'], number> = { error: 0, drift: 1, unknown: 2, 'in-sync': 3 };

/** The platform's standing, worst first; no standing (the platform was not asked) sorts as missing. */
const PLATFORM_LEVEL: Record<PlatformStanding, number> = {
  'not-ready': 0,
  error: 1,
  'needs-sign-in': 2,
  'not-registered': 3,
  ready: 4,
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

// Missing values (never checked, no duration) sort below every present one.
const byKey: Record<HealthSortKey, (a: HealthRow, b: HealthRow) => number> = {
  group: (a, b) => collator.compare(a.groupName, b.groupName),
  cloud: (a, b) => collator.compare(a.cloud, b.cloud),
  target: (a, b) => collator.compare(a.target, b.target),
  // By health, not by the label's alphabet.
  verdict: (a, b) => (a.verdict ? VERDICT_LEVEL[a.verdict] : -1) - (b.verdict ? VERDICT_LEVEL[b.verdict] : -1),
  platform: (a, b) => (a.platform ? PLATFORM_LEVEL[a.platform] : -1) - (b.platform ? PLATFORM_LEVEL[b.platform] : -1),
  // ISO timestamps in UTC order as strings do.
  lastChecked: (a, b) => compareStrings(a.lastCheckedAt ?? '', b.lastCheckedAt ?? ''),
  duration: (a, b) => (a.durationMs ?? -1) - (b.durationMs ?? -1),
  drift: (a, b) => DRIFT_LEVEL[a.drift] - DRIFT_LEVEL[b.drift],
};

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders rows by one column in either direction; ties fall back to group name, then association id,
 * always ascending, so the order is stable whatever the data's order.
 */
export function compareHealthRows(sort: HealthSort): (a: HealthRow, b: HealthRow) => number {
  const primary = byKey[sort.key];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => sign * primary(a, b) || byKey.group(a, b) || compareStrings(a.associationId, b.associationId);
}

export function sortHealthRows(rows: readonly HealthRow[], sort: HealthSort): HealthRow[] {
  return [...rows].sort(compareHealthRows(sort));
}

/** A click on a column's header: the same column flips direction, another starts ascending. */
export function nextSort(current: HealthSort, key: HealthSortKey): HealthSort {
  if (current.key !== key) return { key, direction: 'asc' };
  return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}
