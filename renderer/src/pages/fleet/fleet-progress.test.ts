import { describe, expect, it } from 'vitest';
import type { FleetItem, FleetRun, FleetRunSummary } from '../../../../shared/contract/fleet';
import { FleetProgressFold, mergeFleetItems } from './fleet-progress';

function item(index: number, patch: Partial<FleetItem> = {}): FleetItem {
  const digits = String(index).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${digits}`,
    order: index,
    target: {
      cloud: 'aws',
      accountId: digits,
      accountName: `a${index}`,
      profile: 'p',
      accessPath: { kind: 'profile' },
    },
    group: { kind: 'existing', groupId: 'a'.repeat(40) },
    stage: 'queued',
    planStale: false,
    approved: false,
    ...patch,
  };
}

const run = { id: 'f', items: [item(0), item(1), item(2)] } as unknown as FleetRun;

describe('mergeFleetItems', () => {
  it('replaces changed items in place and keeps the others (same objects, so memoized rows stay)', () => {
    const merged = mergeFleetItems(run, [item(1, { stage: 'planning' })]);
    expect(merged.items.map((each) => each.stage)).toEqual(['queued', 'planning', 'queued']);
    expect(merged.items[0]).toBe(run.items[0]);
    expect(merged.items[2]).toBe(run.items[2]);
  });

  it('re-sorts when an event carries a new order', () => {
    const merged = mergeFleetItems(run, [item(2, { order: -1 })]);
    expect(merged.items.map((each) => each.target.cloud === 'aws' && each.target.accountName)).toEqual([
      'a2',
      'a0',
      'a1',
    ]);
  });

  it('returns the run itself when nothing changed', () => {
    expect(mergeFleetItems(run, [])).toBe(run);
  });
});

const summary = (patch: Partial<FleetRunSummary> = {}): FleetRunSummary =>
  ({ id: 'f', state: 'planning', paused: false, concurrency: 16, ...patch }) as FleetRunSummary;

/** A stored run of `count` queued items, as the board holds it. */
function fleet(count: number): FleetRun {
  return { ...summary({ state: 'new' }), items: Array.from({ length: count }, (_, index) => item(index)) } as FleetRun;
}

/** How many of `after`'s items are not the very objects `before` held (each one a row to render again). */
function replaced(before: FleetRun, after: FleetRun): number {
  return after.items.filter((each, index) => each !== before.items[index]).length;
}

describe('FleetProgressFold', () => {
  it('replaces only the items a frame of events names, once each, the latest state winning', () => {
    const run = fleet(500);
    const progress = new FleetProgressFold();
    progress.add({ summary: summary(), items: [item(3, { stage: 'generating' }), item(7, { stage: 'generating' })] });
    progress.add({ summary: summary(), items: [item(3, { stage: 'initialising' }), item(499, { stage: 'planning' })] });
    const folded = progress.fold(run, false);
    if (!folded) throw new Error('nothing folded');
    expect(replaced(run, folded)).toBe(3);
    expect([folded.items[3]?.stage, folded.items[7]?.stage, folded.items[499]?.stage]).toEqual([
      'initialising',
      'generating',
      'planning',
    ]);
    expect(folded.items.map((each) => each.id)).toEqual(run.items.map((each) => each.id));
  });

  it('folds 500 accounts streaming in frames of 16 with exactly one item replaced per change', () => {
    let run = fleet(500);
    const progress = new FleetProgressFold();
    let rows = 0;
    for (let start = 0; start < 500; start += 16) {
      const batch = run.items.slice(start, start + 16).map((each) => ({ ...each, stage: 'planned' as const }));
      progress.add({ summary: summary(), items: batch });
      const folded = progress.fold(run, false);
      if (!folded) throw new Error('nothing folded');
      rows += replaced(run, folded);
      run = folded;
    }
    expect(rows).toBe(500);
    expect(run.items.every((each) => each.stage === 'planned')).toBe(true);
  });

  it('takes the newest summary with the run items kept, and empties what it folded', () => {
    const run = fleet(3);
    const progress = new FleetProgressFold();
    progress.add({ summary: summary({ state: 'planning' }), items: [] });
    progress.add({ summary: summary({ state: 'reviewing', paused: true }), items: [] });
    expect(progress.pending).toBe(true);
    const folded = progress.fold(run, false);
    expect(folded?.state).toBe('reviewing');
    expect(folded?.paused).toBe(true);
    expect(folded?.items).toBe(run.items);
    expect(progress.pending).toBe(false);
    expect(progress.fold(folded, false)).toBe(folded);
  });

  it('asks for the run to be read again only when a read was in flight while events were folded', () => {
    const run = fleet(3);
    const progress = new FleetProgressFold();
    progress.add({ summary: summary(), items: [item(1, { stage: 'planning' })] });
    progress.fold(run, false);
    expect(progress.mustReread).toBe(false);
    // Nothing pending: an in-flight read races nothing.
    progress.fold(run, true);
    expect(progress.mustReread).toBe(false);

    progress.add({ summary: summary(), items: [item(2, { stage: 'planning' })] });
    progress.fold(run, true);
    expect(progress.mustReread).toBe(true);
    progress.rereading();
    expect(progress.mustReread).toBe(false);
  });

  it('asks for a read again when an event arrived during an action whose answer landed before the fold', () => {
    const run = fleet(3);
    const progress = new FleetProgressFold();
    // The event arrives while the action is in flight; its answer (an older run) lands before the frame.
    progress.add({ summary: summary(), items: [item(1, { stage: 'approved' })] }, true);
    progress.fold(run, false);
    expect(progress.mustReread).toBe(true);
    progress.rereading();
    progress.add({ summary: summary(), items: [item(1, { stage: 'applying' })] }, false);
    progress.fold(run, false);
    expect(progress.mustReread).toBe(false);
  });

  it('keeps nothing for a run not read yet, and says the first read may predate the events', () => {
    const progress = new FleetProgressFold();
    progress.add({ summary: summary(), items: [item(0, { stage: 'planning' })] });
    expect(progress.fold(undefined, true)).toBeUndefined();
    expect(progress.mustReread).toBe(true);
    expect(progress.pending).toBe(false);
  });
});
