import { describe, expect, it } from 'vitest';
import type { RunLogEntry, TerraformEvent } from '../../../../../shared/contract/terraform';
import { addEntries, emptyProgress } from './run-progress';

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

describe('run progress', () => {
  it('tracks each resource from planned to complete or errored, in first-seen order', () => {
    const progress = addEntries(
      emptyProgress,
      entries(
        { type: 'planned_change', ...common, change: { resource: resource('terraform_data.a'), action: 'create' } },
        { type: 'planned_change', ...common, change: { resource: resource('terraform_data.b'), action: 'delete' } },
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
    expect(progress).toMatchObject({ completed: 1, errored: 1, lastSeq: 5 });
  });

  it('skips entries already folded in, so the backlog and the live stream may overlap', () => {
    const batch = entries(hook('apply_start', 'terraform_data.a'), hook('apply_complete', 'terraform_data.a', 1));
    const once = addEntries(emptyProgress, batch);
    expect(addEntries(once, batch)).toBe(once);
    expect(once.completed).toBe(1);
  });

  it('folds each entry once when one batch holds the live stream and the stored log, out of order', () => {
    const diagnostic = {
      type: 'diagnostic',
      ...common,
      diagnostic: { severity: 'error', summary: 'local-exec provisioner error', detail: 'exit status 3' },
    } as TerraformEvent;
    const log = entries(hook('apply_start', 'terraform_data.bad'), diagnostic);
    const progress = addEntries(emptyProgress, [...log.slice(1), ...log, ...log.slice(1)]);
    expect(progress.diagnostics.map((d) => d.summary)).toEqual(['local-exec provisioner error']);
    expect(progress.lastSeq).toBe(1);
    expect(progress.resources.map((r) => r.addr)).toEqual(['terraform_data.bad']);
  });

  it('keeps diagnostics, outputs and raw lines', () => {
    const progress = addEntries(
      emptyProgress,
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
});
