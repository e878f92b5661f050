import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../../shared/contract/checks';
import type { HealthRunStatus } from '../../../shared/contract/health';
import { DEMO_PROJECT, PRIVATE_PROJECT } from '../../../test-support/fakes/gcp/gcloud-fixture';
import type { RecordedRequest } from '../../../test-support/fakes/gcp/google-fake';
import {
  installWorkloadIdentityRoutes,
  type WorkloadIdentityState,
} from '../../../test-support/fakes/gcp/workload-identity-fake';
import { seedGroupsOnSharedProject } from '../../../test-support/seeders/seed-shared-project';
import { coreOnGoogleFake, createGcpTestBed, type GcpTestBed } from '../../../test-support/core/gcp-test-bed';
import type { TestCore } from '../../../test-support/core/test-core';
import { groupIdFor } from '../../../test-support/seeders/seed-health';

const POOL = `projects/${DEMO_PROJECT.projectNumber}/locations/global/workloadIdentityPools/chainguard-pool`;

let bed: GcpTestBed;
let iam: WorkloadIdentityState;
beforeAll(async () => {
  bed = await createGcpTestBed();
  iam = installWorkloadIdentityRoutes(bed.fake);
});
afterAll(() => bed.dispose());

/** The project-level reads in the fake's request log, by kind. */
function projectReads(requests: readonly RecordedRequest[], project: { projectId: string; projectNumber: string }) {
  const count = (test: (r: RecordedRequest) => boolean) => requests.filter(test).length;
  return {
    project: count((r) => r.service === 'cloudresourcemanager' && r.path === `/v3/projects/${project.projectId}`),
    pool: count(
      (r) =>
        r.service === 'iam' &&
        r.path.endsWith(`/${project.projectNumber}/locations/global/workloadIdentityPools/chainguard-pool`),
    ),
    provider: count(
      (r) =>
        r.service === 'iam' &&
        r.path.includes(`/${project.projectNumber}/`) &&
        r.path.endsWith('/providers/chainguard-provider'),
    ),
    serviceAccounts: count(
      (r) =>
        r.service === 'iam' && r.method === 'GET' && r.path.includes(`/projects/${project.projectId}/serviceAccounts/`),
    ),
    serviceAccountPolicies: count(
      (r) =>
        r.service === 'iam' &&
        r.path.includes(`/projects/${project.projectId}/serviceAccounts/`) &&
        r.path.endsWith(':getIamPolicy'),
    ),
    projectPolicy: count(
      (r) => r.service === 'cloudresourcemanager' && r.path === `/v1/projects/${project.projectId}:getIamPolicy`,
    ),
  };
}

describe('check all against the Google fake: each project read once per run', () => {
  let test: TestCore;

  beforeEach(() => {
    test = coreOnGoogleFake(bed, iam);
  });
  afterEach(() => {
    test.dispose();
    vi.unstubAllEnvs();
  });

  /** One generated association per group on `project`; returns their ids by group. */
  async function associate(project: { projectId: string; projectNumber: string }, groups: readonly string[]) {
    const ids = new Map<string, string>();
    for (const groupId of groups) {
      await test.call('createGroup', { mode: 'existing', id: groupId, name: `team-${groupId.slice(-4)}` });
      const saved = await test.call('saveAssociation', {
        cloud: 'gcp',
        groupId,
        environment: 'enforce.dev',
        projectId: project.projectId,
        projectNumber: project.projectNumber,
        credential: { kind: 'adc' },
        moduleVersion: '0.0.12',
      });
      ids.set(groupId, saved.association.id);
    }
    return ids;
  }

  async function checkAll(): Promise<HealthRunStatus> {
    const ended = new Promise<HealthRunStatus>((resolve) => {
      const unsubscribe = test.core.events.subscribe((name, payload) => {
        const status = payload as HealthRunStatus;
        if (name !== 'healthRunProgress' || status.state === 'running') return;
        unsubscribe();
        resolve(status);
      });
    });
    await test.call('startHealthRun', {});
    return ended;
  }

  async function latest(associationId: string | undefined): Promise<CheckResult> {
    const [check] = await test.call('listAssociationChecks', { associationId: associationId ?? '' });
    if (!check) throw new Error('no check stored');
    return check;
  }

  const step = (result: CheckResult, id: string) => result.steps.find((s) => s.id === id);
  const groups = [1, 2, 3, 4].map(groupIdFor);

  it('N groups on one project: one lookup and one read per document; a group left out of a binding is Failing alone', async () => {
    seedGroupsOnSharedProject(bed.fake, iam, DEMO_PROJECT, groups);
    // The canary's binding leaves out the last group: only its association must fail.
    const canary = iam.serviceAccountPolicies.get(
      `chainguard-canary@${DEMO_PROJECT.projectId}.iam.gserviceaccount.com`,
    );
    const binding = canary?.bindings[0];
    if (!binding) throw new Error('no canary binding');
    binding.members = binding.members.filter((m) => !m.endsWith(`canary:${groups[3] ?? ''}`));
    const ids = await associate(DEMO_PROJECT, groups);
    bed.fake.requests.length = 0;

    const status = await checkAll();
    expect(status).toMatchObject({ state: 'finished', total: 4, done: 4 });
    expect(status.counts).toMatchObject({ configured: 3, failing: 1 });
    expect(projectReads(bed.fake.requests, DEMO_PROJECT)).toEqual({
      project: 1,
      pool: 1,
      provider: 1,
      serviceAccounts: 2,
      serviceAccountPolicies: 2,
      projectPolicy: 1,
    });
    const broken = await latest(ids.get(groups[3] ?? ''));
    expect(step(broken, 'service-account:chainguard-canary')).toMatchObject({ status: 'failed' });
    expect(step(broken, 'service-account:chainguard-canary')?.detail).toMatch(
      new RegExp(
        `^chainguard-canary@${DEMO_PROJECT.projectId}\\.iam\\.gserviceaccount\\.com does not grant roles/iam\\.workloadIdentityUser to principalSet://iam\\.googleapis\\.com/${POOL}/attribute\\.sub/canary:${groups[3] ?? ''}\\.`,
      ),
    );
    const note = `(Read once for project ${DEMO_PROJECT.projectId} in this run and shared by its checks.)`;
    const results = await Promise.all(groups.map((g) => latest(ids.get(g))));
    for (const [index, result] of results.slice(0, 3).entries()) {
      expect(result.verdict).toBe('configured');
      expect(step(result, 'service-account:chainguard-canary')?.detail).toContain(
        `attribute.sub/canary:${groups[index] ?? ''}.`,
      );
    }
    for (const id of [
      'pool',
      'provider',
      'service-account:chainguard-canary',
      'project-roles:chainguard-catalog-syncer',
    ]) {
      expect(
        results.filter((r) => !step(r, id)?.detail.endsWith(note)),
        id,
      ).toHaveLength(1);
    }

    // A check of its own reads everything again.
    bed.fake.requests.length = 0;
    expect((await test.call('runAssociationCheck', { associationId: ids.get(groups[0] ?? '') ?? '' })).verdict).toBe(
      'configured',
    );
    expect(projectReads(bed.fake.requests, DEMO_PROJECT)).toMatchObject({ project: 1, pool: 1, serviceAccounts: 2 });
  });

  it('a project the credentials cannot see marks each of its associations from one lookup; the other project shares nothing', async () => {
    seedGroupsOnSharedProject(bed.fake, iam, DEMO_PROJECT, groups.slice(0, 2));
    const demo = await associate(DEMO_PROJECT, groups.slice(0, 2));
    const hidden = await associate(PRIVATE_PROJECT, groups.slice(2));
    bed.fake.requests.length = 0;

    const status = await checkAll();
    expect(status).toMatchObject({ state: 'finished', done: 4 });
    expect(status.counts).toMatchObject({ configured: 2, error: 2 });
    expect(projectReads(bed.fake.requests, PRIVATE_PROJECT)).toEqual({
      project: 1,
      pool: 0,
      provider: 0,
      serviceAccounts: 0,
      serviceAccountPolicies: 0,
      projectPolicy: 0,
    });
    expect(projectReads(bed.fake.requests, DEMO_PROJECT)).toMatchObject({ project: 1, pool: 1, serviceAccounts: 2 });
    for (const id of hidden.values()) {
      const result = await latest(id);
      expect(result.error?.code).toBe('GCP_PERMISSION_DENIED');
      expect(result.steps.map((s) => [s.id, s.status])).toEqual([
        ['credentials', 'error'],
        ['static', 'skipped'],
      ]);
    }
    for (const id of demo.values()) expect((await latest(id)).verdict).toBe('configured');
  });
});
