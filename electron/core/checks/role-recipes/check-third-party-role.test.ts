import { appendFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../shared/contract/checks';
import type { ThirdPartyRoleInput } from '../../../../shared/contract/role-recipes';
import { checkBedOnMoto, type AwsHomeOnMoto } from '../../../../test-support/core/aws-test-bed';
import type { TestCore } from '../../../../test-support/core/test-core';
import { createMotoUser, findMotoServer, MOTO_MISSING_REASON } from '../../../../test-support/fakes/aws/moto';
import { motoSuite } from '../../../../test-support/fakes/aws/moto-suite';
import { MOTO_ACCOUNT } from '../../../../test-support/seeders/seed-association';
import { seedThirdPartyRole, type ThirdPartyBreakage } from '../../../../test-support/seeders/seed-third-party-role';

const motoBinary = findMotoServer();
if (!motoBinary) console.warn(`SKIPPED: ${MOTO_MISSING_REASON}`);

const VENDOR = '999988887777';
const EXTERNAL_ID = 'liaison-test-external-id';
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-exports/*' }],
};

describe.skipIf(!motoBinary)(
  motoBinary ? 'third-party role check against moto' : `SKIPPED — ${MOTO_MISSING_REASON}`,
  () => {
    const aws = motoSuite();
    let bed: AwsHomeOnMoto;
    let test: TestCore;
    let run = 0;
    let roleName = '';

    beforeEach(async () => {
      run += 1;
      roleName = `Vendor${run}`;
      ({ bed, test } = await checkBedOnMoto(aws, 'check-third-party', `checker-third-party-${run}`));
    });
    afterEach(() => {
      test.dispose();
      bed.dispose();
    });

    function recipe(change: Partial<ThirdPartyRoleInput> = {}): ThirdPartyRoleInput {
      return {
        kind: 'third-party-role',
        accountId: MOTO_ACCOUNT,
        profile: 'static-admin',
        vendorAccountId: VENDOR,
        externalId: EXTERNAL_ID,
        roleName,
        managedPolicyArns: [READ_ONLY],
        policyDocument: JSON.stringify(POLICY),
        maxSessionSeconds: 3600,
        ...change,
      };
    }

    async function check(
      breakage?: ThirdPartyBreakage,
      change: Partial<ThirdPartyRoleInput> = {},
    ): Promise<CheckResult> {
      await seedThirdPartyRole(aws.moto.url, {
        roleName,
        vendorAccountId: VENDOR,
        externalId: EXTERNAL_ID,
        managedPolicyArns: [READ_ONLY],
        policyDocument: POLICY,
        ...(breakage ? { breakage } : {}),
      });
      const saved = await test.call('saveRoleRecipe', recipe(change));
      return test.call('runAssociationCheck', { associationId: saved.association.id });
    }

    const step = (result: CheckResult, id: string) => result.steps.find((s) => s.id === id);

    it('a correct role is Configured: trust admits the vendor with the External ID and refuses the near misses', async () => {
      const result = await check();
      expect(result.steps.map((s) => [s.id, s.status])).toEqual([
        ['credentials', 'passed'],
        [`role:${roleName}`, 'passed'],
        // ReadOnlyAccess applies to every resource: worth the warning, not a failure.
        [`policies:${roleName}`, 'warning'],
        ['live', 'skipped'],
      ]);
      expect(result.verdict).toBe('configured');
      expect(result.headline).toContain(`no profile of the vendor's account ${VENDOR} was given`);
      const trust = step(result, `role:${roleName}`)!.detail;
      expect(trust).toContain(`Admits arn:aws:sts::${VENDOR}:assumed-role/`);
      expect(trust).toContain('Refuses the vendor without an External ID, the vendor with another External ID');
      const policies = step(result, `policies:${roleName}`)!.detail;
      expect(policies).toContain(`arn:aws:iam::${MOTO_ACCOUNT}:policy/${roleName}-permissions (default version v1)`);
      expect(policies).toContain('"Action":"s3:GetObject"');
      expect(policies).toContain(`${READ_ONLY} (default version`);
      expect(policies).toContain(`${READ_ONLY}: statement`);
      expect(policies).not.toContain(`policy/${roleName}-permissions: statement`);
      // Seed 004's verification calls, against the account.
      const actions = aws.proxy.requests.map((r) => r.action);
      for (const action of ['GetRole', 'ListAttachedRolePolicies', 'GetPolicy', 'GetPolicyVersion']) {
        expect(actions).toContain(action);
      }
      expect(result.groupId).toBe('');
      expect(result.target).toBe(MOTO_ACCOUNT);
    });

    it('with a profile of the vendor account, assumes the role live with the External ID: Success', async () => {
      const keys = await createMotoUser(aws.moto.url, `vendor-${run}`, VENDOR);
      appendFileSync(
        bed.fixture.credentialsFile,
        `\n[vendor]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`,
      );
      const result = await check(undefined, { vendorProfile: 'vendor' });
      expect(step(result, 'live')?.status).toBe('passed');
      expect(step(result, 'live')?.detail).toContain(`assumed arn:aws:iam::${MOTO_ACCOUNT}:role/${roleName}`);
      expect(result.verdict).toBe('success');
      const assume = aws.proxy.requests.find((r) => r.action === 'AssumeRole');
      expect(assume?.body).toContain(`ExternalId=${EXTERNAL_ID}`);
    });

    it('a vendor profile in another account fails the live step', async () => {
      const result = await check(undefined, { vendorProfile: 'static-admin' });
      expect(step(result, 'live')?.status).toBe('failed');
      expect(step(result, 'live')?.detail).toContain(`not the vendor's ${VENDOR}`);
      expect(result.verdict).toBe('failing');
    });

    it.each([
      ['trusts-another-account', /does not admit the vendor/],
      [
        'no-external-id-condition',
        /also admits the vendor without an External ID; the vendor with another External ID/,
      ],
      ['star-principal', /also admits another account \(000000000000\), even with the External ID/],
    ] as const)('a trust that %s is Failing', async (breakage, detail) => {
      const result = await check(breakage);
      expect(result.verdict).toBe('failing');
      expect(step(result, `role:${roleName}`)?.status).toBe('failed');
      expect(step(result, `role:${roleName}`)?.detail).toMatch(detail);
      expect(step(result, 'live')?.status).toBe('skipped');
    });

    it('a missing attachment is Failing and names it', async () => {
      const result = await check('missing-policy');
      expect(result.verdict).toBe('failing');
      expect(step(result, `policies:${roleName}`)?.detail).toContain(`${roleName} lacks ${READ_ONLY}`);
    });

    it('a policy granting * is a warning that says so', async () => {
      const result = await check('wildcard-policy');
      const policies = step(result, `policies:${roleName}`)!;
      expect(policies.status).toBe('warning');
      expect(policies.detail).toContain('statement 1 allows every action');
      expect(policies.detail).toContain('statement 1 applies to every resource (*)');
    });

    it('a role not applied yet is Failing, and its policies are not checked', async () => {
      const saved = await test.call('saveRoleRecipe', recipe());
      const result = await test.call('runAssociationCheck', { associationId: saved.association.id });
      expect(step(result, `role:${roleName}`)?.detail).toBe(`The role ${roleName} does not exist.`);
      expect(step(result, `policies:${roleName}`)?.status).toBe('skipped');
      expect(result.verdict).toBe('failing');
    });

    it('is listed on the dashboard with its kind, role name and verdict', async () => {
      const result = await check();
      const overview = await test.call('getHealthOverview', {});
      const row = overview.rows.find((each) => each.associationId === result.associationId);
      expect(row).toMatchObject({
        kind: 'third-party-role',
        roleName,
        target: MOTO_ACCOUNT,
        workspaceKey: `aws-${MOTO_ACCOUNT}-role-${roleName}`,
        verdict: 'configured',
      });
    });
  },
);
