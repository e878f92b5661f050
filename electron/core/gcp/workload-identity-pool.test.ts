import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api';
import { DEMO_PROJECT } from '../../../test-support/fakes/gcp/gcloud-fixture';
import {
  installWorkloadIdentityRoutes,
  seedGcpAssociation,
  softDeletePool,
  type WorkloadIdentityState,
} from '../../../test-support/fakes/gcp/workload-identity-fake';
import { dispatchCall } from '../dispatch';
import type { TestCore } from '../../../test-support/core/test-core';
import { coreOnGoogleFake, createGcpTestBed, type GcpTestBed } from '../../../test-support/core/gcp-test-bed';

const GROUP = '0123456789abcdef0123456789abcdef01234567';
const POOL = `projects/${DEMO_PROJECT.projectNumber}/locations/global/workloadIdentityPools/chainguard-pool`;
const target = { credential: { kind: 'adc' as const }, projectNumber: DEMO_PROJECT.projectNumber };

let bed: GcpTestBed;
let iam: WorkloadIdentityState;
beforeAll(async () => {
  bed = await createGcpTestBed();
  iam = installWorkloadIdentityRoutes(bed.fake);
});
afterAll(() => bed.dispose());

describe('the module’s workload identity pool, against the Google fake', () => {
  let test: TestCore;

  beforeEach(() => {
    test = coreOnGoogleFake(bed, iam);
  });
  afterEach(() => {
    test.dispose();
    vi.unstubAllEnvs();
  });

  const call = <M extends MethodName>(method: M, input: MethodInput<M>) => dispatchCall(test.core, method, input);

  it('is none before the module ran, and active once applied', async () => {
    expect(await call('findWorkloadIdentityPool', target)).toEqual({ ok: true, value: { status: 'none', name: POOL } });
    seedGcpAssociation(bed.fake, iam, { ...DEMO_PROJECT, groupId: GROUP });
    expect(await call('findWorkloadIdentityPool', target)).toEqual({
      ok: true,
      value: { status: 'active', name: POOL },
    });
  });

  it('is deleted after a destroy, with its purge time, and active again once undeleted', async () => {
    seedGcpAssociation(bed.fake, iam, { ...DEMO_PROJECT, groupId: GROUP });
    softDeletePool(iam, DEMO_PROJECT.projectNumber, new Date('2026-12-01T10:00:00Z'));
    expect(await call('findWorkloadIdentityPool', target)).toEqual({
      ok: true,
      value: { status: 'deleted', name: POOL, expireTime: '2026-12-31T10:00:00.000Z' },
    });
    expect(await call('undeleteWorkloadIdentityPool', target)).toEqual({
      ok: true,
      value: { status: 'active', name: POOL },
    });
    expect(iam.pools.get(POOL)?.state).toBe('ACTIVE');
    expect(iam.providers.get(`${POOL}/providers/chainguard-provider`)?.state).toBe('ACTIVE');
  });

  it('refuses to undelete a pool that is not deleted, with Google’s message', async () => {
    seedGcpAssociation(bed.fake, iam, { ...DEMO_PROJECT, groupId: GROUP });
    const result = await call('undeleteWorkloadIdentityPool', target);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('is not deleted');
  });

  it('says it could not look when the credentials do not resolve, instead of failing the review', async () => {
    const result = await call('findWorkloadIdentityPool', {
      credential: { kind: 'configuration', name: 'no-such-configuration' },
      projectNumber: DEMO_PROJECT.projectNumber,
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject({ status: 'unknown' });
  });
});
