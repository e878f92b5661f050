import type { FleetItem, FleetStage } from '../../../../../shared/contract/fleet';
import { fleetTargetIdentity } from '../../../../../shared/fleet/fleet-target';
import type { TargetCloud } from '../../../../../shared/targets/target-kind';
import { allTargetKinds } from '../../../../../shared/targets/target-kinds';

/*
 * The board's filters, search and totals: pure, so 500 rows stay cheap to filter on each keystroke
 * (each row's searchable text is lower-cased once, as the dashboard's filter does).
 */

export type FleetBoardView = 'all' | 'failed' | 'review' | 'destructive';

export interface FleetBoardFilter {
  search: string;
  view: FleetBoardView;
}

export const NO_FLEET_FILTER: FleetBoardFilter = { search: '', view: 'all' };

export const FLEET_VIEW_LABELS: Record<FleetBoardView, string> = {
  all: 'All',
  failed: 'Failed or cancelled',
  review: 'Needs review',
  destructive: 'Has destroy or replace',
};

export const FLEET_STAGE_LABELS: Record<FleetStage, string> = {
  queued: 'Queued',
  generating: 'Generating',
  registering: 'Registering',
  initialising: 'Initialising',
  planning: 'Planning',
  planned: 'Planned',
  approved: 'Approved',
  applying: 'Applying',
  applied: 'Applied',
  checking: 'Checking',
  checked: 'Checked',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** What the board calls its rows, in the singular and the plural. */
export interface FleetNoun {
  one: string;
  many: string;
}

/** Each target kind's noun, once (the same object each time, so memoized rows keep it). */
const KIND_NOUNS = new Map<TargetCloud, FleetNoun>(
  allTargetKinds().map((kind) => [kind.cloud, { one: kind.noun, many: `${kind.noun}s` }]),
);
const MIXED: FleetNoun = {
  one: allTargetKinds()
    .map((kind) => kind.noun)
    .join(' or '),
  many: allTargetKinds()
    .map((kind) => `${kind.noun}s`)
    .join(' and '),
};

/** "1 project", "30 accounts". */
export function countOf(count: number, noun: FleetNoun): string {
  return `${count} ${count === 1 ? noun.one : noun.many}`;
}

/** Accounts for AWS, projects for GCP (the same object each time, so memoized rows keep it). */
export function fleetNoun(items: readonly FleetItem[]): FleetNoun {
  const clouds = new Set(items.map((item) => item.target.cloud));
  const [only] = clouds;
  if (clouds.size > 1) return MIXED;
  return KIND_NOUNS.get(only ?? 'aws') as FleetNoun;
}

/** The account id or project id an item onboards. */
export function itemTargetId(item: FleetItem): string {
  return fleetTargetIdentity(item.target).id;
}

export function itemTargetName(item: FleetItem): string {
  return fleetTargetIdentity(item.target).name;
}

/** Group id → name, of the groups Liaison holds (the groups query): built once per groups list. */
export type FleetGroupNames = ReadonlyMap<string, string>;

export const NO_GROUP_NAMES: FleetGroupNames = new Map();

export function fleetGroupNames(groups: readonly { id: string; name: string }[] | undefined): FleetGroupNames {
  return groups ? new Map(groups.map((group) => [group.id, group.name])) : NO_GROUP_NAMES;
}

/** The id of the group the item binds, once known (a new folder has none until it is created). */
export function itemGroupId(item: FleetItem): string | undefined {
  return item.groupId ?? (item.group.kind === 'existing' ? item.group.groupId : undefined);
}

/**
 * The item's group as the board names it: a new folder's own name, or the held group's name; the
 * group id while its name is unknown (not listed locally yet).
 */
export function itemGroupLabel(item: FleetItem, names: FleetGroupNames): string {
  if (item.group.kind === 'new-folder') return item.group.name;
  const id = itemGroupId(item) ?? item.group.groupId;
  return names.get(id) ?? id;
}

/** A plan waiting for the operator: planned, not approved (a stale one must be planned again first). */
export function needsReview(item: FleetItem): boolean {
  return item.stage === 'planned' && !item.approved;
}

export function hasDestroyOrReplace(item: FleetItem): boolean {
  return item.planSummary !== undefined && (item.planSummary.destroy > 0 || item.planSummary.replace > 0);
}

export function isFailed(item: FleetItem): boolean {
  return item.stage === 'failed' || item.stage === 'cancelled';
}

export interface SearchableFleetItem {
  item: FleetItem;
  /** Name, id, group name and id, stage and error, lower-cased, NUL-separated so a query never spans two of them. */
  text: string;
}

/**
 * Each item's entry, kept for as long as the item object and the group names it was made with live:
 * a progress batch replaces only the items it names (see `FleetProgressFold`), so only those get
 * their text lower-cased again; a new groups list (rare: a folder created) makes every text anew.
 */
const searchable = new WeakMap<FleetGroupNames, WeakMap<FleetItem, SearchableFleetItem>>();

function toSearchable(item: FleetItem, names: FleetGroupNames, cache: WeakMap<FleetItem, SearchableFleetItem>) {
  let entry = cache.get(item);
  if (!entry) {
    const text = [
      itemTargetName(item),
      itemTargetId(item),
      itemGroupLabel(item, names),
      itemGroupId(item) ?? '',
      FLEET_STAGE_LABELS[item.stage],
      item.error?.message ?? '',
    ]
      .join('\u0000')
      .toLowerCase();
    entry = { item, text };
    cache.set(item, entry);
  }
  return entry;
}

/**
 * The items with their search text (the group matched by name and by id); an item object seen
 * before with the same group names gets the same entry back.
 */
export function toSearchableFleetItems(
  items: readonly FleetItem[],
  names: FleetGroupNames = NO_GROUP_NAMES,
): SearchableFleetItem[] {
  let cache = searchable.get(names);
  if (!cache) {
    cache = new WeakMap();
    searchable.set(names, cache);
  }
  const entries = cache;
  return items.map((item) => toSearchable(item, names, entries));
}

const VIEW_TEST: Record<FleetBoardView, (item: FleetItem) => boolean> = {
  all: () => true,
  failed: isFailed,
  review: needsReview,
  destructive: hasDestroyOrReplace,
};

/** The items matching the view and the search, in apply order. */
export function filterFleetItems(items: readonly SearchableFleetItem[], filter: FleetBoardFilter): FleetItem[] {
  const needle = filter.search.trim().toLowerCase();
  const test = VIEW_TEST[filter.view];
  const result: FleetItem[] = [];
  for (const { item, text } of items) {
    if (!test(item)) continue;
    if (needle && !text.includes(needle)) continue;
    result.push(item);
  }
  return result;
}

export interface FleetTotals {
  total: number;
  failed: number;
  review: number;
  destructive: number;
  /** Items with nothing left to do in the current phase (checked, applied, or planned when planning). */
  done: number;
  running: number;
  plan: { add: number; change: number; destroy: number; replace: number };
}

const RUNNING: ReadonlySet<FleetStage> = new Set([
  'generating',
  'registering',
  'initialising',
  'planning',
  'applying',
  'checking',
]);
const SETTLED: ReadonlySet<FleetStage> = new Set(['planned', 'approved', 'applied', 'checked']);

export function fleetTotals(items: readonly FleetItem[]): FleetTotals {
  const totals: FleetTotals = {
    total: items.length,
    failed: 0,
    review: 0,
    destructive: 0,
    done: 0,
    running: 0,
    plan: { add: 0, change: 0, destroy: 0, replace: 0 },
  };
  for (const item of items) {
    if (isFailed(item)) totals.failed += 1;
    if (needsReview(item)) totals.review += 1;
    if (hasDestroyOrReplace(item)) totals.destructive += 1;
    if (RUNNING.has(item.stage)) totals.running += 1;
    if (SETTLED.has(item.stage)) totals.done += 1;
    if (item.planSummary) {
      totals.plan.add += item.planSummary.add;
      totals.plan.change += item.planSummary.change;
      totals.plan.destroy += item.planSummary.destroy;
      totals.plan.replace += item.planSummary.replace;
    }
  }
  return totals;
}

/**
 * Milliseconds until the work in flight ends: the items still queued or running, in waves of
 * `concurrency`, each as long as the mean duration of the items finished so far. Undefined until one
 * has finished (nothing to estimate from) or when nothing is left.
 */
export function fleetEtaMs(items: readonly FleetItem[], concurrency: number): number | undefined {
  const finished = items.filter((item) => item.durationMs !== undefined && !RUNNING.has(item.stage));
  const left = items.filter((item) => item.stage === 'queued' || RUNNING.has(item.stage)).length;
  if (finished.length === 0 || left === 0) return undefined;
  const mean = finished.reduce((sum, item) => sum + (item.durationMs ?? 0), 0) / finished.length;
  return Math.ceil(left / Math.max(1, concurrency)) * mean;
}

/** `ids` with the item `id` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveItem(ids: readonly string[], id: string, by: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from === -1 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}
