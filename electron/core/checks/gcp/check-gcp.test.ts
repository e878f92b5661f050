import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../../../shared/contract/checks';
import { installTokenCommand } from '../../../../test-support/seeders/token-command';
import { DEMO_PROJECT, PRIVATE_PROJECT } from '../../../../test-support/fakes/gcp/gcloud-fixture';
import {
  installWorkloadIdentityRoutes,
  seedGcpAssociation,
  type GcpBreakage,
  type WorkloadIdentityState,
} from '../../../../test-support/fakes/gcp/workload-identity-fake';
import { coreOnGoogleFake, createGcpTestBed, type GcpTestBed } from '../../../../test-support/core/gcp-test-bed';
import { createTestCore, type TestCore } from '../../../../test-support/core/test-core';

const GROUP = '0123456789abcdef0123456789abcdef01234567';
const POOL = `projects/${DEMO_PROJECT.projectNumber}/locations/global/workloadIdentityPools/chainguard-pool`;
const CANARY = `chainguard-canary@${DEMO_PROJECT.projectId}.iam.gserviceaccount.com`;

let bed: GcpTestBed;
let iam: WorkloadIdentityState;
beforeAll(async () => {
  bed = await createGcpTestBed();
  iam = installWorkloadIdentityRoutes(bed.fake);
});
afterAll(() => bed.dispose());

describe('check-gcp against the Google fake', () => {
  let test: TestCore;
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'liaison-check-gcp-'));
    test = coreOnGoogleFake(bed, iam);
  });
  afterEach(() => {
    test.dispose();
    vi.unstubAllEnvs();
    rmSync(root, { recursive: true, force: true });
  });

  async function check(breakage?: GcpBreakage, project = DEMO_PROJECT): Promise<CheckResult> {
    seedGcpAssociation(bed.fake, iam, { ...DEMO_PROJECT, groupId: GROUP, breakage });
    await test.call('createGroup', { mode: 'existing', id: GROUP, name: 'platform' });
    const saved = await test.call('saveAssociation', {
      cloud: 'gcp',
      groupId: GROUP,
      environment: 'enforce.dev',
      projectId: project.projectId,
      projectNumber: project.projectNumber,
      credential: { kind: 'adc' },
      moduleVersion: '0.0.12',
    });
    return test.call('runAssociationCheck', { associationId: saved.association.id });
  }

  async function useTokenCommand(subject = `canary:${GROUP}`): Promise<void> {
    const command = installTokenCommand(join(root, 'token'), 'enforce.dev', { amazon: subject, google: subject });
    await test.call('setTokenCommand', { environment: 'enforce.dev', command, timeoutSeconds: 10 });
  }

  const step = (result: CheckResult, id: string) => result.steps.find((s) => s.id === id);

  it('a correctly applied project is Configured, each step explained', async () => {
    const result = await check();
    expect(result.verdict).toBe('configured');
    expect(result.steps.map((s) => [s.id, s.status])).toEqual([
      ['credentials', 'passed'],
      ['pool', 'passed'],
      ['provider', 'passed'],
      ['service-account:chainguard-canary', 'passed'],
      ['service-account:chainguard-catalog-syncer', 'passed'],
      ['project-roles:chainguard-catalog-syncer', 'passed'],
      ['live', 'skipped'],
    ]);
    expect(step(result, 'service-account:chainguard-canary')?.detail).toBe(
      `${CANARY} grants roles/iam.workloadIdentityUser to principalSet://iam.googleapis.com/${POOL}/attribute.sub/canary:${GROUP}.`,
    );
  });

  it('with a token: STS exchange through the provider and the canary impersonated → Success', async () => {
    await useTokenCommand();
    const result = await check();
    expect(result.verdict).toBe('success');
    expect(result.successLine).toMatch(
      /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} GCP role impersonation was successful!$/,
    );
    expect(bed.fake.requests).toContainEqual({
      service: 'iamcredentials',
      method: 'POST',
      path: `/v1/projects/-/serviceAccounts/${CANARY}:generateAccessToken`,
      principal: `principal://iam.googleapis.com/${POOL}/subject/canary:${GROUP}`,
    });
  });

  it.each<[GcpBreakage, string, string]>([
    ['no-pool', 'pool', `There is no workload identity pool ${POOL}.`],
    ['provider-disabled', 'provider', 'The provider chainguard-provider is disabled.'],
    [
      'wrong-issuer',
      'provider',
      'The provider trusts the issuer https://issuer.chainops.dev, not https://issuer.enforce.dev.',
    ],
    [
      'wrong-audience',
      'provider',
      'The provider allows the audiences amazon; tokens for "google" are refused without it.',
    ],
    ['missing-canary', 'service-account:chainguard-canary', `The service account ${CANARY} does not exist.`],
    [
      'binding-for-other-group',
      'service-account:chainguard-canary',
      `${CANARY} does not grant roles/iam.workloadIdentityUser to principalSet://iam.googleapis.com/${POOL}/attribute.sub/canary:${GROUP}.`,
    ],
    [
      'missing-project-role',
      'project-roles:chainguard-catalog-syncer',
      `chainguard-catalog-syncer@${DEMO_PROJECT.projectId}.iam.gserviceaccount.com lacks roles/artifactregistry.writer on the project.`,
    ],
  ])('%s → Failing at %s', async (breakage, stepId, detail) => {
    await useTokenCommand();
    const result = await check(breakage);
    expect(result.verdict).toBe('failing');
    const first = result.steps.find((s) => s.status === 'failed');
    expect(first).toMatchObject({ id: stepId, detail });
    expect(first?.remediation).toContain('Run Apply');
    expect(step(result, 'live')?.status).toBe('skipped');
    expect(result.successLine).toBeUndefined();
  });

  it('a project number that does not match → Failing at credentials', async () => {
    const result = await check(undefined, { ...DEMO_PROJECT, projectNumber: '999999999999' });
    expect(result.verdict).toBe('failing');
    expect(step(result, 'credentials')?.detail).toBe(
      `Project ${DEMO_PROJECT.projectId} has number ${DEMO_PROJECT.projectNumber}, not 999999999999.`,
    );
  });

  it('a project the credentials cannot see → Error with the Google code', async () => {
    const result = await check(undefined, PRIVATE_PROJECT);
    expect(result.verdict).toBe('error');
    expect(result.error?.code).toBe('GCP_PERMISSION_DENIED');
    expect(result.headline).toMatch(
      /^Error — application default credentials see project private-vault-77: GCP_PERMISSION_DENIED: /,
    );
  });

  it('revoked credentials → Needs sign-in', async () => {
    vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', bed.fixture.adc.revokedUser);
    test.dispose();
    test = createTestCore();
    const result = await check();
    expect(result.verdict).toBe('needs-sign-in');
    expect(result.headline).toMatch(/^Needs sign-in — /);
  });

  it('a token for another group is refused by Google live → Failing with the code (static checks cannot see the token)', async () => {
    await useTokenCommand(`canary:${'e'.repeat(40)}`);
    const result = await check();
    expect(result.verdict).toBe('failing');
    expect(step(result, 'live')).toMatchObject({ status: 'failed' });
    expect(step(result, 'live')?.detail).toMatch(/^Google refused the impersonation: GCP_PERMISSION_DENIED: /);
  });
});
