import { describe, expect, it } from 'vitest';
import type { FleetItem, FleetRun } from '../../../../shared/contract/fleet';
import { mergeFleetItems } from './fleet-queries';

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
