import { describe, expect, it } from 'vitest';
import type { FleetRunSummary } from '../../../../shared/contract/fleet';
import { formatExactTime } from '../../time/relative-time';
import { fleetRunDetail, fleetRunStateText, newestFirst } from './fleet-run-labels';

function summary(patch: Partial<FleetRunSummary>): FleetRunSummary {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Fleet',
    environment: 'enforce.dev',
    createdAt: '2026-12-05T10:00:00.000Z',
    updatedAt: '2026-12-05T10:00:00.000Z',
    state: 'new',
    paused: false,
    concurrency: 4,
    registerOnPlatform: false,
    itemCount: 0,
    stageCounts: {},
    ...patch,
  };
}

describe('newestFirst', () => {
  it('puts the newest run first and leaves the given list alone', () => {
    const runs = [
      summary({ name: 'old', createdAt: '2026-12-01T08:00:00.000Z' }),
      summary({ name: 'new', createdAt: '2026-12-05T08:00:00.000Z' }),
      summary({ name: 'mid', createdAt: '2026-12-03T08:00:00.000Z' }),
    ];
    expect(newestFirst(runs).map((run) => run.name)).toEqual(['new', 'mid', 'old']);
    expect(runs.map((run) => run.name)).toEqual(['old', 'new', 'mid']);
  });
});

describe('fleetRunStateText', () => {
  it('names each stage that has items, in run order, and sums the active ones as running', () => {
    const run = summary({ stageCounts: { failed: 3, applied: 12, planning: 1, applying: 2, queued: 0 } });
    expect(fleetRunStateText(run)).toBe('3 running · 12 applied · 3 failed');
  });

  it('says a run is paused, and nothing for a run without items', () => {
    expect(fleetRunStateText(summary({ paused: true, stageCounts: { planned: 2 } }))).toBe('paused · 2 planned');
    expect(fleetRunStateText(summary({}))).toBe('');
  });
});

describe('fleetRunDetail', () => {
  it('gives the creation time in the app format, the size and the state', () => {
    const run = summary({ itemCount: 2, stageCounts: { queued: 2 } });
    expect(fleetRunDetail(run)).toBe(`${formatExactTime(new Date(run.createdAt))} · 2 accounts or projects · 2 queued`);
    expect(fleetRunDetail(summary({ itemCount: 1 }))).toBe(
      `${formatExactTime(new Date(run.createdAt))} · 1 account or project`,
    );
  });
});
