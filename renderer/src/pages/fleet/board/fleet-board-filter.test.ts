import { describe, expect, it } from 'vitest';
import type { FleetItem } from '../../../../../shared/contract/fleet';
import {
  countOf,
  filterFleetItems,
  fleetEtaMs,
  fleetGroupNames,
  fleetNoun,
  itemGroupLabel,
  fleetTotals,
  moveItem,
  toSearchableFleetItems,
  type FleetBoardFilter,
} from './fleet-board-filter';

let next = 0;
function item(name: string, patch: Partial<FleetItem> = {}): FleetItem {
  next += 1;
  const digits = String(next).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${digits}`,
    order: next,
    target: {
      cloud: 'aws',
      accountId: digits,
      accountName: name,
      profile: 'management',
      accessPath: { kind: 'profile' },
    },
    group: { kind: 'new-folder', parentId: 'a'.repeat(40), name: `team-${name}`, description: '' },
    stage: 'queued',
    planStale: false,
    approved: false,
    ...patch,
  };
}

const safe = item('safe', { stage: 'planned', planSummary: { add: 3, change: 0, destroy: 0, replace: 0 } });
const risky = item('risky', { stage: 'planned', planSummary: { add: 1, change: 1, destroy: 1, replace: 1 } });
const approved = item('approved', {
  stage: 'approved',
  approved: true,
  planSummary: { add: 2, change: 0, destroy: 0, replace: 0 },
});
const broken = item('broken', {
  stage: 'failed',
  failedStage: 'initialising',
  error: { code: 'TERRAFORM_INIT_FAILED', message: 'Registry unreachable' },
});
const queued = item('queued');
const all = toSearchableFleetItems([safe, risky, approved, broken, queued]);

const view = (patch: Partial<FleetBoardFilter>) =>
  filterFleetItems(all, { search: '', view: 'all', ...patch }).map(
    (each) => each.target.cloud === 'aws' && each.target.accountName,
  );

describe('filterFleetItems', () => {
  it('keeps apply order and narrows by view', () => {
    expect(view({})).toEqual(['safe', 'risky', 'approved', 'broken', 'queued']);
    expect(view({ view: 'failed' })).toEqual(['broken']);
    expect(view({ view: 'review' })).toEqual(['safe', 'risky']);
    expect(view({ view: 'destructive' })).toEqual(['risky']);
  });

  it('searches name, id, group, stage and error, in any case', () => {
    expect(view({ search: 'TEAM-RISKY' })).toEqual(['risky']);
    expect(view({ search: safe.target.cloud === 'aws' ? safe.target.accountId : '' })).toEqual(['safe']);
    expect(view({ search: 'registry' })).toEqual(['broken']);
    expect(view({ search: 'planned', view: 'destructive' })).toEqual(['risky']);
    // A query never matches across two fields.
    expect(view({ search: 'safe000' })).toEqual([]);
  });
});

describe('group names', () => {
  const heldId = `${'b'.repeat(40)}/0123456789abcdef`;
  const unknownId = `${'b'.repeat(40)}/fedcba9876543210`;
  const held = item('held', { group: { kind: 'existing', groupId: heldId } });
  const unknown = item('unknown', { group: { kind: 'existing', groupId: unknownId } });
  const created = item('created', { groupId: `${'a'.repeat(40)}/00000000000000aa` });
  const names = fleetGroupNames([
    { id: heldId, name: 'Security Team' },
    { id: created.groupId ?? '', name: 'renamed on the platform' },
  ]);

  it('names an existing group by its name, a new folder by its own, and falls back to the id', () => {
    expect(itemGroupLabel(held, names)).toBe('Security Team');
    expect(itemGroupLabel(unknown, names)).toBe(unknownId);
    // A folder the run creates is named by the mapping before and after it exists.
    expect(itemGroupLabel(created, names)).toBe('team-created');
    expect(itemGroupLabel(queued, names)).toBe('team-queued');
    expect(itemGroupLabel(held, fleetGroupNames(undefined))).toBe(heldId);
  });

  it('matches the group by name and by id', () => {
    const searchable = toSearchableFleetItems([held, unknown, created, queued], names);
    const search = (text: string) =>
      filterFleetItems(searchable, { search: text, view: 'all' }).map((each) => itemGroupLabel(each, names));
    expect(search('security team')).toEqual(['Security Team']);
    expect(search('0123456789ABCDEF')).toEqual(['Security Team']);
    expect(search('00000000000000aa')).toEqual(['team-created']);
    expect(search('fedcba')).toEqual([unknownId]);
    // Without the names, the held group is found by its id only.
    const unnamed = toSearchableFleetItems([held], fleetGroupNames(undefined));
    expect(filterFleetItems(unnamed, { search: 'security', view: 'all' })).toEqual([]);
  });

  it('makes the texts again for a new groups list, and only then', () => {
    const first = toSearchableFleetItems([held, queued], names);
    expect(toSearchableFleetItems([held, queued], names)[0]).toBe(first[0]);
    const renamed = fleetGroupNames([{ id: heldId, name: 'Audit Team' }]);
    const after = toSearchableFleetItems([held, queued], renamed);
    expect(after[0]).not.toBe(first[0]);
    expect(after[0]?.text).toContain('audit team');
    expect(after[0]?.text).not.toContain('security team');
  });
});

describe('toSearchableFleetItems', () => {
  it('lower-cases each item once: a batch gets new texts only for the items it replaced', () => {
    const before = toSearchableFleetItems([safe, risky, broken]);
    const planning = { ...risky, stage: 'planning' as const };
    const after = toSearchableFleetItems([safe, planning, broken]);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(after.filter((each, index) => each !== before[index])).toHaveLength(1);
    expect(after[1]?.text).toContain('planning');
    expect(before[1]?.text).not.toContain('planning');
  });
});

describe('fleetTotals', () => {
  it('counts failures, reviews, destructive plans and the plan sums', () => {
    expect(fleetTotals([safe, risky, approved, broken, queued])).toEqual({
      total: 5,
      failed: 1,
      review: 2,
      destructive: 1,
      done: 3,
      running: 0,
      plan: { add: 6, change: 1, destroy: 1, replace: 1 },
    });
  });
});

describe('fleetEtaMs', () => {
  it('estimates waves of the concurrency from the mean finished duration', () => {
    const finished = [
      item('a', { stage: 'planned', durationMs: 1000 }),
      item('b', { stage: 'planned', durationMs: 3000 }),
    ];
    const waiting = Array.from({ length: 5 }, (_, index) =>
      item(`w${index}`, { stage: index === 0 ? 'planning' : 'queued' }),
    );
    expect(fleetEtaMs([...finished, ...waiting], 4)).toBe(4000);
    expect(fleetEtaMs([...finished, ...waiting], 1)).toBe(10_000);
  });

  it('gives no estimate before anything finished or once nothing is left', () => {
    expect(fleetEtaMs([item('q')], 4)).toBeUndefined();
    expect(fleetEtaMs([item('d', { stage: 'planned', durationMs: 10 })], 4)).toBeUndefined();
  });
});

describe('moveItem', () => {
  it('moves one place and stops at either end', () => {
    expect(moveItem(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('fleetNoun', () => {
  const project = item('sandbox', {
    target: {
      cloud: 'gcp',
      projectId: 'sandbox-1',
      projectNumber: '123456789012',
      projectName: 'Sandbox',
      credential: { kind: 'adc' },
    },
  });

  it('calls AWS rows accounts, GCP rows projects, and a mix both', () => {
    expect(fleetNoun([safe, risky]).many).toBe('accounts');
    expect(fleetNoun([project]).many).toBe('projects');
    expect(fleetNoun([safe, project]).many).toBe('accounts and projects');
    expect(fleetNoun([]).many).toBe('accounts');
    expect(countOf(1, fleetNoun([project]))).toBe('1 project');
    expect(countOf(30, fleetNoun([safe]))).toBe('30 accounts');
  });

  it('gives the same noun object for the same kind of rows, so memoized children keep it', () => {
    expect(fleetNoun([safe])).toBe(fleetNoun([risky, queued]));
  });
});
