import { describe, expect, it } from 'vitest';
import type { HealthRow } from '../../../../shared/contract/health';
import { DEFAULT_SORT, nextSort, sortHealthRows, type HealthSort } from './health-sort';

let next = 0;
const row = (groupName: string, over: Partial<HealthRow> = {}): HealthRow => ({
  associationId: `00000000-0000-4000-8000-${String((next += 1)).padStart(12, '0')}`,
  groupId: 'a'.repeat(40),
  groupName,
  cloud: 'aws',
  target: '123456789012',
  workspaceKey: 'aws-123456789012',
  recent: [],
  drift: 'unknown',
  ...over,
});

const order = (rows: readonly HealthRow[], sort: HealthSort) => sortHealthRows(rows, sort).map((r) => r.groupName);

describe('sortHealthRows', () => {
  const rows = [
    row('ok', { verdict: 'configured', lastCheckedAt: '2025-01-02T10:00:00.000Z', durationMs: 900, drift: 'in-sync' }),
    row('never'),
    row('broken', { verdict: 'failing', lastCheckedAt: '2025-01-02T09:00:00.000Z', durationMs: 80, drift: 'drift' }),
    row('best', { verdict: 'success', lastCheckedAt: '2025-01-03T00:00:00.000Z', durationMs: 120, drift: 'error' }),
    row('signin', { verdict: 'needs-sign-in', cloud: 'gcp', target: 'proj-10' }),
  ];

  it('sorts verdicts by health, not alphabetically: unchecked, then failing, up to success', () => {
    expect(order(rows, DEFAULT_SORT)).toEqual(['never', 'broken', 'signin', 'ok', 'best']);
    expect(order(rows, { key: 'verdict', direction: 'desc' })).toEqual(['best', 'ok', 'signin', 'broken', 'never']);
  });

  it('sorts the Platform column worst first, with the platform not asked lowest', () => {
    const platformRows = [
      row('ready', { platform: 'ready' }),
      row('offline'),
      row('refused', { platform: 'not-ready' }),
      row('unregistered', { platform: 'not-registered' }),
      row('signin', { platform: 'needs-sign-in' }),
    ];
    expect(order(platformRows, { key: 'platform', direction: 'asc' })).toEqual([
      'offline',
      'refused',
      'signin',
      'unregistered',
      'ready',
    ]);
    expect(order(platformRows, { key: 'platform', direction: 'desc' })[0]).toBe('ready');
  });

  it('sorts times and durations with missing values lowest', () => {
    expect(order(rows, { key: 'lastChecked', direction: 'asc' })).toEqual(['never', 'signin', 'broken', 'ok', 'best']);
    expect(order(rows, { key: 'lastChecked', direction: 'desc' })).toEqual(['best', 'ok', 'broken', 'never', 'signin']);
    expect(order(rows, { key: 'duration', direction: 'asc' })).toEqual(['never', 'signin', 'broken', 'best', 'ok']);
  });

  it('sorts drift by attention needed and text naturally, ignoring case', () => {
    expect(order(rows, { key: 'drift', direction: 'asc' })).toEqual(['best', 'broken', 'never', 'signin', 'ok']);
    const named = [row('team-10'), row('Team-9'), row('alpha'), row('')];
    expect(order(named, { key: 'group', direction: 'asc' })).toEqual(['', 'alpha', 'Team-9', 'team-10']);
    const targets = [row('a', { target: 'proj-10' }), row('b', { target: 'proj-9' })];
    expect(order(targets, { key: 'target', direction: 'asc' })).toEqual(['b', 'a']);
    expect(order(rows, { key: 'cloud', direction: 'desc' })[0]).toBe('signin');
  });

  it('breaks ties by group name ascending in both directions, whatever the input order', () => {
    const tied = [row('c', { verdict: 'failing' }), row('a', { verdict: 'failing' }), row('b', { verdict: 'failing' })];
    expect(order(tied, { key: 'verdict', direction: 'asc' })).toEqual(['a', 'b', 'c']);
    expect(order(tied, { key: 'verdict', direction: 'desc' })).toEqual(['a', 'b', 'c']);
    expect(order([...tied].reverse(), { key: 'verdict', direction: 'desc' })).toEqual(['a', 'b', 'c']);
  });

  it('leaves its input untouched', () => {
    const input = [row('b'), row('a')];
    sortHealthRows(input, { key: 'group', direction: 'asc' });
    expect(input.map((r) => r.groupName)).toEqual(['b', 'a']);
  });
});

describe('nextSort', () => {
  it('flips the sorted column and starts another ascending', () => {
    expect(nextSort(DEFAULT_SORT, 'verdict')).toEqual({ key: 'verdict', direction: 'desc' });
    expect(nextSort({ key: 'verdict', direction: 'desc' }, 'verdict')).toEqual({ key: 'verdict', direction: 'asc' });
    expect(nextSort({ key: 'verdict', direction: 'desc' }, 'duration')).toEqual({ key: 'duration', direction: 'asc' });
  });
});
