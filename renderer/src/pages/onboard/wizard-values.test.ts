import { describe, expect, it } from 'vitest';
import { associationInput, STEP_FIELDS, wizardErrors } from './wizard-values';

const GROUP = 'a'.repeat(40);

describe('wizard values', () => {
  it('checks only the fields of the step being left', () => {
    expect(wizardErrors({ groupId: 'nope' }, STEP_FIELDS[0]!)).toEqual({ groupId: expect.any(String) });
    expect(wizardErrors({ groupId: GROUP }, STEP_FIELDS[0]!)).toEqual({});
    expect(
      Object.keys(wizardErrors({ groupId: GROUP, cloud: 'aws', accountId: '12' }, STEP_FIELDS[1]!)).sort(),
    ).toEqual(['accountId', 'profile']);
  });

  it('asks for a cloud before anything else on the credentials step', () => {
    expect(wizardErrors({ groupId: GROUP }, STEP_FIELDS[1]!).cloud).toMatch(/AWS or Google/);
  });

  it('drops audit-log regions unless the module version has them', () => {
    const values = { cloud: 'aws' as const, groupId: GROUP, auditLogRegions: ['us-east-1'] };
    expect(associationInput({ ...values, moduleVersion: '0.1.0' }, undefined)).toMatchObject({ auditLogRegions: [] });
    expect(associationInput({ ...values, moduleVersion: '0.0.10' }, undefined)).toMatchObject({
      auditLogRegions: ['us-east-1'],
    });
  });

  it('replaces a module version from the other cloud with that cloud’s default', () => {
    expect(associationInput({ cloud: 'gcp', moduleVersion: '0.1.0' }, undefined)).toMatchObject({
      moduleVersion: '0.0.12',
    });
  });
});
