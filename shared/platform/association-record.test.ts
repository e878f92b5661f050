import { describe, expect, it } from 'vitest';
import { planRegistration, planUnset, type AccountAssociationsRecord } from './association-record';

const GROUP = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd/0123456789abcdef';
const withGoogle: AccountAssociationsRecord = {
  group: GROUP,
  name: 'prod',
  google: { projectId: 'demo-project', projectNumber: '123456789012' },
};

describe('planRegistration', () => {
  it('creates a record when the group has none', () => {
    expect(planRegistration(GROUP, undefined, { cloud: 'aws', account: '123456789012' })).toEqual({
      kind: 'create',
      record: { group: GROUP, amazon: { account: '123456789012' } },
    });
  });

  it('setting amazon keeps google and the fields Liaison does not manage', () => {
    const existing = { ...withGoogle, github: { installationId: 7 } };
    const plan = planRegistration(GROUP, existing, { cloud: 'aws', account: '123456789012' });
    expect(plan.kind).toBe('add');
    expect(plan.record).toEqual({
      group: GROUP,
      name: 'prod',
      google: { projectId: 'demo-project', projectNumber: '123456789012' },
      github: { installationId: 7 },
      amazon: { account: '123456789012' },
    });
  });

  it('setting google keeps amazon', () => {
    const existing = { group: GROUP, amazon: { account: '111111111111' } };
    const plan = planRegistration(GROUP, existing, { cloud: 'gcp', projectId: 'p-1', projectNumber: '42' });
    expect(plan).toEqual({
      kind: 'add',
      keeps: 'aws',
      record: { group: GROUP, amazon: { account: '111111111111' }, google: { projectId: 'p-1', projectNumber: '42' } },
    });
  });

  it('is unchanged for the same account, and keeps the platform project number when none is known', () => {
    expect(
      planRegistration(GROUP, { group: GROUP, amazon: { account: '1' } }, { cloud: 'aws', account: '1' }).kind,
    ).toBe('unchanged');
    const same = planRegistration(GROUP, withGoogle, { cloud: 'gcp', projectId: 'demo-project' });
    expect(same).toEqual({ kind: 'unchanged', record: withGoogle });
  });

  it('replacing another account names the one it replaces', () => {
    const plan = planRegistration(
      GROUP,
      { group: GROUP, amazon: { account: '111111111111' }, google: withGoogle.google },
      {
        cloud: 'aws',
        account: '222222222222',
      },
    );
    expect(plan).toMatchObject({ kind: 'replace', replaces: '111111111111' });
    expect(plan.record.google).toEqual(withGoogle.google);
    expect(plan.record.amazon).toEqual({ account: '222222222222' });
  });
});

describe('planUnset', () => {
  it('unsetting amazon keeps google', () => {
    const existing = { ...withGoogle, amazon: { account: '111111111111' } };
    expect(planUnset(existing, 'aws', '111111111111')).toEqual({ kind: 'update', record: withGoogle });
  });

  it('unsetting google keeps amazon', () => {
    const existing = { ...withGoogle, amazon: { account: '111111111111' } };
    expect(planUnset(existing, 'gcp', 'demo-project')).toEqual({
      kind: 'update',
      record: { group: GROUP, name: 'prod', amazon: { account: '111111111111' } },
    });
  });

  it('deletes the record when its last half goes', () => {
    expect(planUnset({ group: GROUP, name: 'x', amazon: { account: '1' } }, 'aws', '1')).toEqual({ kind: 'delete' });
  });

  it('keeps a record that still holds something Liaison does not manage', () => {
    const plan = planUnset({ group: GROUP, amazon: { account: '1' }, azure: { tenantId: 't' } }, 'aws', '1');
    expect(plan).toEqual({ kind: 'update', record: { group: GROUP, azure: { tenantId: 't' } } });
  });

  it('leaves a record holding another account alone', () => {
    expect(planUnset({ group: GROUP, amazon: { account: '2' } }, 'aws', '1')).toMatchObject({ kind: 'nothing' });
    expect(planUnset(undefined, 'aws', '1')).toMatchObject({ kind: 'nothing' });
  });
});
