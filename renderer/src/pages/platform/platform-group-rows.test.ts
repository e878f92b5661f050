import { describe, expect, it } from 'vitest';
import { platformGroupRows } from './platform-group-rows';

const ORG = 'a'.repeat(40);
const groups = [
  { id: `${ORG}/${'2'.repeat(16)}`, name: 'staging', description: '' },
  { id: ORG, name: 'acme.example', description: 'org' },
  { id: `${ORG}/${'1'.repeat(16)}`, name: 'prod', description: 'payments' },
  { id: `${ORG}/${'1'.repeat(16)}/${'3'.repeat(16)}`, name: 'team-a', description: '' },
];

describe('platformGroupRows', () => {
  it('orders a tree parent-first with depths and marks the local ones', () => {
    const rows = platformGroupRows(groups, new Set([ORG]), '');
    expect(rows.map((r) => [r.group.name, r.depth, r.local])).toEqual([
      ['acme.example', 0, true],
      ['prod', 1, false],
      ['team-a', 2, false],
      ['staging', 1, false],
    ]);
  });

  it('keeps a match’s ancestors and drops the rest', () => {
    expect(platformGroupRows(groups, new Set(), 'TEAM').map((r) => r.group.name)).toEqual([
      'acme.example',
      'prod',
      'team-a',
    ]);
    expect(platformGroupRows(groups, new Set(), 'payments').map((r) => r.group.name)).toEqual(['acme.example', 'prod']);
    expect(platformGroupRows(groups, new Set(), 'nothing')).toEqual([]);
  });
});
