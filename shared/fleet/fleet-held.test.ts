import { describe, expect, it } from 'vitest';
import { heldByGroup } from './fleet-held';
import { mappingProblems } from './fleet-mapping';

const GROUP = `${'a'.repeat(40)}/${'1'.repeat(16)}`;
const OTHER = `${'a'.repeat(40)}/${'2'.repeat(16)}`;

describe('heldByGroup', () => {
  it('joins local generated associations and platform records, the platform winning per cloud', () => {
    const held = heldByGroup(
      [{ group: GROUP, aws: '222222222222' }],
      [
        { status: 'generated', values: { groupId: GROUP, cloud: 'aws', accountId: '111111111111' } },
        { status: 'generated', values: { groupId: GROUP, cloud: 'gcp', projectId: 'logs-project' } },
        { status: 'draft', values: { groupId: OTHER, cloud: 'aws', accountId: '333333333333' } },
      ],
    );
    expect(held).toEqual(new Map([[GROUP, { aws: '222222222222', gcp: 'logs-project' }]]));
  });

  it('feeds the mapping: a group the platform says holds another account is flagged on the row', () => {
    const held = heldByGroup([{ group: GROUP, aws: '222222222222' }], []);
    const problems = mappingProblems(
      [
        {
          candidate: { cloud: 'aws', id: '111111111111', name: 'logs', unit: 'Security' },
          target: { kind: 'existing', groupId: GROUP },
        },
      ],
      { groups: [{ id: GROUP, name: 'logs' }], held },
    );
    expect(problems.get('aws:111111111111')).toEqual([
      { field: 'group', message: 'The group already holds AWS account 222222222222: a group holds one AWS account' },
    ]);
  });
});
