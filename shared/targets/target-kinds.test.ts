import { describe, expect, it } from 'vitest';
import { associationValuesSchema } from '../contract/associations';
import { planRegistration } from '../platform/association-record';
import {
  DEFAULT_TARGET_CLOUD,
  allTargetKinds,
  describeTarget,
  otherTargetKinds,
  targetIdOf,
  targetKind,
} from './target-kinds';

describe('target kinds', () => {
  it('has exactly one record for every cloud the contract accepts, each under its own cloud', () => {
    const clouds = associationValuesSchema.shape.cloud.unwrap().options;
    expect(allTargetKinds().map((kind) => kind.cloud)).toEqual([...clouds]);
    for (const cloud of clouds) expect(targetKind(cloud).cloud).toBe(cloud);
    expect(clouds).toContain(DEFAULT_TARGET_CLOUD);
  });

  it('keeps distinct record halves, account types, id fields and workspace keys per kind', () => {
    const kinds = allTargetKinds();
    for (const field of [
      'recordField',
      'platformAccountType',
      'idField',
      'cliOption',
      'fleetModuleVersionOption',
    ] as const) {
      expect(new Set(kinds.map((kind) => kind[field])).size).toBe(kinds.length);
    }
    expect(targetKind('aws').workspaceKey('123456789012')).toBe('aws-123456789012');
    expect(targetKind('gcp').workspaceKey('demo-project')).toBe('gcp-demo-project');
  });

  it('reads the id of the values’ own cloud only', () => {
    const values = { accountId: '123456789012', projectId: 'demo-project' };
    expect(targetIdOf({ ...values, cloud: 'aws' })).toBe('123456789012');
    expect(targetIdOf({ ...values, cloud: 'gcp' })).toBe('demo-project');
    expect(targetIdOf(values)).toBeUndefined();
    expect(describeTarget({ cloud: 'gcp' })).toBe('GCP project ?');
  });

  it('names no platform target until the values name a whole one (a project needs its number)', () => {
    expect(targetKind('gcp').platformTarget({ projectId: 'demo-project' })).toBeUndefined();
    expect(targetKind('gcp').platformTarget({ projectId: 'demo-project', projectNumber: '42' })).toEqual({
      cloud: 'gcp',
      projectId: 'demo-project',
      projectNumber: '42',
    });
    expect(targetKind('aws').platformTarget({ projectId: 'demo-project' })).toBeUndefined();
  });

  it('writes and reads back each kind’s half of the platform record, keeping the others', () => {
    for (const kind of allTargetKinds()) {
      const target = kind.platformTarget({ accountId: '123456789012', projectId: 'demo-project', projectNumber: '42' });
      if (!target) throw new Error(`${kind.cloud} names no target`);
      const plan = planRegistration('group', undefined, target);
      expect(kind.recordTarget(plan.record)).toBe(kind.platformTargetId(target));
      for (const other of otherTargetKinds(kind.cloud)) expect(other.recordTarget(plan.record)).toBeUndefined();
    }
    expect(otherTargetKinds('aws').map((kind) => kind.cloud)).toEqual(['gcp']);
  });
});
