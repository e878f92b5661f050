import type {
  FleetItem,
  FleetPlanSummary,
  FleetRunSummary,
  FleetStage,
  FleetState,
} from '../../../shared/contract/fleet';
import type { PlanCounts } from '../../../shared/contract/terraform';
import type { FleetRecord } from './fleet-repository';

export type WorkKind = 'plan' | 'apply' | 'check';

const PLANNING: readonly FleetStage[] = ['generating', 'registering', 'initialising', 'planning'];
const FINISHED: readonly FleetStage[] = ['applied', 'checked', 'failed', 'cancelled'];

/** The board's +add ~change −destroy, as Terraform counts them (a replacement adds one and destroys one). */
export function planSummaryOf(counts: PlanCounts): FleetPlanSummary {
  return {
    add: counts.create + counts.replace,
    change: counts.update,
    destroy: counts.delete + counts.replace,
    replace: counts.replace,
  };
}

/** A plan "approve every safe plan" may approve: it destroys and replaces nothing. */
export function isSafePlan(item: FleetItem): boolean {
  return item.planSummary !== undefined && item.planSummary.destroy === 0 && item.planSummary.replace === 0;
}

/** What a run's state and summary read of each item: its stage, and whether it ever started. */
export type ItemProgress = Pick<FleetItem, 'stage' | 'startedAt'>;

/** What the fleet run is doing, from its items and the work waiting in its queue. */
export function fleetStateOf(
  fleet: FleetRecord,
  items: readonly ItemProgress[],
  queued: readonly WorkKind[],
): FleetState {
  const has = (stages: readonly FleetStage[]) => items.some((item) => stages.includes(item.stage));
  const running = has([...PLANNING, 'applying', 'checking']);
  if (fleet.cancelled && !running) return 'cancelled';
  if (fleet.paused) return 'paused';
  if (has(PLANNING) || queued.includes('plan')) return 'planning';
  if (has(['applying']) || queued.includes('apply')) return 'applying';
  if (has(['checking']) || queued.includes('check')) return 'checking';
  if (items.every((item) => item.stage === 'queued' && item.startedAt === undefined)) return 'new';
  if (items.every((item) => FINISHED.includes(item.stage))) return 'done';
  return 'reviewing';
}

export function summaryOf(
  fleet: FleetRecord,
  items: readonly ItemProgress[],
  queued: readonly WorkKind[],
): FleetRunSummary {
  const stageCounts: Partial<Record<FleetStage, number>> = {};
  for (const item of items) stageCounts[item.stage] = (stageCounts[item.stage] ?? 0) + 1;
  return {
    id: fleet.id,
    name: fleet.name,
    environment: fleet.environment,
    createdAt: fleet.createdAt,
    updatedAt: fleet.updatedAt,
    state: fleetStateOf(fleet, items, queued),
    paused: fleet.paused,
    concurrency: fleet.concurrency,
    registerOnPlatform: fleet.registerOnPlatform,
    itemCount: items.length,
    stageCounts,
  };
}
