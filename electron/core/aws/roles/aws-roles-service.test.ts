import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roleErrorCodes } from '../../../../shared/contract/roles';
import { accessQuestionSchema, explainAccess } from '../../../../shared/trust-policy/explain-access';
import { awsHomeOnMoto, type AwsHomeOnMoto } from '../../../../test-support/core/aws-test-bed';
import { createTestCore } from '../../../../test-support/core/test-core';
import { awsQueryError } from '../../../../test-support/fakes/aws/fault-proxy';
import { createMotoUser, findMotoServer, MOTO_MISSING_REASON } from '../../../../test-support/fakes/aws/moto';
import { motoSuite } from '../../../../test-support/fakes/aws/moto-suite';
import {
  EKS_ISSUER_HOST,
  INTENDED_SUBJECT,
  MOTO_DEFAULT_ACCOUNT,
  seedInspectorRoles,
  seedManyRoles,
  VENDOR_ACCOUNT,
  VENDOR_EXTERNAL_ID,
} from '../../../../test-support/seeders/seed-roles';

const motoBinary = findMotoServer();
if (!motoBinary) console.warn(`SKIPPED: ${MOTO_MISSING_REASON}`);

const MEMBER = '210987654399';

describe.skipIf(!motoBinary)(
  motoBinary ? 'the role inspector against moto' : `SKIPPED — ${MOTO_MISSING_REASON}`,
  () => {
    const aws = motoSuite();
    let bed: AwsHomeOnMoto;
    let test: ReturnType<typeof createTestCore>;
    let seeded = false;

    beforeEach(async () => {
      aws.fault = undefined;
      if (!seeded) {
        await seedInspectorRoles(aws.moto.url);
        await seedInspectorRoles(aws.moto.url, MEMBER);
        seeded = true;
      }
      bed = awsHomeOnMoto(aws, 'roles', { staticKeys: await createMotoUser(aws.moto.url, `inspector-${Date.now()}`) });
      test = createTestCore();
      aws.proxy.requests.length = 0;
    });
    afterEach(() => {
      test.dispose();
      bed.dispose();
    });

    it('lists every role with its trust decoded and the findings of the correct and broken trusts', async () => {
      const listed = await test.call('listAccountRoles', { profile: 'static-admin' });
      expect(listed.accountId).toBe(MOTO_DEFAULT_ACCOUNT);
      const byName = new Map(listed.roles.map((role) => [role.name, role]));
      const codes = (name: string) => byName.get(name)?.findings.map((f) => `${f.severity}:${f.code}`);
      expect(codes('vendor-with-external-id')).toEqual([]);
      expect(codes('vendor-without-external-id')).toEqual(['medium:no-external-id']);
      expect(codes('open-to-world')).toEqual(['high:wildcard-principal']);
      expect(codes('irsa-app')).toEqual([]);
      expect(codes('irsa-other-service-account')).toEqual([]);
      expect(codes('irsa-wrong-aud')).toEqual(['medium:unexpected-aud']);
      expect(codes('irsa-string-like')).toEqual(['medium:sub-string-like']);
      expect(codes('irsa-without-aud')).toEqual(['high:oidc-without-aud']);
      const vendor = byName.get('vendor-with-external-id');
      expect(vendor?.arn).toBe(`arn:aws:iam::${MOTO_DEFAULT_ACCOUNT}:role/vendor-with-external-id`);
      expect(JSON.parse(vendor?.trustPolicy ?? '{}')).toMatchObject({
        Statement: [{ Sid: 'Vendor', Condition: { StringEquals: { 'sts:ExternalId': VENDOR_EXTERNAL_ID } } }],
      });
      // Eight roles: one ListRoles page.
      expect(aws.proxy.requests.filter((request) => request.action === 'ListRoles')).toHaveLength(1);
    });

    it('explains the near misses the findings cannot see: another service account, the vendor without its id', async () => {
      const listed = await test.call('listAccountRoles', { profile: 'static-admin' });
      const trustOf = (name: string) => listed.roles.find((role) => role.name === name)?.trustPolicy ?? '';
      const provider = `arn:aws:iam::${MOTO_DEFAULT_ACCOUNT}:oidc-provider/${EKS_ISSUER_HOST}`;
      const intended = accessQuestionSchema.parse({
        kind: 'oidc',
        provider,
        sub: INTENDED_SUBJECT,
        aud: 'sts.amazonaws.com',
      });
      expect(explainAccess(trustOf('irsa-app'), intended).admitted).toBe(true);
      const other = explainAccess(trustOf('irsa-other-service-account'), intended);
      expect(other.admitted).toBe(false);
      expect(other.statements[0]?.reason).toContain('system:serviceaccount:default:other');
      const vendorWithoutId = accessQuestionSchema.parse({ kind: 'aws', principal: VENDOR_ACCOUNT });
      const refused = explainAccess(trustOf('vendor-with-external-id'), vendorWithoutId);
      expect(refused.summary).toBe(`Refused: no statement admits ${VENDOR_ACCOUNT} without an External ID.`);
      expect(refused.statements[0]?.reason).toBe(
        'its condition StringEquals sts:ExternalId: the request has no sts:ExternalId',
      );
    });

    it('reads attached policies at their default version, and inline policies, with their findings', async () => {
      const vendor = await test.call('describeRolePolicies', {
        profile: 'static-admin',
        roleName: 'vendor-with-external-id',
      });
      expect(vendor.inline).toEqual([]);
      expect(vendor.attached).toHaveLength(1);
      const [managed] = vendor.attached;
      expect(managed).toMatchObject({ kind: 'managed', name: 'vendor-permissions', defaultVersionId: 'v2' });
      expect(JSON.parse(managed?.document ?? '{}')).toMatchObject({
        Statement: [{ Sid: 'Instances', Action: ['ec2:*'] }],
      });
      expect(managed?.findings.map((f) => `${f.severity}:${f.code}`)).toEqual(['medium:wildcard-action']);
      const actions = aws.proxy.requests.map((request) => request.action);
      expect(actions).toEqual(
        expect.arrayContaining(['ListAttachedRolePolicies', 'GetPolicy', 'GetPolicyVersion', 'ListRolePolicies']),
      );

      const open = await test.call('describeRolePolicies', { profile: 'static-admin', roleName: 'open-to-world' });
      expect(open.attached).toEqual([]);
      expect(open.inline.map((policy) => [policy.name, policy.findings.map((f) => `${f.severity}:${f.code}`)])).toEqual(
        [['admin-everything', ['high:wildcard-action', 'high:wildcard-resource']]],
      );
    });

    it('reads a member account through a role from the profile (an access path)', async () => {
      const listed = await test.call('listAccountRoles', {
        profile: 'static-admin',
        member: { accountId: MEMBER, accessPath: { kind: 'assume-role', roleName: 'OrganizationAccountAccessRole' } },
      });
      expect(listed.accountId).toBe(MEMBER);
      expect(listed.readAs).toContain(`${MEMBER}:assumed-role/OrganizationAccountAccessRole/`);
      expect(listed.roles.find((role) => role.name === 'open-to-world')?.arn).toBe(
        `arn:aws:iam::${MEMBER}:role/open-to-world`,
      );
      expect(aws.proxy.requests.map((request) => request.action)).toContain('AssumeRole');
    });

    it('names the missing permission when IAM refuses the listing', async () => {
      aws.fault = (request) =>
        request.action === 'ListRoles'
          ? awsQueryError(403, 'AccessDenied', 'User is not authorized to perform: iam:ListRoles')
          : undefined;
      const result = await test.callResult('listAccountRoles', { profile: 'static-admin' });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(roleErrorCodes.accessDenied);
      expect(result.error.message).toContain('may not call iam:ListRoles');
      expect(result.error.remediation).toContain('iam:ListRoles');
    });

    it('shows a policy it may not read in its row, and still the others', async () => {
      aws.fault = (request) =>
        request.action === 'GetPolicyVersion' ? awsQueryError(403, 'AccessDenied', 'not authorized') : undefined;
      const vendor = await test.call('describeRolePolicies', {
        profile: 'static-admin',
        roleName: 'vendor-with-external-id',
      });
      expect(vendor.attached[0]?.error).toBe(
        `Access denied: reading arn:aws:iam::${MOTO_DEFAULT_ACCOUNT}:policy/vendor-permissions needs iam:GetPolicyVersion.`,
      );
    });

    it('refuses a bad role name with a field-level error, before any call', async () => {
      const result = await test.callResult('describeRolePolicies', { profile: 'static-admin', roleName: 'no spaces' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.field).toBe('roleName');
      expect(aws.proxy.requests).toHaveLength(0);
    });

    it('says a role that is gone is gone', async () => {
      const result = await test.callResult('describeRolePolicies', {
        profile: 'static-admin',
        roleName: 'deleted-meanwhile',
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe(roleErrorCodes.notFound);
    });

    // Last: it adds 230 roles to the account the other tests read.
    it('pages through every role, fetching the next page while it evaluates one, and fails whole on a refused page', async () => {
      await seedManyRoles(aws.moto.url, 230);
      const listed = await test.call('listAccountRoles', { profile: 'static-admin' });
      expect(listed.roles).toHaveLength(238);
      expect(new Set(listed.roles.map((role) => role.name)).size).toBe(238);
      expect(listed.roles.filter((role) => role.findings.some((f) => f.code === 'no-external-id'))).toHaveLength(24);
      expect(aws.proxy.requests.filter((request) => request.action === 'ListRoles')).toHaveLength(3);

      let pages = 0;
      aws.fault = (request) => {
        if (request.action !== 'ListRoles') return undefined;
        pages += 1;
        return pages === 2 ? awsQueryError(403, 'AccessDenied', 'not authorized') : undefined;
      };
      const result = await test.callResult('listAccountRoles', { profile: 'static-admin' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe(roleErrorCodes.accessDenied);
    });
  },
);
