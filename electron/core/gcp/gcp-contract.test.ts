import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROJECT, SERVICE_ACCOUNTS } from '../../../test-support/fakes/gcp/gcloud-fixture';
import { createCore, type Core } from '../core';
import { dispatchCall } from '../dispatch';
import { createLogger } from '../logger';
import { createGcpTestBed, type GcpTestBed } from '../../../test-support/core/gcp-test-bed';

let bed: GcpTestBed;
let core: Core;
let dataDir: string;
beforeAll(async () => {
  bed = await createGcpTestBed();
  dataDir = mkdtempSync(join(tmpdir(), 'liaison-gcp-core-'));
  const destination = new Writable({ write: (_chunk, _encoding, done) => done() });
  core = createCore({
    platform: {
      host: 'web',
      openExternal: () => Promise.resolve('navigate'),
      notify: () => 'toast',
      // The operator who seeds the data dir allows the token command, as they would in the app.
      confirmProgram: () => Promise.resolve('confirmed'),
    },
    dataDir,
    env: bed.env,
    logger: createLogger({ destination }),
  });
});
afterAll(async () => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
  await bed.dispose();
});

describe('GCP calls through the contract', () => {
  it('rejects a bad project id, a bad email and a configuration name that could be a flag, before any network call', async () => {
    const requests = bed.fake.requests.length;
    expect(
      await dispatchCall(core, 'lookupGcpProject', { credential: { kind: 'adc' }, projectId: 'My_Project' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'projectId', message: 'Project ID uses lowercase letters only' },
    });
    expect(
      await dispatchCall(core, 'checkGcpImpersonation', {
        credential: { kind: 'adc' },
        serviceAccount: 'alice@example.com',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'serviceAccount' },
    });
    expect(
      await dispatchCall(core, 'verifyGcpCredential', {
        credential: { kind: 'configuration', name: '--impersonate-service-account=x' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'credential.name' },
    });
    expect(bed.fake.requests.length).toBe(requests);
  });

  it('answers a project lookup and an impersonation check with no secret in the value', async () => {
    const project = await dispatchCall(core, 'lookupGcpProject', {
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
    const check = await dispatchCall(core, 'checkGcpImpersonation', {
      credential: { kind: 'adc' },
      serviceAccount: SERVICE_ACCOUNTS.terraform,
    });
    expect(check).toMatchObject({ ok: true, value: { serviceAccount: SERVICE_ACCOUNTS.terraform } });
    const listed = await dispatchCall(core, 'listGcpCredentials', {});
    const text = JSON.stringify([project, check, listed]);
    for (const secret of [...bed.fixture.secrets, ...bed.fake.state.accessTokens.keys()])
      expect(text).not.toContain(secret);
  });

  it('turns a denied impersonation into a typed error with remediation', async () => {
    const denied = await dispatchCall(core, 'checkGcpImpersonation', {
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
