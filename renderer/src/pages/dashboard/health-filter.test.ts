import { describe, expect, it } from 'vitest';
import type { HealthRow } from '../../../../shared/contract/health';
import { filterHealthRows, NO_FILTER, toSearchableHealthRows } from './health-filter';
import { describeTrend } from './verdict-trend';

const row = (over: Partial<HealthRow>): HealthRow => ({
  associationId: '00000000-0000-4000-8000-000000000000',
  groupId: 'a'.repeat(40),
  groupName: 'platform',
  cloud: 'aws',
  target: '123456789012',
  workspaceKey: 'aws-123456789012',
  recent: [],
  drift: 'unknown',
  ...over,
});

describe('filterHealthRows', () => {
  const rows = [
    row({ groupName: 'Platform', verdict: 'failing', headline: 'Role X trusts the wrong issuer' }),
    row({ groupName: 'data', cloud: 'gcp', target: 'my-project', verdict: 'configured', groupId: 'b'.repeat(40) }),
    row({ groupName: 'edge', groupId: 'C0FFEE'.padEnd(40, '0') }),
  ];
  const searchable = toSearchableHealthRows(rows);
  const names = (filter: Partial<typeof NO_FILTER>) =>
    filterHealthRows(searchable, { ...NO_FILTER, ...filter }).map((r) => r.groupName);

  it('combines search, cloud, verdict and group', () => {
    expect(names({})).toEqual(['Platform', 'data', 'edge']);
    expect(names({ search: 'PLAT' })).toEqual(['Platform']);
    expect(names({ search: 'my-proj' })).toEqual(['data']);
    expect(names({ cloud: 'gcp' })).toEqual(['data']);
    expect(names({ verdict: 'unchecked' })).toEqual(['edge']);
    expect(names({ groupId: 'b'.repeat(40), verdict: 'failing' })).toEqual([]);
  });

  it('filters on the Platform column, with "none" for checks that did not ask the platform', () => {
    const platformRows = toSearchableHealthRows([
      row({ groupName: 'ready', platform: 'ready' }),
      row({ groupName: 'refused', platform: 'not-ready' }),
      row({ groupName: 'unregistered', platform: 'not-registered' }),
      row({ groupName: 'offline' }),
    ]);
    const platform = (value: (typeof NO_FILTER)['platform']) =>
      filterHealthRows(platformRows, { ...NO_FILTER, platform: value }).map((r) => r.groupName);
    expect(platform('all')).toEqual(['ready', 'refused', 'unregistered', 'offline']);
    expect(platform('not-ready')).toEqual(['refused']);
    expect(platform('not-registered')).toEqual(['unregistered']);
    expect(platform('none')).toEqual(['offline']);
    expect(platform('needs-sign-in')).toEqual([]);
  });

  it('searches group id and headline in any case, trimmed, keeping the given order', () => {
    expect(names({ search: 'c0ffee' })).toEqual(['edge']);
    expect(names({ search: '  WRONG issuer ' })).toEqual(['Platform']);
    expect(names({ search: '1234567890' })).toEqual(['Platform', 'edge']);
    expect(filterHealthRows(toSearchableHealthRows([...rows].reverse()), NO_FILTER).map((r) => r.groupName)).toEqual([
      'edge',
      'data',
      'Platform',
    ]);
  });

  it('never matches a query across two fields', () => {
    // "platform" + group id "aaaa…": the joined key must not let "formaaa" match.
    expect(names({ search: 'formaaa' })).toEqual([]);
  });

  it('says a trend in words', () => {
    expect(describeTrend([])).toBe('No checks yet');
    expect(describeTrend(['configured', 'failing', 'configured'])).toBe('Last 3: 2 Configured, 1 Failing');
  });
});
