import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { vi } from 'vitest';
import { createGcloudFixture, type GcloudFixture } from '../fakes/gcp/gcloud-fixture';
import { startGoogleFake, type GoogleFake } from '../fakes/gcp/google-fake';
import { clearWorkloadIdentity, type WorkloadIdentityState } from '../fakes/gcp/workload-identity-fake';
import { createLogger } from '../../electron/core/logger';
import { GcpCredentialsService } from '../../electron/core/gcp/gcp-credentials-service';
import { createTestCore, type TestCore } from './test-core';

/** The Google fake, a seeded gcloud fixture and a service pointed at both; for the GCP tests only. */
export interface GcpTestBed {
  fake: GoogleFake;
  fixture: GcloudFixture;
  logs: string[];
  env: NodeJS.ProcessEnv;
  service(extraEnv?: NodeJS.ProcessEnv): GcpCredentialsService;
  dispose(): Promise<void>;
}

export async function createGcpTestBed(): Promise<GcpTestBed> {
  const fake = await startGoogleFake();
  const fixture = createGcloudFixture(fake);
  const home = join(fixture.root, 'home');
  mkdirSync(home, { recursive: true });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    CLOUDSDK_CONFIG: fixture.configDir,
    CLOUDSDK_CORE_DISABLE_USAGE_REPORTING: 'true',
    ...fake.env(),
  };
  return {
    fake,
    fixture,
    logs,
    env,
    service: (extraEnv = {}) => new GcpCredentialsService({ env: { ...env, ...extraEnv }, logger }),
    dispose: async () => {
      await fake.stop();
      fixture.dispose();
    },
  };
}

/**
 * The per-test core of the tests on the Google fake: no workload identity left by an earlier test,
 * the process environment pointed at the bed (and no GOOGLE_APPLICATION_CREDENTIALS from the
 * machine), and a new test core. After each test: dispose of the core and `vi.unstubAllEnvs()`.
 */
export function coreOnGoogleFake(bed: GcpTestBed, iam: WorkloadIdentityState): TestCore {
  clearWorkloadIdentity(bed.fake, iam);
  for (const [name, value] of Object.entries(bed.env)) vi.stubEnv(name, value ?? '');
  vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', '');
  return createTestCore();
}
