import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGcpTestBed, type GcpTestBed } from '../../../test-support/core/gcp-test-bed';
import { createTestCore, type TestCore } from '../../../test-support/core/test-core';
import { DEMO_PROJECT, SERVICE_ACCOUNTS } from '../../../test-support/fakes/gcp/gcloud-fixture';

let bed: GcpTestBed;
let test: TestCore;
beforeAll(async () => {
  bed = await createGcpTestBed();
  test = createTestCore({}, undefined, { env: bed.env });
});
afterAll(async () => {
  test.dispose();
  await bed.dispose();
});

describe('GCP calls through the contract', () => {
  it('rejects a bad project id, a bad email and a configuration name that could be a flag, before any network call', async () => {
    const requests = bed.fake.requests.length;
    expect(
      await test.callResult('lookupGcpProject', { credential: { kind: 'adc' }, projectId: 'My_Project' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'projectId', message: 'Project ID uses lowercase letters only' },
    });
    expect(
      await test.callResult('checkGcpImpersonation', {
        credential: { kind: 'adc' },
        serviceAccount: 'alice@example.com',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'serviceAccount' },
    });
    expect(
      await test.callResult('verifyGcpCredential', {
        credential: { kind: 'configuration', name: '--impersonate-service-account=x' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'credential.name' },
    });
    expect(bed.fake.requests.length).toBe(requests);
  });

  it('answers a project lookup and an impersonation check with no secret in the value', async () => {
    const project = await test.callResult('lookupGcpProject', {
      credential: { kind: 'adc' },
      projectId: ` ${DEMO_PROJECT.projectId} `,
    });
    expect(project).toEqual({
      ok: true,
      value: {
        projectId: DEMO_PROJECT.projectId,
        projectNumber: DEMO_PROJECT.projectNumber,
        name: DEMO_PROJECT.displayName,
        state: 'ACTIVE',
      },
    });
    const check = await test.callResult('checkGcpImpersonation', {
      credential: { kind: 'adc' },
      serviceAccount: SERVICE_ACCOUNTS.terraform,
    });
    expect(check).toMatchObject({ ok: true, value: { serviceAccount: SERVICE_ACCOUNTS.terraform } });
    const listed = await test.callResult('listGcpCredentials', {});
    const text = JSON.stringify([project, check, listed]);
    for (const secret of [...bed.fixture.secrets, ...bed.fake.state.accessTokens.keys()])
      expect(text).not.toContain(secret);
  });

  it('turns a denied impersonation into a typed error with remediation', async () => {
    const denied = await test.callResult('checkGcpImpersonation', {
      credential: { kind: 'adc' },
      serviceAccount: SERVICE_ACCOUNTS.auditor,
    });
    expect(denied).toMatchObject({
      ok: false,
      error: {
        code: 'GCP_PERMISSION_DENIED',
        field: 'serviceAccount',
        remediation: expect.stringContaining('roles/iam.serviceAccountTokenCreator'),
      },
    });
  });
});
