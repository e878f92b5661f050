import { CHECK_VERDICT_LABELS, type CheckVerdict } from '../../../../shared/contract/checks';

/** Height of each verdict in trend charts: working verdicts high, broken ones low. */
export const VERDICT_LEVEL: Record<CheckVerdict, number> = {
  success: 4,
  configured: 3,
  'needs-sign-in': 2,
  error: 1,
  failing: 0,
};

/** What a trend says in words, for screen readers and tooltips: "Last 30: 28 Configured, 2 Failing". */
export function describeTrend(verdicts: readonly CheckVerdict[]): string {
  if (verdicts.length === 0) return 'No checks yet';
  const counts = new Map<CheckVerdict, number>();
  for (const verdict of verdicts) counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
  const parts = [...counts].map(([verdict, count]) => `${count} ${CHECK_VERDICT_LABELS[verdict]}`);
  return `Last ${verdicts.length}: ${parts.join(', ')}`;
}
