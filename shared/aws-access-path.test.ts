import { describe, expect, it } from 'vitest';
import { accessPathSchema, defaultSessionName, partitionOfArn, SESSION_NAME_PATTERN } from './aws-access-path';

describe('access path contract', () => {
  it('defaults the role to OrganizationAccountAccessRole and the duration to an hour', () => {
    expect(accessPathSchema.parse({ kind: 'assume-role' })).toEqual({
      kind: 'assume-role',
      roleName: 'OrganizationAccountAccessRole',
      durationSeconds: 3600,
    });
  });

  it('treats empty External ID and session name fields as absent', () => {
    const parsed = accessPathSchema.parse({ kind: 'assume-role', externalId: '  ', sessionName: '' });
    expect(parsed).not.toHaveProperty('externalId', expect.anything());
    expect(parsed).not.toHaveProperty('sessionName', expect.anything());
  });

  it.each([
    ['externalId', 'x', 'at least 2'],
    ['externalId', 'a'.repeat(1225), 'at most 1224'],
    ['externalId', 'has space', 'only letters'],
    ['sessionName', 'a'.repeat(65), 'at most 64'],
    ['sessionName', 'a:b', 'only letters'],
    ['roleName', 'a/b', 'only letters'],
    ['durationSeconds', 600, 'at least 900'],
  ])('refuses %s %j with a field error', (field, value, message) => {
    const result = accessPathSchema.safeParse({ kind: 'assume-role', [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it('accepts the whole External ID charset', () => {
    const value = 'Az09_+=,.@:/-';
    expect(accessPathSchema.parse({ kind: 'assume-role', externalId: value })).toMatchObject({ externalId: value });
  });

  it.each(['alice', 'Dr. O’Brien', 'domain\\user', '', 'x'.repeat(200)])(
    'makes a valid session name from local user %j',
    (user) => {
      const name = defaultSessionName(user);
      expect(name.startsWith('liaison-')).toBe(true);
      expect(SESSION_NAME_PATTERN.test(name)).toBe(true);
    },
  );
});

describe('partitions', () => {
  it.each([
    ['arn:aws:iam::111111111111:user/alice', 'aws'],
    ['arn:aws-us-gov:sts::111111111111:assumed-role/Admin/alice', 'aws-us-gov'],
    ['arn:aws-cn:iam::111111111111:root', 'aws-cn'],
    ['arn:aws-iso:iam::111111111111:root', undefined],
    ['not an arn', undefined],
  ])('%s is in partition %s', (arn, partition) => {
    expect(partitionOfArn(arn)).toBe(partition);
  });

  it('keeps no partition when none is given, and refuses one AWS does not have', () => {
    expect(accessPathSchema.parse({ kind: 'assume-role' })).not.toHaveProperty('partition');
    expect(accessPathSchema.parse({ kind: 'assume-role', partition: 'aws-cn' })).toMatchObject({ partition: 'aws-cn' });
    const refused = accessPathSchema.safeParse({ kind: 'assume-role', partition: 'aws-iso' });
    expect(refused.error?.issues[0]).toMatchObject({
      path: ['partition'],
      message: 'The partition is aws, aws-us-gov (GovCloud) or aws-cn (China)',
    });
  });
});
