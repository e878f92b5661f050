import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PROJECT,
  SANDBOX_PROJECT,
  SERVICE_ACCOUNTS,
  USERS,
  WORKLOAD_AUDIENCE,
} from '../../../test-support/fakes/gcp/gcloud-fixture';
import { createGcpTestBed, type GcpTestBed } from '../../../test-support/core/gcp-test-bed';

let bed: GcpTestBed;
beforeAll(async () => {
  bed = await createGcpTestBed();
});
afterAll(() => bed.dispose());

/** Every file under a directory with its content hash and mtime, to prove nothing was written. */
function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    result[path] = `${createHash('sha256').update(readFileSync(path)).digest('hex')}@${statSync(path).mtimeMs}`;
  }
  return result;
}

describe('listing gcloud configurations and ADC', () => {
  it('lists every configuration with its account, project and impersonation, and marks the active one', async () => {
    const listing = await bed.service().listGcpCredentials();
    expect(listing.configDir).toBe(bed.fixture.configDir);
    expect(listing.configDirFound).toBe(true);
    expect(listing.activeConfiguration).toBe('default');
    expect(listing.configurations).toEqual([
      { name: 'ci', active: false, account: SERVICE_ACCOUNTS.deployer, project: DEMO_PROJECT.projectId },
      { name: 'default', active: true, account: USERS.alice, project: DEMO_PROJECT.projectId },
      { name: 'empty', active: false },
      { name: 'sandbox', active: false, account: USERS.carol, project: SANDBOX_PROJECT.projectId },
      { name: 'stale', active: false, account: USERS.bob, project: DEMO_PROJECT.projectId },
      {
        name: 'terraform',
        active: false,
        account: USERS.alice,
        project: DEMO_PROJECT.projectId,
        impersonateServiceAccount: SERVICE_ACCOUNTS.terraform,
      },
    ]);
    expect(listing.adc).toEqual({
      status: 'found',
      path: join(bed.fixture.configDir, 'application_default_credentials.json'),
      source: 'well-known',
      type: 'authorized_user',
      quotaProjectId: DEMO_PROJECT.projectId,
    });
    expect(listing.gcloud.installed).toBe(true);
  });

  it('makes no network call and writes nothing in the gcloud directory', async () => {
    const before = snapshot(bed.fixture.root);
    const requests = bed.fake.requests.length;
    await bed.service().listGcpCredentials();
    await bed.service({ GOOGLE_APPLICATION_CREDENTIALS: bed.fixture.adc.externalAccount }).listGcpCredentials();
    expect(bed.fake.requests.length).toBe(requests);
    expect(snapshot(bed.fixture.root)).toEqual(before);
  });

  it('honours CLOUDSDK_ACTIVE_CONFIG_NAME over the active_config file', async () => {
    const listing = await bed.service({ CLOUDSDK_ACTIVE_CONFIG_NAME: 'sandbox' }).listGcpCredentials();
    expect(listing.activeConfiguration).toBe('sandbox');
    expect(listing.configurations.filter((c) => c.active).map((c) => c.name)).toEqual(['sandbox']);
  });

  it.each([
    [
      'serviceAccount',
      { type: 'service_account', principal: SERVICE_ACCOUNTS.deployer, projectId: DEMO_PROJECT.projectId },
    ],
    [
      'impersonated',
      { type: 'impersonated_service_account', principal: SERVICE_ACCOUNTS.terraform, sourceType: 'authorized_user' },
    ],
    [
      'externalAccount',
      { type: 'external_account', principal: SERVICE_ACCOUNTS.terraform, audience: WORKLOAD_AUDIENCE },
    ],
    ['authorizedUser', { type: 'authorized_user', quotaProjectId: DEMO_PROJECT.projectId }],
  ] as const)('classifies the %s ADC file named by GOOGLE_APPLICATION_CREDENTIALS', async (file, expected) => {
    const path = bed.fixture.adc[file];
    const listing = await bed.service({ GOOGLE_APPLICATION_CREDENTIALS: path }).listGcpCredentials();
    expect(listing.adc).toEqual({ status: 'found', path, source: 'env', ...expected });
    expect(JSON.stringify(listing)).not.toMatch(/PRIVATE KEY|refresh_token|1\/\/fixture/);
  });

  it('reports a config dir that does not exist as empty, not as an error', async () => {
    const missing = join(bed.fixture.root, 'no-gcloud-here');
    const listing = await bed.service({ CLOUDSDK_CONFIG: missing }).listGcpCredentials();
    expect(listing).toMatchObject({ configDir: missing, configDirFound: false, configurations: [] });
    expect(listing.adc).toEqual({
      status: 'missing',
      path: join(missing, 'application_default_credentials.json'),
      source: 'well-known',
    });
    expect(listing.activeConfiguration).toBeUndefined();
  });

  it('says why an ADC file cannot be used when it is not JSON', async () => {
    const listing = await bed
      .service({ GOOGLE_APPLICATION_CREDENTIALS: join(bed.fixture.configDir, 'active_config') })
      .listGcpCredentials();
    expect(listing.adc).toMatchObject({ status: 'unreadable', message: 'The file is not JSON' });
  });

  it('uses ~/.config/gcloud when CLOUDSDK_CONFIG is not set', async () => {
    const env = { ...bed.env, CLOUDSDK_CONFIG: '' };
    const listing = await bed.service(env).listGcpCredentials();
    expect(listing.configDir).toBe(join(String(bed.env.HOME), '.config', 'gcloud'));
  });
});
