import { describe, expect, it } from 'vitest';
import type { HealthRow } from '../../../../shared/contract/health';
import { filterHealthRows, NO_FILTER } from './health-filter';
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
    row({ groupName: 'Platform', verdict: 'failing' }),
    row({ groupName: 'data', cloud: 'gcp', target: 'my-project', verdict: 'configured', groupId: 'b'.repeat(40) }),
    row({ groupName: 'edge' }),
  ];

  it('combines search, cloud, verdict and group', () => {
    expect(filterHealthRows(rows, NO_FILTER)).toHaveLength(3);
    expect(filterHealthRows(rows, { ...NO_FILTER, search: 'PLAT' }).map((r) => r.groupName)).toEqual(['Platform']);
    expect(filterHealthRows(rows, { ...NO_FILTER, search: 'my-proj' }).map((r) => r.groupName)).toEqual(['data']);
    expect(filterHealthRows(rows, { ...NO_FILTER, cloud: 'gcp' })).toHaveLength(1);
    expect(filterHealthRows(rows, { ...NO_FILTER, verdict: 'unchecked' }).map((r) => r.groupName)).toEqual(['edge']);
    expect(filterHealthRows(rows, { ...NO_FILTER, groupId: 'b'.repeat(40), verdict: 'failing' })).toEqual([]);
  });

  it('says a trend in words', () => {
    expect(describeTrend([])).toBe('No checks yet');
    expect(describeTrend(['configured', 'failing', 'configured'])).toBe('Last 3: 2 Configured, 1 Failing');
  });
});
