import { describe, expect, it } from 'vitest';
import type { RunLogEntry, TerraformEvent } from '../../../../../shared/contract/terraform';
import { RunProgressFold, type RunProgress } from './run-progress';

const common = { level: 'info', message: '', timestamp: '2026-11-21T03:58:22.000Z' };
const resource = (addr: string) => ({
  addr,
  module: '',
  resource: addr,
  resource_type: 'terraform_data',
  resource_name: addr.split('.')[1] ?? addr,
});
const hook = (type: 'apply_start' | 'apply_complete' | 'apply_errored', addr: string, elapsed?: number) =>
  ({
    type,
    ...common,
    hook: {
      resource: resource(addr),
      action: 'create',
      ...(elapsed === undefined ? {} : { elapsed_seconds: elapsed }),
    },
  }) as TerraformEvent;
const entries = (...events: TerraformEvent[]): RunLogEntry[] => events.map((event, seq) => ({ seq, event }));
const planned = (addr: string, action = 'create') =>
  ({ type: 'planned_change', ...common, change: { resource: resource(addr), action } }) as TerraformEvent;

/** A fresh fold of `batch`: its snapshot. */
function folded(batch: readonly RunLogEntry[], receivedAt?: number): RunProgress {
  const fold = new RunProgressFold();
  fold.add(batch, receivedAt);
  return fold.snapshot;
}

describe('run progress', () => {
  it('tracks each resource from planned to complete or errored, in first-seen order', () => {
    const progress = folded(
      entries(
        planned('terraform_data.a'),
        planned('terraform_data.b', 'delete'),
        hook('apply_start', 'terraform_data.a'),
        hook('apply_start', 'terraform_data.b'),
        hook('apply_complete', 'terraform_data.a', 2),
        hook('apply_errored', 'terraform_data.b', 1),
      ),
      1_000,
    );
    expect(progress.resources.map((r) => [r.addr, r.status, r.elapsedSeconds])).toEqual([
      ['terraform_data.a', 'complete', 2],
      ['terraform_data.b', 'errored', 1],
    ]);
    expect(progress.resources[0]?.startedAt).toBe(1_000);
    expect(progress).toMatchObject({ completed: 1, errored: 1, running: 0, lastSeq: 5 });
  });

  it('skips entries already folded in, so the backlog and the live stream may overlap', () => {
    const batch = entries(hook('apply_start', 'terraform_data.a'), hook('apply_complete', 'terraform_data.a', 1));
    const fold = new RunProgressFold();
    expect(fold.add(batch)).toBe(true);
    const once = fold.snapshot;
    expect(fold.add(batch)).toBe(false);
    expect(fold.snapshot).toBe(once);
    expect(once.completed).toBe(1);
  });

  it('folds each entry once when one batch holds the live stream and the stored log, out of order', () => {
    const diagnostic = {
      type: 'diagnostic',
      ...common,
      diagnostic: { severity: 'error', summary: 'local-exec provisioner error', detail: 'exit status 3' },
    } as TerraformEvent;
    const log = entries(hook('apply_start', 'terraform_data.bad'), diagnostic);
    const progress = folded([...log.slice(1), ...log, ...log.slice(1)]);
    expect(progress.diagnostics.map((d) => d.summary)).toEqual(['local-exec provisioner error']);
    expect(progress.lastSeq).toBe(1);
    expect(progress.resources.map((r) => r.addr)).toEqual(['terraform_data.bad']);
  });

  it('keeps diagnostics, outputs and raw lines', () => {
    const progress = folded(
      entries(
        { type: 'diagnostic', ...common, diagnostic: { severity: 'error', summary: 'boom', detail: 'why' } },
        { type: 'outputs', ...common, outputs: { role: { sensitive: false, value: 'canary' } } },
        { type: 'raw', stream: 'stderr', text: 'panic: oops' },
      ),
    );
    expect(progress.diagnostics.map((d) => d.summary)).toEqual(['boom']);
    expect(progress.outputs).toEqual([{ name: 'role', sensitive: false, value: 'canary' }]);
    expect(progress.rawLines).toEqual(['panic: oops']);
  });

  it('keeps counts as statuses change across batches, and replaces only the resources that changed', () => {
    const fold = new RunProgressFold();
    const log = entries(
      planned('terraform_data.a'),
      planned('terraform_data.b'),
      hook('apply_start', 'terraform_data.a'),
      hook('apply_start', 'terraform_data.b'),
      hook('apply_complete', 'terraform_data.a', 0),
    );
    fold.add(log.slice(0, 2));
    expect(fold.snapshot).toMatchObject({ completed: 0, running: 0 });
    fold.add(log.slice(2, 4));
    const [a, b] = fold.snapshot.resources;
    expect(fold.snapshot).toMatchObject({ completed: 0, running: 2 });
    fold.add(log.slice(4));
    expect(fold.snapshot).toMatchObject({ completed: 1, running: 1, errored: 0 });
    // A row can tell it changed by identity: a's entry is new, b's the same object as before.
    expect(fold.snapshot.resources[0]).not.toBe(a);
    expect(fold.snapshot.resources[1]).toBe(b);
  });

  it('folds a 10,000-event apply touching only the rows its batches name, never every row per batch', () => {
    const count = 3334;
    const addrs = Array.from({ length: count }, (_, i) => `terraform_data.r_${i}`);
    const log = entries(
      ...addrs.map((addr) => planned(addr)),
      ...addrs.flatMap((addr) => [hook('apply_start', addr), hook('apply_complete', addr, 0)]),
    );
    const fold = new RunProgressFold();
    let replaced = 0;
    let named = 0;
    // One batch per ~frame's worth of lines, as the stream delivers them. The cost that matters is
    // counted, not timed: how many row objects each batch replaces. Rows are compared by identity
    // (that is how a row knows to re-render), so a fold that rebuilt every row per batch would replace
    // all of them each time: ~500 batches × 3,334 rows instead of one per line.
    for (let i = 0; i < log.length; i += 20) {
      const batch = log.slice(i, i + 20);
      const before = [...fold.snapshot.resources];
      fold.add(batch);
      const after = fold.snapshot.resources;
      const changed = after.filter((row, index) => row !== before[index]).length;
      const addrsInBatch = new Set(
        batch.map(({ event }) =>
          'change' in event ? event.change.resource.addr : 'hook' in event ? event.hook.resource.addr : '',
        ),
      ).size;
      expect(changed).toBe(addrsInBatch);
      replaced += changed;
      named += addrsInBatch;
    }
    expect(fold.snapshot).toMatchObject({ completed: count, running: 0, errored: 0 });
    expect(fold.snapshot.resources).toHaveLength(count);
    expect(replaced).toBe(named);
    expect(replaced).toBeLessThan(log.length);
  });
});
