import type { FleetItem, FleetRun } from '../../../shared/contract/fleet';
import { fleetTargetIdentity } from '../../../shared/fleet/fleet-target';
import { zipFiles } from '../associations/workspace-zip';
import { toCsv } from '../health/csv';
import type { FleetSteps } from './fleet-steps';

/** A zip folder name per item: its apply position first, so a file browser lists them in order. */
function folderOf(item: FleetItem, position: number): string {
  return `${String(position + 1).padStart(3, '0')}-${item.workspaceKey ?? 'not-generated'}`;
}

/**
 * Every generated workspace of the fleet run, a folder each in apply order, and a README listing the
 * order and the commands to apply them by hand. The files are the ones on disk (no state, no plans).
 */
export function fleetZipOf(
  fleet: FleetRun,
  steps: Pick<FleetSteps, 'workspaceFiles'>,
  modified: Date,
): { fileName: string; base64: string } {
  const ordered = fleet.items.filter((item) => item.workspaceKey !== undefined);
  const entries = ordered.flatMap((item, position) =>
    steps
      .workspaceFiles(item.workspaceKey as string)
      .map((file) => ({ path: `${folderOf(item, position)}/${file.path}`, content: file.content })),
  );
  entries.unshift({ path: 'README.md', content: readmeOf(fleet, ordered) });
  const slug =
    fleet.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'fleet';
  return { fileName: `liaison-fleet-${slug}.zip`, base64: Buffer.from(zipFiles(entries, modified)).toString('base64') };
}

function readmeOf(fleet: FleetRun, ordered: readonly FleetItem[]): string {
  const missing = fleet.items.filter((item) => item.workspaceKey === undefined);
  const lines = [
    `# ${fleet.name}`,
    '',
    `Fleet run exported by Liaison for the ${fleet.environment} environment: one folder per account or project.`,
    'Apply them in this order (the first ones are the accounts others depend on), each from its own folder:',
    '',
    '| # | Folder | Cloud | Account or project | Name | Group |',
    '| - | ------ | ----- | ------------------ | ---- | ----- |',
    ...ordered.map((item, position) => {
      const target = fleetTargetIdentity(item.target);
      return `| ${position + 1} | ${folderOf(item, position)} | ${item.target.cloud} | ${target.id} | ${target.name} | ${item.groupId ?? ''} |`;
    }),
    '',
    'For each folder, in order:',
    '',
    '```sh',
    'cd <folder>',
    'terraform init',
    'terraform plan -out=tfplan',
    '# review the plan, then:',
    'terraform apply tfplan',
    'cd ..',
    '```',
    '',
  ];
  if (missing.length > 0) {
    lines.push(
      'Not in this zip (no workspace generated yet):',
      '',
      ...missing.map((item) => `- ${item.target.cloud} ${fleetTargetIdentity(item.target).id} (${item.stage})`),
      '',
    );
  }
  return lines.join('\n');
}

const REPORT_COLUMNS = [
  'order',
  'cloud',
  'account_or_project',
  'name',
  'group',
  'stage',
  'failed_stage',
  'add',
  'change',
  'destroy',
  'replace',
  'plan_stale',
  'approved',
  'verdict',
  'started_at',
  'ended_at',
  'duration_ms',
  'error_code',
  'error_message',
  'workspace',
  'plan_run',
  'apply_run',
] as const;

/** One row per item, as CSV or JSON. Errors are the ones already shown (Terraform's, redacted); no credentials. */
export function fleetReportOf(
  fleet: FleetRun,
  format: 'csv' | 'json',
): { fileName: string; mimeType: string; content: string } {
  const rows = fleet.items.map((item) => {
    const target = fleetTargetIdentity(item.target);
    return {
      order: item.order,
      cloud: item.target.cloud,
      account_or_project: target.id,
      name: target.name,
      group: item.groupId,
      stage: item.stage,
      failed_stage: item.failedStage,
      add: item.planSummary?.add,
      change: item.planSummary?.change,
      destroy: item.planSummary?.destroy,
      replace: item.planSummary?.replace,
      plan_stale: item.planStale ? 'yes' : 'no',
      approved: item.approved ? 'yes' : 'no',
      verdict: item.verdict,
      started_at: item.startedAt,
      ended_at: item.endedAt,
      duration_ms: item.durationMs,
      error_code: item.error?.code,
      error_message: item.error?.message,
      workspace: item.workspaceKey,
      plan_run: item.planRunId,
      apply_run: item.applyRunId,
    };
  });
  const base = `liaison-fleet-${fleet.id.slice(0, 8)}`;
  if (format === 'json') {
    const { items: _items, ...summary } = fleet;
    return {
      fileName: `${base}.json`,
      mimeType: 'application/json',
      content: `${JSON.stringify({ fleet: summary, items: rows }, null, 2)}\n`,
    };
  }
  return {
    fileName: `${base}.csv`,
    mimeType: 'text/csv',
    content: toCsv(
      REPORT_COLUMNS,
      rows.map((row) => REPORT_COLUMNS.map((column) => row[column])),
    ),
  };
}
