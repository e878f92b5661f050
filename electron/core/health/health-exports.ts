import { CHECK_VERDICT_LABELS, type CheckResult } from '../../../shared/contract/checks';
import type { ExportFile, HealthRow } from '../../../shared/contract/health';
import { toCsv } from './csv';

const OVERVIEW_HEADER = [
  'association_id',
  'group_name',
  'group_id',
  'cloud',
  'account_or_project',
  'verdict',
  'last_checked',
  'duration_ms',
  'drift',
  'headline',
];

function stamp(now: Date): string {
  return now.toISOString().slice(0, 19).replaceAll(':', '-');
}

export function exportOverview(rows: readonly HealthRow[], format: 'csv' | 'json', now: Date): ExportFile {
  const fileName = `liaison-health-${stamp(now)}.${format}`;
  if (format === 'json') {
    return {
      fileName,
      mimeType: 'application/json',
      content: JSON.stringify({ exportedAt: now.toISOString(), rows }, null, 2),
    };
  }
  const content = toCsv(
    OVERVIEW_HEADER,
    rows.map((row) => [
      row.associationId,
      row.groupName,
      row.groupId,
      row.cloud,
      row.target,
      row.verdict ? CHECK_VERDICT_LABELS[row.verdict] : 'Not checked',
      row.lastCheckedAt,
      row.durationMs,
      row.drift,
      row.headline,
    ]),
  );
  return { fileName, mimeType: 'text/csv', content };
}

/** One association's checks, newest first; the JSON keeps every step. */
export function exportHistory(
  associationId: string,
  checks: readonly CheckResult[],
  format: 'csv' | 'json',
  now: Date,
): ExportFile {
  const fileName = `liaison-history-${associationId}-${stamp(now)}.${format}`;
  if (format === 'json') {
    return { fileName, mimeType: 'application/json', content: JSON.stringify({ associationId, checks }, null, 2) };
  }
  const content = toCsv(
    ['check_id', 'started_at', 'finished_at', 'duration_ms', 'verdict', 'headline', 'failed_steps'],
    checks.map((check) => [
      check.id,
      check.startedAt,
      check.finishedAt,
      check.durationMs,
      CHECK_VERDICT_LABELS[check.verdict],
      check.headline,
      check.steps
        .filter((s) => s.status !== 'passed' && s.status !== 'skipped')
        .map((s) => s.id)
        .join(' '),
    ]),
  );
  return { fileName, mimeType: 'text/csv', content };
}
