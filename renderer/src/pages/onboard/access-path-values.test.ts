import { describe, expect, it } from 'vitest';
import { associationInput, STEP_FIELDS, wizardErrors } from './wizard-values';

const GROUP = '0123456789abcdef0123456789abcdef01234567';
const aws = { groupId: GROUP, cloud: 'aws' as const, profile: 'management', accountId: '210987654321' };

describe('the access path in the wizard', () => {
  it('sends the profile path when none was chosen', () => {
    expect(associationInput(aws, undefined)).toMatchObject({ accessPath: { kind: 'profile' } });
  });

  it('sends the role with its defaults and leaves empty optional fields out', () => {
    const input = associationInput(
      { ...aws, accessPath: { kind: 'assume-role', externalId: '', sessionName: '' } },
      undefined,
    );
    expect(input).toMatchObject({ accessPath: { kind: 'assume-role', roleName: 'OrganizationAccountAccessRole' } });
    expect(input.cloud === 'aws' && input.accessPath).not.toHaveProperty('externalId');
    expect(input.cloud === 'aws' && input.accessPath).not.toHaveProperty('sessionName');
  });

  it('shows each bad access-path field on the Cloud step, under its own name', () => {
    const errors = wizardErrors(
      { ...aws, accessPath: { kind: 'assume-role', roleName: 'a/b', externalId: 'x', sessionName: 'has space' } },
      STEP_FIELDS[1]!,
    );
    expect(Object.keys(errors).sort()).toEqual([
      'accessPath.externalId',
      'accessPath.roleName',
      'accessPath.sessionName',
    ]);
    expect(errors['accessPath.externalId']).toContain('at least 2');
  });
});
