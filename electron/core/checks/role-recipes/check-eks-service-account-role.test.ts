import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../shared/contract/checks';
import type { EksServiceAccountRoleInput } from '../../../../shared/contract/role-recipes';
import { checkBedOnMoto, type AwsHomeOnMoto } from '../../../../test-support/core/aws-test-bed';
import type { TestCore } from '../../../../test-support/core/test-core';
import { findMotoServer, MOTO_MISSING_REASON } from '../../../../test-support/fakes/aws/moto';
import { motoSuite } from '../../../../test-support/fakes/aws/moto-suite';
import { MOTO_ACCOUNT } from '../../../../test-support/seeders/seed-association';
import {
  seedEksServiceAccountRole,
  type EksRoleBreakage,
} from '../../../../test-support/seeders/seed-eks-service-account-role';

const motoBinary = findMotoServer();
if (!motoBinary) console.warn(`SKIPPED: ${MOTO_MISSING_REASON}`);

const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const NAMESPACE = 'payments';
const SERVICE_ACCOUNT = 'ledger-writer';

describe.skipIf(!motoBinary)(
  motoBinary ? 'EKS service-account role check against moto' : `SKIPPED — ${MOTO_MISSING_REASON}`,
  () => {
    const aws = motoSuite();
    let bed: AwsHomeOnMoto;
    let test: TestCore;
    let run = 0;
    let roleName = '';
    let hostPath = '';

    beforeEach(async () => {
      run += 1;
      roleName = `eks-role-${run}`;
      // One issuer per test: providers are account-wide and named by their URL.
      hostPath = `oidc.eks.us-east-1.amazonaws.com/id/LIAISONTEST${run}`;
      ({ bed, test } = await checkBedOnMoto(aws, 'check-eks-role', `checker-eks-${run}`));
    });
    afterEach(() => {
      test.dispose();
      bed.dispose();
    });

    function recipe(): EksServiceAccountRoleInput {
      return {
        kind: 'eks-service-account-role',
        accountId: MOTO_ACCOUNT,
        profile: 'static-admin',
        region: 'us-east-1',
        issuerUrl: `https://${hostPath}/`,
        oidcProviderExists: true,
        namespace: NAMESPACE,
        serviceAccount: SERVICE_ACCOUNT,
        roleName,
        managedPolicyArns: [READ_ONLY],
        maxSessionSeconds: 3600,
      };
    }

    async function check(breakage?: EksRoleBreakage): Promise<CheckResult> {
      await seedEksServiceAccountRole(aws.moto.url, {
        accountId: MOTO_ACCOUNT,
        roleName,
        issuerHostPath: hostPath,
        namespace: NAMESPACE,
        serviceAccount: SERVICE_ACCOUNT,
        managedPolicyArns: [READ_ONLY],
        ...(breakage ? { breakage } : {}),
      });
      const saved = await test.call('saveRoleRecipe', recipe());
      return test.call('runAssociationCheck', { associationId: saved.association.id });
    }

    const step = (result: CheckResult, id: string) => result.steps.find((s) => s.id === id);

    it('a correct role is Configured, statically: provider, trust with near misses refused, policies', async () => {
      const result = await check();
      expect(result.steps.map((s) => [s.id, s.status])).toEqual([
        ['credentials', 'passed'],
        [`oidc-provider:${hostPath}`, 'passed'],
        [`role:${roleName}`, 'passed'],
        [`policies:${roleName}`, 'warning'],
        ['live', 'skipped'],
      ]);
      expect(result.verdict).toBe('configured');
      expect(result.headline).toContain('projected token of a pod');
      const trust = step(result, `role:${roleName}`)!.detail;
      expect(trust).toContain(`Admits system:serviceaccount:${NAMESPACE}:${SERVICE_ACCOUNT} (aud sts.amazonaws.com)`);
      expect(trust).toContain(
        `Refuses another service account in ${NAMESPACE} (liaison-probe-other), the right service account with another audience, another OIDC provider presenting the same claims.`,
      );
      expect(step(result, `policies:${roleName}`)!.detail).toContain(`${READ_ONLY} (default version`);
      const actions = aws.proxy.requests.map((r) => r.action);
      for (const action of ['GetOpenIDConnectProvider', 'GetRole', 'ListAttachedRolePolicies', 'GetPolicy']) {
        expect(actions).toContain(action);
      }
    });

    it.each([
      ['another-service-account', /does not admit service account payments\/ledger-writer/],
      ['wrong-aud', /does not admit service account/],
      ['star-principal', /also admits another OIDC provider presenting the same claims/],
      ['stringlike-sub', /matches .*:sub with StringLike \(statement 1\) where StringEquals is meant/],
    ] as const)('a trust with %s is Failing', async (breakage, detail) => {
      const result = await check(breakage);
      expect(result.verdict).toBe('failing');
      expect(step(result, `role:${roleName}`)?.status).toBe('failed');
      expect(step(result, `role:${roleName}`)?.detail).toMatch(detail);
    });

    it('a missing OIDC provider is Failing and names it', async () => {
      const result = await check('missing-provider');
      expect(result.verdict).toBe('failing');
      const provider = step(result, `oidc-provider:${hostPath}`)!;
      expect(provider.status).toBe('failed');
      expect(provider.detail).toBe(
        `The account has no IAM OIDC provider arn:aws:iam::${MOTO_ACCOUNT}:oidc-provider/${hostPath}, so no token of the cluster is accepted.`,
      );
      // The recipe names an existing provider: the way out is to let Liaison create it.
      expect(provider.remediation).toMatch(/^Untick "the account already has the IAM OIDC provider"/);
    });

    it('is listed on the dashboard with its kind, role name and verdict', async () => {
      const result = await check();
      const overview = await test.call('getHealthOverview', {});
      const row = overview.rows.find((each) => each.associationId === result.associationId);
      expect(row).toMatchObject({
        kind: 'eks-service-account-role',
        roleName,
        target: MOTO_ACCOUNT,
        workspaceKey: `aws-${MOTO_ACCOUNT}-role-${roleName}`,
        verdict: 'configured',
      });
    });
  },
);
