import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { beforeEach, describe, expect, it } from 'vitest';
import { organizationErrorCodes } from '../../../../shared/contract/organizations';
import type { StaticKeys } from '../../../../test-support/fakes/aws/aws-fixture-home';
import { createMotoUser, findMotoServer, MOTO_MISSING_REASON } from '../../../../test-support/fakes/aws/moto';
import { motoSuite } from '../../../../test-support/fakes/aws/moto-suite';
import { coreErrorOf } from '../../../../test-support/core/core-error-rejection';
import { seedOrganization, type SeededOrganization } from '../../../../test-support/seeders/seed-organization';
import { listAwsOrganization } from './list-aws-organization';

const motoBinary = findMotoServer();
if (!motoBinary) console.warn(`SKIPPED: ${MOTO_MISSING_REASON}`);

/** Organizations speaks JSON 1.1: its errors are JSON bodies with a `__type`. */
function jsonError(status: number, type: string, message: string) {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': type },
    body: JSON.stringify({ __type: type, message }),
  };
}

describe.skipIf(!motoBinary)(
  motoBinary ? 'listing an AWS organization (moto)' : `SKIPPED — ${MOTO_MISSING_REASON}`,
  () => {
    const aws = motoSuite();
    let management: StaticKeys;
    let seeded: SeededOrganization;
    let client: OrganizationsClient;

    beforeEach(async () => {
      aws.fault = undefined;
      if (!seeded) {
        // One organization of 30 accounts in 3 OUs, whose management account is 111111111111's.
        management = await createMotoUser(aws.moto.url, 'org-admin', '111111111111');
        seeded = await seedOrganization(aws.moto.url, management, ['Prod', 'Staging', 'Sandbox'], 10);
      }
      client?.destroy();
      client = new OrganizationsClient({
        region: 'us-east-1',
        endpoint: aws.proxy.url,
        credentials: management,
        maxAttempts: 4,
        retryMode: 'standard',
      });
      aws.proxy.requests.length = 0;
    });

    it('lists every unit and account with its parent, email, status and how it joined', async () => {
      const organization = await listAwsOrganization(client, 'management');
      expect(organization.managementAccountId).toBe('111111111111');
      expect(organization.roots).toEqual([{ id: seeded.rootId, name: 'Root' }]);
      expect(organization.units.map((unit) => [unit.name, unit.parentId])).toEqual([
        ['Prod', seeded.rootId],
        ['Sandbox', seeded.rootId],
        ['Staging', seeded.rootId],
      ]);
      const members = organization.accounts.filter((account) => account.id !== '111111111111');
      expect(members).toHaveLength(30);
      for (const created of seeded.accounts) {
        expect(members).toContainEqual({
          id: created.id,
          name: created.name,
          email: created.email,
          status: 'ACTIVE',
          joinedMethod: 'CREATED',
          parentId: created.unitId,
        });
      }
      // The management account itself sits in the root.
      expect(organization.accounts.find((account) => account.id === '111111111111')?.parentId).toBe(seeded.rootId);
    });

    it('follows every page to the end', async () => {
      const organization = await listAwsOrganization(client, 'management', 4);
      const target = (name: string) =>
        aws.proxy.requests.filter((r) => r.headers['x-amz-target']?.toString().endsWith(`.${name}`)).length;
      expect(organization.accounts).toHaveLength(31);
      expect(organization.units).toHaveLength(3);
      // Pages of 4: the root's one account takes one page, each unit's ten take three.
      expect(target('ListAccountsForParent')).toBe(1 + 3 * 3);
      expect(target('ListOrganizationalUnitsForParent')).toBe(4);
    });

    it('names the organization not being in use', async () => {
      aws.fault = (request) =>
        request.headers['x-amz-target']?.toString().endsWith('DescribeOrganization')
          ? jsonError(400, 'AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.')
          : undefined;
      const error = await coreErrorOf(listAwsOrganization(client, 'management'));
      expect(error.code).toBe(organizationErrorCodes.notInUse);
      expect(error.remediation).toContain('management account');
    });

    it('names the permission AWS refused', async () => {
      aws.fault = (request) =>
        request.headers['x-amz-target']?.toString().endsWith('ListOrganizationalUnitsForParent')
          ? jsonError(400, 'AccessDeniedException', 'You don’t have permissions to access this resource.')
          : undefined;
      const error = await coreErrorOf(listAwsOrganization(client, 'management'));
      expect(error.code).toBe(organizationErrorCodes.accessDenied);
      expect(error.message).toContain('organizations:ListOrganizationalUnitsForParent');
    });

    it('rides out throttling with the SDK’s retries', async () => {
      let throttled = 0;
      aws.fault = (request) => {
        if (!request.headers['x-amz-target']?.toString().endsWith('ListAccountsForParent') || throttled >= 3)
          return undefined;
        throttled += 1;
        return jsonError(
          400,
          'TooManyRequestsException',
          'AWS Organizations can’t complete your request because another request is already in progress.',
        );
      };
      const organization = await listAwsOrganization(client, 'management');
      expect(throttled).toBe(3);
      expect(organization.accounts).toHaveLength(31);
    });
  },
);
