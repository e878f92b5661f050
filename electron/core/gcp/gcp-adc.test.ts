import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PROJECT,
  PRIVATE_PROJECT,
  SERVICE_ACCOUNTS,
  USERS,
  WORKLOAD_POOL,
} from '../../../test-support/fakes/gcp/gcloud-fixture';
import { coreErrorOf } from '../../../test-support/core/core-error-rejection';
import { createGcpTestBed, type GcpTestBed } from '../../../test-support/core/gcp-test-bed';

let bed: GcpTestBed;
beforeAll(async () => {
  bed = await createGcpTestBed();
});
afterAll(() => bed.dispose());

describe('ADC identity against the Google fake', () => {
  it('names the signed-in user of authorized_user credentials from the token response', async () => {
    const identity = await bed.service().verifyGcpCredential({ credential: { kind: 'adc' } });
    expect(identity).toMatchObject({
      credentialType: 'authorized_user',
      principal: USERS.alice,
      principalKind: 'user',
      project: DEMO_PROJECT.projectId,
    });
    expect(bed.fake.requests.at(-1)).toMatchObject({ service: 'oauth2', method: 'POST', path: '/token' });
  });

  it('gets a token for a service account key from the overridden token URL', async () => {
    const before = bed.fake.requests.length;
    const identity = await bed
      .service({ GOOGLE_APPLICATION_CREDENTIALS: bed.fixture.adc.serviceAccount })
      .verifyGcpCredential({ credential: { kind: 'adc' } });
    expect(identity).toMatchObject({
      credentialType: 'service_account',
      principal: SERVICE_ACCOUNTS.deployer,
      principalKind: 'serviceAccount',
      project: DEMO_PROJECT.projectId,
    });
    // The fake verified the key's signature before answering: the real JWT-bearer exchange happened.
    expect(bed.fake.requests.slice(before)).toContainEqual(
      expect.objectContaining({ service: 'oauth2', path: '/token' }),
    );
  });

  it('impersonates through generateAccessToken for impersonated_service_account, at the overridden host', async () => {
    const before = bed.fake.requests.length;
    const identity = await bed
      .service({ GOOGLE_APPLICATION_CREDENTIALS: bed.fixture.adc.impersonated })
      .verifyGcpCredential({ credential: { kind: 'adc' } });
    expect(identity).toMatchObject({
      credentialType: 'impersonated_service_account',
      principal: SERVICE_ACCOUNTS.terraform,
    });
    expect(bed.fake.requests.slice(before)).toContainEqual({
      service: 'iamcredentials',
      method: 'POST',
      path: `/v1/projects/-/serviceAccounts/${SERVICE_ACCOUNTS.terraform}:generateAccessToken`,
      principal: USERS.alice,
    });
  });

  it('exchanges a workload identity token at STS and impersonates for external_account', async () => {
    const before = bed.fake.requests.length;
    const identity = await bed
      .service({ GOOGLE_APPLICATION_CREDENTIALS: bed.fixture.adc.externalAccount })
      .verifyGcpCredential({ credential: { kind: 'adc' } });
    expect(identity).toMatchObject({
      credentialType: 'external_account',
      principal: SERVICE_ACCOUNTS.terraform,
      principalKind: 'serviceAccount',
    });
    const made = bed.fake.requests.slice(before);
    expect(made).toContainEqual(expect.objectContaining({ service: 'sts', path: '/v1/token' }));
    expect(made).toContainEqual(
      expect.objectContaining({
        service: 'iamcredentials',
        principal: `principal://iam.googleapis.com/${WORKLOAD_POOL}/subject/repo:acme/infra:ref:refs/heads/main`,
      }),
    );
  });

  it('says to run application-default login when the refresh token was revoked', async () => {
    const error = await coreErrorOf(
      bed
        .service({ GOOGLE_APPLICATION_CREDENTIALS: bed.fixture.adc.revokedUser })
        .verifyGcpCredential({ credential: { kind: 'adc' } }),
    );
    expect(error.code).toBe('GCP_REAUTH_REQUIRED');
    expect(error.message).toContain('expired or revoked');
    expect(error.remediation).toContain('gcloud auth application-default login');
  });

  it('says there are no credentials when GOOGLE_APPLICATION_CREDENTIALS names a missing file', async () => {
    const error = await coreErrorOf(
      bed
        .service({ GOOGLE_APPLICATION_CREDENTIALS: `${bed.fixture.root}/nope.json` })
        .verifyGcpCredential({ credential: { kind: 'adc' } }),
    );
    expect(error.code).toBe('GCP_NO_CREDENTIALS');
    expect(error.remediation).toContain('GOOGLE_APPLICATION_CREDENTIALS');
  });
});

describe('project lookup', () => {
  it('returns the number, name and state from Cloud Resource Manager v3', async () => {
    const project = await bed
      .service()
      .lookupGcpProject({ credential: { kind: 'adc' }, projectId: DEMO_PROJECT.projectId });
    expect(project).toEqual({
      projectId: DEMO_PROJECT.projectId,
      projectNumber: DEMO_PROJECT.projectNumber,
      name: DEMO_PROJECT.displayName,
      state: 'ACTIVE',
    });
    expect(bed.fake.requests.at(-1)).toMatchObject({
      service: 'cloudresourcemanager',
      path: `/v3/projects/${DEMO_PROJECT.projectId}`,
    });
  });

  it('names the missing permission, on the project id field, when the project is hidden or absent', async () => {
    for (const projectId of [PRIVATE_PROJECT.projectId, 'no-such-project-1']) {
      const error = await coreErrorOf(
        bed.service().lookupGcpProject({ credential: { kind: 'adc' }, projectId: projectId }),
      );
      expect(error.code).toBe('GCP_PERMISSION_DENIED');
      expect(error.field).toBe('projectId');
      expect(error.message).toContain('resourcemanager.projects.get');
      expect(error.remediation).toMatch(/Check the project ID/);
    }
  });
});

describe('impersonation check', () => {
  it('succeeds when the principal holds Token Creator, and reports when the token would expire', async () => {
    const result = await bed
      .service()
      .checkGcpImpersonation({ credential: { kind: 'adc' }, serviceAccount: SERVICE_ACCOUNTS.terraform });
    expect(result.serviceAccount).toBe(SERVICE_ACCOUNTS.terraform);
    expect(Date.parse(result.expiresAt ?? '')).toBeGreaterThan(Date.now());
  });

  it('names iam.serviceAccounts.getAccessToken and the role to grant when denied', async () => {
    const error = await coreErrorOf(
      bed.service().checkGcpImpersonation({ credential: { kind: 'adc' }, serviceAccount: SERVICE_ACCOUNTS.auditor }),
    );
    expect(error.code).toBe('GCP_PERMISSION_DENIED');
    expect(error.field).toBe('serviceAccount');
    expect(error.message).toContain('iam.serviceAccounts.getAccessToken');
    expect(error.remediation).toContain('roles/iam.serviceAccountTokenCreator');
    expect(error.remediation).toContain(SERVICE_ACCOUNTS.auditor);
  });

  it('says NOT_FOUND for a service account that does not exist', async () => {
    const error = await coreErrorOf(
      bed.service().checkGcpImpersonation({
        credential: { kind: 'adc' },
        serviceAccount: `ghost-account@${DEMO_PROJECT.projectId}.iam.gserviceaccount.com`,
      }),
    );
    expect(error.code).toBe('GCP_NOT_FOUND');
    expect(error.field).toBe('serviceAccount');
    expect(error.message).toContain('ghost-account@');
  });
});

describe('endpoints', () => {
  it('refuses a plain-http override that is not loopback', async () => {
    const error = await coreErrorOf(
      bed
        .service({ CLOUDSDK_AUTH_TOKEN_HOST: 'http://tokens.example.com/token' })
        .verifyGcpCredential({ credential: { kind: 'adc' } }),
    );
    expect(error.code).toBe('GCP_ENDPOINT_INVALID');
    expect(error.message).toContain('CLOUDSDK_AUTH_TOKEN_HOST');
  });

  it('says Google is unreachable when nothing listens at the endpoint', async () => {
    const error = await coreErrorOf(
      bed
        .service({ CLOUDSDK_AUTH_TOKEN_HOST: 'http://127.0.0.1:9/token' })
        .verifyGcpCredential({ credential: { kind: 'adc' } }),
    );
    expect(error.code).toBe('GCP_UNREACHABLE');
    expect(error.message).toContain('ECONNREFUSED');
  });
});

describe('secrets', () => {
  it('never puts a refresh token, key or issued access token in a log line or an error', async () => {
    const service = bed.service();
    const outcomes = await Promise.allSettled([
      service.verifyGcpCredential({ credential: { kind: 'adc' } }),
      service.lookupGcpProject({ credential: { kind: 'adc' }, projectId: PRIVATE_PROJECT.projectId }),
      service.checkGcpImpersonation({ credential: { kind: 'adc' }, serviceAccount: SERVICE_ACCOUNTS.auditor }),
      bed
        .service({ GOOGLE_APPLICATION_CREDENTIALS: bed.fixture.adc.revokedUser })
        .verifyGcpCredential({ credential: { kind: 'adc' } }),
    ]);
    const text = JSON.stringify(
      outcomes.map((o) => (o.status === 'fulfilled' ? o.value : { ...o.reason, message: String(o.reason) })),
    );
    const everything = `${text}\n${bed.logs.join('')}`;
    const secrets = [...bed.fixture.secrets, ...bed.fake.state.accessTokens.keys()];
    expect(secrets.length).toBeGreaterThan(5);
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(bed.logs.join('')).toContain('verified GCP credentials');
  });
});
