import type { FleetRunSummary, FleetStage } from '../../../../shared/contract/fleet';
import { FLEET_ACTIVE_STAGES } from '../../../../shared/contract/fleet';
import { formatExactTime } from '../../time/relative-time';

/** Newest first (ISO timestamps sort as text); the list is not changed. */
export function newestFirst(runs: readonly FleetRunSummary[]): FleetRunSummary[] {
  return runs.toSorted((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The stages the picker names, in the order a run moves through them; active ones count as running. */
const SHOWN_STAGES: readonly FleetStage[] = [
  'queued',
  'planned',
  'approved',
  'applied',
  'checked',
  'failed',
  'cancelled',
];

/** "2 running · 12 applied · 3 failed" from the run's stage counts; "paused" first when it is. */
export function fleetRunStateText(run: FleetRunSummary): string {
  const count = (stage: FleetStage): number => run.stageCounts[stage] ?? 0;
  const running = FLEET_ACTIVE_STAGES.reduce((sum, stage) => sum + count(stage), 0);
  const parts = [
    ...(run.paused ? ['paused'] : []),
    ...(running > 0 ? [`${running} running`] : []),
    ...SHOWN_STAGES.filter((stage) => count(stage) > 0).map((stage) => `${count(stage)} ${stage}`),
  ];
  return parts.join(' · ');
}

/** The picker's second line: when the run was created, its size, and where its items stand. */
export function fleetRunDetail(run: FleetRunSummary): string {
  const size = `${run.itemCount} ${run.itemCount === 1 ? 'account or project' : 'accounts or projects'}`;
  const state = fleetRunStateText(run);
  return [formatExactTime(new Date(run.createdAt)), size, ...(state ? [state] : [])].join(' · ');
}
