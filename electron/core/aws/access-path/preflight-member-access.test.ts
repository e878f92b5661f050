import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memberAccessErrorCodes } from '../../../../shared/aws-access-path';
import type { Association } from '../../../../shared/contract/associations';
import { awsQueryError } from '../../../../test-support/fakes/aws/fault-proxy';
import { findMotoServer, MOTO_MISSING_REASON } from '../../../../test-support/fakes/aws/moto';
import { motoSuite } from '../../../../test-support/fakes/aws/moto-suite';
import { freshKeysOnMoto } from '../../../../test-support/core/aws-test-bed';
import { coreErrorOf } from '../../../../test-support/core/core-error-rejection';
import { MOTO_ACCOUNT } from '../../../../test-support/seeders/seed-association';
import { AssociationRepository } from '../../associations/association-repository';
import { openStore, type Store } from '../../store/database';
import { AssociationCredentialSource } from '../../terraform/association-credential-source';
import { preflightMemberAccess, type SourceKeys } from './preflight-member-access';

const motoBinary = findMotoServer();
if (!motoBinary) console.warn(`SKIPPED: ${MOTO_MISSING_REASON}`);

const MEMBER = '210987654321';
const target = {
  profile: 'management',
  accountId: MEMBER,
  roleName: 'OrganizationAccountAccessRole',
  externalId: 'ext-7',
  sessionName: 'liaison-preflight-test',
  durationSeconds: 3600,
};

describe.skipIf(!motoBinary)(
  motoBinary ? 'member access preflight against moto' : `SKIPPED — ${MOTO_MISSING_REASON}`,
  () => {
    const aws = motoSuite();
    let keys: SourceKeys;
    let run = 0;

    beforeEach(async () => {
      run += 1;
      keys = await freshKeysOnMoto(aws, `preflight-${run}`);
    });
    afterEach(() => vi.unstubAllEnvs());

    it('assumes the role with the External ID and proves the member account', async () => {
      const proof = await preflightMemberAccess(keys, target);
      expect(proof.sourceArn).toBe(`arn:aws:iam::${MOTO_ACCOUNT}:user/preflight-${run}`);
      expect(proof.memberArn).toBe(
        `arn:aws:sts::${MEMBER}:assumed-role/OrganizationAccountAccessRole/liaison-preflight-test`,
      );
      expect(aws.proxy.requests.map((r) => r.action)).toEqual(['GetCallerIdentity', 'AssumeRole', 'GetCallerIdentity']);
      const params = new URLSearchParams(aws.proxy.requests[1]!.body);
      expect(params.get('ExternalId')).toBe('ext-7');
      expect(params.get('DurationSeconds')).toBe('3600');
    });

    it('a refusal says what the member role and the source identity each need', async () => {
      aws.fault = (request) =>
        request.action === 'AssumeRole'
          ? awsQueryError(403, 'AccessDenied', 'not authorized to perform sts:AssumeRole')
          : undefined;
      const error = await coreErrorOf(preflightMemberAccess(keys, target));
      expect(error.code).toBe(memberAccessErrorCodes.refused);
      expect(error.field).toBe('accessPath.roleName');
      expect(error.message).toContain(`AWS refused arn:aws:iam::${MOTO_ACCOUNT}:user/preflight-${run} assuming`);
      expect(error.remediation).toContain(`arn:aws:iam::${MOTO_ACCOUNT}:root`);
      expect(error.remediation).toContain('StringEquals sts:ExternalId = "ext-7"');
      expect(error.remediation).toContain(
        `needs an IAM policy allowing sts:AssumeRole on arn:aws:iam::${MEMBER}:role/`,
      );
    });

    it('a role set in another partition than the source’s is refused before any AssumeRole', async () => {
      const error = await coreErrorOf(preflightMemberAccess(keys, { ...target, partition: 'aws-us-gov' }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.field).toBe('accessPath.partition');
      expect(error.message).toContain(`partition aws (arn:aws:iam::${MOTO_ACCOUNT}:user/preflight-${run})`);
      expect(error.message).toContain('the role is set in partition aws-us-gov');
      expect(error.remediation).toContain('Set the partition to aws');
      expect(aws.proxy.requests.map((r) => r.action)).toEqual(['GetCallerIdentity']);
      // The same target in the source's own partition goes through.
      const proof = await preflightMemberAccess(keys, { ...target, partition: 'aws' });
      expect(proof.memberArn).toContain(`arn:aws:sts::${MEMBER}:assumed-role/`);
    });

    it('a duration the role does not allow is an input error, with no secret in it', async () => {
      aws.fault = (request) =>
        request.action === 'AssumeRole'
          ? awsQueryError(
              400,
              'ValidationError',
              'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
            )
          : undefined;
      const error = await coreErrorOf(preflightMemberAccess(keys, target));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.remediation).toContain('maximum session duration');
      expect(error.message).not.toContain(keys.secretAccessKey);
    });

    describe('before Terraform runs', () => {
      let root: string;
      let store: Store;
      beforeEach(() => {
        root = mkdtempSync(join(tmpdir(), 'liaison-preflight-'));
        store = openStore(join(root, 'liaison.db'));
        const association: Association = {
          id: crypto.randomUUID(),
          status: 'generated',
          step: 3,
          values: {
            cloud: 'aws',
            groupId: 'a'.repeat(40),
            accountId: MEMBER,
            profile: 'management',
            accessPath: { kind: 'assume-role', roleName: 'OrganizationAccountAccessRole', sessionName: 'liaison-ops' },
          },
          workspaceKey: `aws-${MEMBER}`,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
          generatedAt: '2026-01-01T00:00:00.000Z',
        };
        new AssociationRepository(store).upsert(association);
      });
      afterEach(() => {
        store.close();
        rmSync(root, { recursive: true, force: true });
      });

      const source = () =>
        new AssociationCredentialSource(
          store,
          { resolve: () => Promise.resolve(keys) },
          { accessToken: () => Promise.reject(new Error('GCP not expected')) },
          (resolved, member) => preflightMemberAccess(resolved, member),
        );

      it('hands Terraform the source keys once the role is proved', async () => {
        const credentials = await source().credentialsFor(`aws-${MEMBER}`, { interactive: true });
        expect(credentials).toMatchObject({ kind: 'aws', accessKeyId: keys.accessKeyId });
        const assume = aws.proxy.requests.find((r) => r.action === 'AssumeRole');
        expect(new URLSearchParams(assume!.body).get('RoleSessionName')).toBe('liaison-ops');
      });

      it('stops the run before Terraform when the role is refused', async () => {
        aws.fault = (request) =>
          request.action === 'AssumeRole' ? awsQueryError(403, 'AccessDenied', 'no') : undefined;
        const error = await coreErrorOf(source().credentialsFor(`aws-${MEMBER}`, { interactive: true }));
        expect(error.code).toBe(memberAccessErrorCodes.refused);
      });
    });
  },
);
