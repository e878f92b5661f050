import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROJECT, SANDBOX_PROJECT, SERVICE_ACCOUNTS, USERS } from '../../../test-support/fakes/gcp/gcloud-fixture';
import { coreErrorOf } from '../../../test-support/core/core-error-rejection';
import { createGcpTestBed, type GcpTestBed } from '../../../test-support/core/gcp-test-bed';
import { findGcloud } from './gcloud-cli';

// These run the real gcloud (`config config-helper`) against the fixture config dir, with its token
// endpoint and API endpoints pointed at the Google fake through gcloud's own settings.
const gcloud = await findGcloud(process.env);

let bed: GcpTestBed;
beforeAll(async () => {
  bed = await createGcpTestBed();
});
afterAll(() => bed.dispose());

describe.skipIf(!gcloud)('gcloud configurations through config-helper', () => {
  it('verifies a user configuration: the account, its project, a fresh token from the fake', async () => {
    const before = bed.fake.requests.length;
    const identity = await bed
      .service()
      .verifyGcpCredential({ credential: { kind: 'configuration', name: 'default' } });
    expect(identity).toMatchObject({
      credentialType: 'gcloud',
      principal: USERS.alice,
      principalKind: 'user',
      project: DEMO_PROJECT.projectId,
    });
    expect(bed.fake.requests.slice(before)).toContainEqual(
      expect.objectContaining({ service: 'oauth2', path: '/token' }),
    );
  });

  it('verifies a service-account configuration', async () => {
    const identity = await bed.service().verifyGcpCredential({ credential: { kind: 'configuration', name: 'ci' } });
    expect(identity).toMatchObject({ principal: SERVICE_ACCOUNTS.deployer, principalKind: 'serviceAccount' });
  });

  it('reports the impersonated service account and who impersonates it', async () => {
    const identity = await bed
      .service()
      .verifyGcpCredential({ credential: { kind: 'configuration', name: 'terraform' } });
    expect(identity).toMatchObject({ principal: SERVICE_ACCOUNTS.terraform, impersonatedBy: USERS.alice });
  });

  it('looks up a project with the configuration token', async () => {
    const project = await bed
      .service()
      .lookupGcpProject({ credential: { kind: 'configuration', name: 'default' }, projectId: DEMO_PROJECT.projectId });
    expect(project.projectNumber).toBe(DEMO_PROJECT.projectNumber);
    expect(bed.fake.requests.at(-1)).toMatchObject({ service: 'cloudresourcemanager', principal: USERS.alice });
  });

  it('says which API is disabled, in which project, and how to enable it', async () => {
    const error = await coreErrorOf(
      bed.service().lookupGcpProject({
        credential: { kind: 'configuration', name: 'sandbox' },
        projectId: SANDBOX_PROJECT.projectId,
      }),
    );
    expect(error.code).toBe('GCP_SERVICE_DISABLED');
    expect(error.message).toContain('Cloud Resource Manager API (cloudresourcemanager.googleapis.com)');
    expect(error.message).toContain(SANDBOX_PROJECT.projectNumber);
    expect(error.remediation).toContain(
      `gcloud services enable cloudresourcemanager.googleapis.com --project=${SANDBOX_PROJECT.projectNumber}`,
    );
    expect(error.remediation).toContain(
      `https://console.developers.google.com/apis/api/cloudresourcemanager.googleapis.com/overview?project=${SANDBOX_PROJECT.projectNumber}`,
    );
  });

  it('says to run gcloud auth login for the account when its refresh token was revoked', async () => {
    const error = await coreErrorOf(
      bed.service().verifyGcpCredential({ credential: { kind: 'configuration', name: 'stale' } }),
    );
    expect(error.code).toBe('GCP_REAUTH_REQUIRED');
    expect(error.remediation).toContain(`gcloud auth login ${USERS.bob}`);
  });

  it('says a configuration without an account needs a sign-in', async () => {
    const error = await coreErrorOf(
      bed.service().verifyGcpCredential({ credential: { kind: 'configuration', name: 'empty' } }),
    );
    expect(error.code).toBe('GCP_NO_CREDENTIALS');
    expect(error.message).toContain('empty');
  });

  it('checks impersonation with a configuration token, denied with the permission named', async () => {
    const ok = await bed.service().checkGcpImpersonation({
      credential: { kind: 'configuration', name: 'default' },
      serviceAccount: SERVICE_ACCOUNTS.terraform,
    });
    expect(ok.serviceAccount).toBe(SERVICE_ACCOUNTS.terraform);
    const denied = await coreErrorOf(
      bed.service().checkGcpImpersonation({
        credential: { kind: 'configuration', name: 'default' },
        serviceAccount: SERVICE_ACCOUNTS.auditor,
      }),
    );
    expect(denied.code).toBe('GCP_PERMISSION_DENIED');
    expect(denied.message).toBe(
      `${USERS.alice} lacks the permission iam.serviceAccounts.getAccessToken needed to impersonate ${SERVICE_ACCOUNTS.auditor}.`,
    );
  });

  it('refuses a configuration that does not exist', async () => {
    const error = await coreErrorOf(
      bed.service().verifyGcpCredential({ credential: { kind: 'configuration', name: 'nope' } }),
    );
    expect(error.code).toBe('GCP_NOT_FOUND');
  });
});

describe('without gcloud installed', () => {
  it('still lists configurations, and says gcloud is needed to verify one', async () => {
    const service = bed.service({ PATH: '/nonexistent-bin' });
    const listing = await service.listGcpCredentials();
    expect(listing.gcloud).toEqual({ installed: false });
    expect(listing.configurations.map((c) => c.name)).toContain('default');
    const error = await coreErrorOf(
      service.verifyGcpCredential({ credential: { kind: 'configuration', name: 'default' } }),
    );
    expect(error.code).toBe('GCLOUD_NOT_INSTALLED');
    expect(error.message).toBe('gcloud is needed to use configuration default, and it is not on PATH.');
    expect(error.remediation).toContain('https://cloud.google.com/sdk/docs/install');
    // ADC does not need gcloud.
    await expect(service.verifyGcpCredential({ credential: { kind: 'adc' } })).resolves.toMatchObject({
      principal: USERS.alice,
    });
  });
});
