import type { FleetItem, FleetRun, FleetRunSummary } from '../../../../shared/contract/fleet';

/** `run` with `items` replacing the items of the same id, kept in apply order. */
export function mergeFleetItems(run: FleetRun, items: readonly FleetItem[]): FleetRun {
  if (items.length === 0) return run;
  const changed = new Map(items.map((item) => [item.id, item]));
  const merged = run.items.map((item) => changed.get(item.id) ?? item);
  const reordered = merged.some((item, index) => index > 0 && (merged[index - 1] as FleetItem).order > item.order);
  return { ...run, items: reordered ? [...merged].sort((a, b) => a.order - b.order) : merged };
}

/**
 * The `fleetProgress` events received since the last animation frame, folded into the cached run once
 * a frame: each item's latest state replaces only that item (the others stay the same objects, so
 * their memoized rows and search texts are reused), and the newest summary replaces the run's.
 *
 * A read of the whole run that was in flight while events were folded in may answer with items older
 * than them; `fold` notes it in `mustReread`, and the caller reads the run again once the stream
 * pauses. Without such a race nothing is read again: 500 accounts streaming are folded, not refetched.
 */
export class FleetProgressFold {
  #items = new Map<string, FleetItem>();
  #summary: FleetRunSummary | undefined;
  #raced = false;

  /**
   * Keeps an event's items (the latest of each wins) and its summary until the next fold.
   * `reading`: a read of the run (or an action answering with one) is in flight as the event arrives.
   * Its answer may land before the next fold and be older than this event (the host sends an action's
   * events before its answer), so the race is noted now, not only when the fold runs.
   */
  add(event: { summary: FleetRunSummary; items: readonly FleetItem[] }, reading = false): void {
    for (const item of event.items) this.#items.set(item.id, item);
    this.#summary = event.summary;
    if (reading) this.#raced = true;
  }

  get pending(): boolean {
    return this.#items.size > 0 || this.#summary !== undefined;
  }

  /**
   * The run with every pending event applied (undefined stays undefined: nothing to fold into yet).
   * `reading`: a read of the run is in flight now, so its answer may predate what is folded.
   */
  fold(run: FleetRun | undefined, reading: boolean): FleetRun | undefined {
    const items = [...this.#items.values()];
    const summary = this.#summary;
    this.#items = new Map();
    this.#summary = undefined;
    if (reading && (items.length > 0 || summary)) this.#raced = true;
    if (!run) return run;
    return mergeFleetItems(summary ? { ...run, ...summary, items: run.items } : run, items);
  }

  /** A read raced the events folded since the last `rereading`: the run must be read again. */
  get mustReread(): boolean {
    return this.#raced;
  }

  /** The caller reads the run again now (a race after this asks for another read). */
  rereading(): void {
    this.#raced = false;
  }
}
