import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_NAME_PATTERN, type AccessPathInput } from '../../../shared/aws-access-path';
import { parseHcl } from '../../../test-support/terraform-files/parse-hcl';
import { dispatchCall } from '../dispatch';
import { createTestCore } from '../../../test-support/core/test-core';

let harness: ReturnType<typeof createTestCore>;
beforeEach(() => {
  harness = createTestCore();
});
afterEach(() => harness.dispose());

const member = '210987654321';
const input = (groupId: string, accessPath: AccessPathInput) => ({
  cloud: 'aws' as const,
  groupId,
  accountId: member,
  profile: 'management',
  moduleVersion: '0.1.0' as const,
  environment: 'enforce.dev',
  accessPath,
});

type Providers = { provider: { aws: { assume_role?: Record<string, string>[] }[] } };

describe('an association reached through a role', () => {
  it('writes the assume_role, fills in the session name, and stores the path with the association', async () => {
    const groupId = (await harness.call('createGroup', { mode: 'root', name: 'Payments' })).id;
    const saved = await harness.call('saveAssociation', input(groupId, { kind: 'assume-role', externalId: 'ext-42' }));
    const main = readFileSync(join(harness.dataDir, 'workspaces', `aws-${member}`, 'main.tf'), 'utf8');
    expect(main).not.toContain('management');
    const parsed = (await parseHcl(main)) as Providers;
    const [role] = parsed.provider.aws[0]!.assume_role!;
    expect(role).toMatchObject({
      role_arn: `arn:aws:iam::${member}:role/OrganizationAccountAccessRole`,
      external_id: 'ext-42',
      duration: '3600s',
    });
    expect(role!.session_name).toMatch(/^liaison-/);
    expect(SESSION_NAME_PATTERN.test(role!.session_name!)).toBe(true);
    const stored = (await harness.call('listAssociations', {})).find((each) => each.id === saved.association.id);
    expect(stored?.values.accessPath).toEqual({
      kind: 'assume-role',
      roleName: 'OrganizationAccountAccessRole',
      externalId: 'ext-42',
      sessionName: role!.session_name,
      durationSeconds: 3600,
    });
  });

  it('refuses a bad External ID with a field error and writes nothing', async () => {
    const groupId = (await harness.call('createGroup', { mode: 'root', name: 'Payments' })).id;
    const result = await dispatchCall(
      harness.core,
      'saveAssociation',
      input(groupId, { kind: 'assume-role', externalId: 'has "quotes"' }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'INVALID_INPUT', field: 'accessPath.externalId' });
    expect(await harness.call('listAssociations', {})).toEqual([]);
  });

  it('writes a GovCloud role ARN for a GovCloud path, and refuses a partition AWS does not have', async () => {
    const groupId = (await harness.call('createGroup', { mode: 'root', name: 'Payments' })).id;
    const refused = await dispatchCall(
      harness.core,
      'saveAssociation',
      input(groupId, { kind: 'assume-role', partition: 'aws-iso' as 'aws' }),
    );
    expect(!refused.ok && refused.error).toMatchObject({ code: 'INVALID_INPUT', field: 'accessPath.partition' });
    expect(await harness.call('listAssociations', {})).toEqual([]);

    const saved = await harness.call(
      'saveAssociation',
      input(groupId, { kind: 'assume-role', partition: 'aws-us-gov' }),
    );
    const main = readFileSync(join(harness.dataDir, 'workspaces', `aws-${member}`, 'main.tf'), 'utf8');
    const parsed = (await parseHcl(main)) as Providers;
    expect(parsed.provider.aws[0]!.assume_role![0]!.role_arn).toBe(
      `arn:aws-us-gov:iam::${member}:role/OrganizationAccountAccessRole`,
    );
    const stored = (await harness.call('listAssociations', {})).find((each) => each.id === saved.association.id);
    expect(stored?.values.accessPath).toMatchObject({ kind: 'assume-role', partition: 'aws-us-gov' });
  });

  it('gives the whole workspace the latest access path, and the profile it starts from', async () => {
    const first = (await harness.call('createGroup', { mode: 'root', name: 'A' })).id;
    const second = (await harness.call('createGroup', { mode: 'root', name: 'B' })).id;
    await harness.call('saveAssociation', { ...input(first, { kind: 'profile' }), profile: 'member' });
    await harness.call('saveAssociation', input(second, { kind: 'assume-role', sessionName: 'liaison-ci' }));
    const values = (await harness.call('listAssociations', {})).map((each) => each.values);
    for (const each of values) {
      expect(each.profile).toBe('management');
      expect(each.accessPath).toMatchObject({ kind: 'assume-role', sessionName: 'liaison-ci' });
    }
  });
});
