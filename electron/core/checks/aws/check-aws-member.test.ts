import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessPathInput } from '../../../../shared/aws-access-path';
import type { CheckResult } from '../../../../shared/contract/checks';
import { awsHomeOnMoto, type AwsHomeOnMoto } from '../../../../test-support/core/aws-test-bed';
import { awsQueryError } from '../../../../test-support/fakes/aws/fault-proxy';
import {
  createMotoUser,
  findMotoServer,
  inMotoAccount,
  MOTO_MISSING_REASON,
} from '../../../../test-support/fakes/aws/moto';
import { motoSuite } from '../../../../test-support/fakes/aws/moto-suite';
import { MOTO_ACCOUNT } from '../../../../test-support/seeders/seed-association';
import { seedGroupsOnSharedAccount } from '../../../../test-support/seeders/seed-shared-account';
import { createTestCore } from '../../../../test-support/core/test-core';

const motoBinary = findMotoServer();
if (!motoBinary) console.warn(`SKIPPED: ${MOTO_MISSING_REASON}`);

const GROUP = '0123456789abcdef0123456789abcdef01234567';

/** A member role whose trust names `principal` (the management account, or `*`). */
async function createMemberRole(motoUrl: string, account: string, roleName: string, principal: string) {
  const iam = inMotoAccount(
    new IAMClient({
      region: 'us-east-1',
      endpoint: motoUrl,
      credentials: { accessKeyId: 'AKIAMOTOSEEDER000000', secretAccessKey: 'seeder' },
    }),
    account,
  );
  try {
    await iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Sid: 'Management', Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );
  } finally {
    iam.destroy();
  }
}

describe.skipIf(!motoBinary)(
  motoBinary ? 'check-aws through a role, against moto' : `SKIPPED — ${MOTO_MISSING_REASON}`,
  () => {
    const aws = motoSuite();
    let bed: AwsHomeOnMoto;
    let test: ReturnType<typeof createTestCore>;
    let member: string;
    let run = 0;

    beforeEach(async () => {
      run += 1;
      // A fresh member account per test: moto keeps every account's resources for the suite.
      member = `2109876543${String(run).padStart(2, '0')}`;
      aws.fault = undefined;
      bed = awsHomeOnMoto(aws, 'check-member', {
        staticKeys: await createMotoUser(aws.moto.url, `management-${run}`),
      });
      test = createTestCore();
      await seedGroupsOnSharedAccount(aws.moto.url, [GROUP], 'enforce.dev', member);
      aws.proxy.requests.length = 0;
    });
    afterEach(() => {
      test.dispose();
      bed.dispose();
    });

    async function checkThrough(accessPath: AccessPathInput): Promise<CheckResult> {
      await test.call('createGroup', { mode: 'existing', id: GROUP, name: 'platform' });
      const saved = await test.call('saveAssociation', {
        cloud: 'aws',
        groupId: GROUP,
        environment: 'enforce.dev',
        accountId: member,
        profile: 'static-admin',
        moduleVersion: '0.1.0',
        accessPath,
      });
      return test.call('runAssociationCheck', { associationId: saved.association.id });
    }

    const step = (result: CheckResult, id: string) => result.steps.find((s) => s.id === id);

    it('reaches the member account by AssumeRole from the management profile and checks it there', async () => {
      await createMemberRole(
        aws.moto.url,
        member,
        'OrganizationAccountAccessRole',
        `arn:aws:iam::${MOTO_ACCOUNT}:root`,
      );
      const result = await checkThrough({ kind: 'assume-role', externalId: 'ext-1', sessionName: 'liaison-test' });
      expect(result.steps.map((s) => [s.id, s.status])).toEqual([
        ['credentials', 'passed'],
        ['access-role', 'passed'],
        ['oidc-provider', 'passed'],
        ['role:chainguard-canary', 'passed'],
        ['role:chainguard-catalog-syncer', 'passed'],
        ['policies:chainguard-catalog-syncer', 'passed'],
        ['live', 'skipped'],
      ]);
      expect(result.verdict).toBe('configured');
      expect(step(result, 'credentials')?.detail).toContain(`arn:aws:iam::${MOTO_ACCOUNT}:user/management-${run}`);
      expect(step(result, 'access-role')?.detail).toContain(
        `acting as arn:aws:sts::${member}:assumed-role/OrganizationAccountAccessRole/liaison-test`,
      );
      // The member account's resources were read with the member's credentials, in the member account.
      expect(step(result, 'oidc-provider')?.detail).toContain(
        `arn:aws:iam::${member}:oidc-provider/issuer.enforce.dev`,
      );
      const assume = aws.proxy.requests.filter((r) => r.action === 'AssumeRole');
      expect(assume).toHaveLength(1);
      const params = new URLSearchParams(assume[0]!.body);
      expect(params.get('RoleArn')).toBe(`arn:aws:iam::${member}:role/OrganizationAccountAccessRole`);
      expect(params.get('ExternalId')).toBe('ext-1');
      expect(params.get('RoleSessionName')).toBe('liaison-test');
    });

    it('a refused AssumeRole fails the check and says what each side needs', async () => {
      aws.fault = (request) =>
        request.action === 'AssumeRole'
          ? awsQueryError(403, 'AccessDenied', 'User is not authorized to perform: sts:AssumeRole')
          : undefined;
      const result = await checkThrough({
        kind: 'assume-role',
        roleName: 'AWSControlTowerExecution',
        externalId: 'x-9',
      });
      expect(result.verdict).toBe('failing');
      const access = step(result, 'access-role');
      expect(access?.status).toBe('failed');
      expect(access?.detail).toContain(`assuming arn:aws:iam::${member}:role/AWSControlTowerExecution (AccessDenied)`);
      expect(access?.remediation).toContain(`arn:aws:iam::${MOTO_ACCOUNT}:root`);
      expect(access?.remediation).toContain('sts:ExternalId = "x-9"');
      expect(access?.remediation).toContain('never a "*" principal');
      expect(access?.remediation).toContain(`sts:AssumeRole on arn:aws:iam::${member}:role/AWSControlTowerExecution`);
      expect(step(result, 'static')).toMatchObject({ status: 'skipped' });
      expect(aws.proxy.requests.map((r) => r.action)).not.toContain('GetOpenIDConnectProvider');
    });

    it('names OrganizationAccountAccessRole missing from invited accounts when that role is refused', async () => {
      aws.fault = (request) =>
        request.action === 'AssumeRole' ? awsQueryError(403, 'AccessDenied', 'not authorized') : undefined;
      const result = await checkThrough({ kind: 'assume-role' });
      expect(step(result, 'access-role')?.remediation).toContain('invited into an organization');
    });

    it('warns when the member role trusts "*"', async () => {
      await createMemberRole(aws.moto.url, member, 'WideOpen', '*');
      const result = await checkThrough({ kind: 'assume-role', roleName: 'WideOpen' });
      const access = step(result, 'access-role');
      expect(access?.status).toBe('warning');
      expect(access?.detail).toContain('statement 1 (Management)');
      expect(access?.detail).toContain('never trust "*"');
    });

    it('check-all assumes each member role once for every group on it, and judges each group', async () => {
      const groups = ['1'.repeat(40), '2'.repeat(40)];
      // A member of its own: beforeEach's has the module for another group already.
      member = `3${member.slice(1)}`;
      await seedGroupsOnSharedAccount(aws.moto.url, groups, 'enforce.dev', member);
      const ids: string[] = [];
      for (const [index, id] of groups.entries()) {
        await test.call('createGroup', { mode: 'existing', id, name: `team-${index}` });
        const saved = await test.call('saveAssociation', {
          cloud: 'aws',
          groupId: id,
          environment: 'enforce.dev',
          accountId: member,
          profile: 'static-admin',
          moduleVersion: '0.1.0',
          accessPath: { kind: 'assume-role', sessionName: 'liaison-all' },
        });
        ids.push(saved.association.id);
      }
      aws.proxy.requests.length = 0;
      const ended = new Promise<void>((resolve) => {
        const unsubscribe = test.core.events.subscribe((name, payload) => {
          if (name !== 'healthRunProgress' || (payload as { state: string }).state === 'running') return;
          unsubscribe();
          resolve();
        });
      });
      await test.call('startHealthRun', {});
      await ended;
      for (const id of ids) {
        const [latest] = await test.call('listAssociationChecks', { associationId: id });
        expect(latest?.verdict).toBe('configured');
        expect(step(latest!, 'access-role')?.status).toBe('passed');
      }
      // One source session and one AssumeRole for the run, shared by both checks.
      expect(aws.proxy.requests.filter((r) => r.action === 'AssumeRole')).toHaveLength(1);
    });

    it('throttled AssumeRole is retried by the SDK and then passes', async () => {
      await createMemberRole(
        aws.moto.url,
        member,
        'OrganizationAccountAccessRole',
        `arn:aws:iam::${MOTO_ACCOUNT}:root`,
      );
      let throttled = 0;
      aws.fault = (request) => {
        if (request.action !== 'AssumeRole' || throttled >= 2) return undefined;
        throttled += 1;
        return awsQueryError(400, 'Throttling', 'Rate exceeded');
      };
      const result = await checkThrough({ kind: 'assume-role' });
      expect(step(result, 'access-role')?.status).toBe('passed');
      expect(aws.proxy.requests.filter((r) => r.action === 'AssumeRole')).toHaveLength(3);
    });
  },
);
