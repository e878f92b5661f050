import { checkVerdicts, type CheckVerdict } from '../../../shared/contract/checks';
import {
  HEALTH_RECENT_VERDICTS,
  type DriftStatus,
  type HealthRow,
  type VerdictCounts,
} from '../../../shared/contract/health';
import {
  platformStandingOf,
  PLATFORM_STEP_ID,
  type PlatformStanding,
} from '../../../shared/platform/platform-standing';
import { ASSOCIATION_KINDS } from '../../../shared/contract/role-recipe-values';
import type { Store } from '../store/database';

interface OverviewRecord {
  id: string;
  group_id: string;
  group_name: string | null;
  cloud: 'aws' | 'gcp' | null;
  kind: string | null;
  role_name: string | null;
  target: string | null;
  workspace_key: string;
  recent: string | null;
  latest_id: string | null;
  verdict: CheckVerdict | null;
  headline: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  drift: Exclude<DriftStatus, 'unknown'> | null;
  drift_detail: string | null;
  platform_step: string | null;
}

/*
 * One statement: the recent verdicts and the latest check come from the covering index
 * (association_id, started_at DESC, ...), 30 index entries per association rather than a scan of
 * every check; only the latest check's headline needs its row.
 */
export const OVERVIEW_SQL = `
  WITH base AS (
    SELECT a.id, COALESCE(a.group_id, '') AS group_id, a.workspace_key, g.name AS group_name,
      json_extract(a.wizard_values, '$.cloud') AS cloud,
      json_extract(a.wizard_values, '$.kind') AS kind,
      json_extract(a.wizard_values, '$.role.roleName') AS role_name,
      CASE json_extract(a.wizard_values, '$.cloud')
        WHEN 'aws' THEN json_extract(a.wizard_values, '$.accountId')
        ELSE json_extract(a.wizard_values, '$.projectId') END AS target,
      (SELECT group_concat(verdict, ',') FROM (
         SELECT c.verdict FROM association_checks c
         WHERE c.association_id = a.id ORDER BY c.started_at DESC LIMIT ${HEALTH_RECENT_VERDICTS})) AS recent,
      (SELECT c.id FROM association_checks c
         WHERE c.association_id = a.id ORDER BY c.started_at DESC LIMIT 1) AS latest_id
    FROM associations a LEFT JOIN groups g ON g.id = a.group_id
    WHERE a.status = 'generated'
  )
  SELECT base.*, c.verdict, c.headline, c.finished_at, c.duration_ms,
    d.status AS drift, d.detail AS drift_detail,
    -- The latest check's Platform step, for the Platform column: one small JSON array per association.
    (SELECT s.value FROM json_each(c.steps) s
       WHERE json_extract(s.value, '$.id') = '${PLATFORM_STEP_ID}') AS platform_step
  FROM base
  LEFT JOIN association_checks c ON c.id = base.latest_id
  LEFT JOIN workspace_drift d ON d.workspace_key = base.workspace_key
  ORDER BY base.group_name, base.target, base.id`;

export function emptyCounts(): VerdictCounts {
  return { success: 0, configured: 0, failing: 0, 'needs-sign-in': 0, error: 0, unchecked: 0 };
}

function toRow(record: OverviewRecord): HealthRow {
  const platformStep = record.platform_step
    ? (JSON.parse(record.platform_step) as { detail: string; platform?: PlatformStanding })
    : undefined;
  const platform = platformStandingOf(platformStep);
  return {
    associationId: record.id,
    groupId: record.group_id,
    groupName: record.group_name ?? '',
    cloud: record.cloud ?? 'aws',
    kind: ASSOCIATION_KINDS.find((kind) => kind === record.kind) ?? 'platform',
    ...(record.role_name === null ? {} : { roleName: record.role_name }),
    target: record.target ?? '',
    workspaceKey: record.workspace_key,
    ...(record.verdict ? { verdict: record.verdict } : {}),
    ...(record.headline ? { headline: record.headline } : {}),
    ...(record.finished_at ? { lastCheckedAt: record.finished_at } : {}),
    ...(record.duration_ms === null ? {} : { durationMs: record.duration_ms }),
    recent: record.recent
      ? (record.recent.split(',').reverse() as CheckVerdict[]).filter((v) => checkVerdicts.includes(v))
      : [],
    drift: record.drift ?? 'unknown',
    ...(record.drift_detail ? { driftDetail: record.drift_detail } : {}),
    ...(platform ? { platform, platformDetail: platformStep?.detail ?? '' } : {}),
  };
}

/** The dashboard's rows and counts, read in one statement. */
export function queryHealthOverview(store: Store): { rows: HealthRow[]; counts: VerdictCounts } {
  const records = store.db.prepare(OVERVIEW_SQL).all() as unknown as OverviewRecord[];
  const counts = emptyCounts();
  const rows = records.map(toRow);
  for (const row of rows) counts[row.verdict ?? 'unchecked'] += 1;
  return { rows, counts };
}
