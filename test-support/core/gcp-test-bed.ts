import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createGcloudFixture, type GcloudFixture } from '../fakes/gcp/gcloud-fixture';
import { startGoogleFake, type GoogleFake } from '../fakes/gcp/google-fake';
import { CoreError } from '../../electron/core/core-error';
import { createLogger } from '../../electron/core/logger';
import { GcpCredentialsService } from '../../electron/core/gcp/gcp-credentials-service';

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

/** The CoreError a promise rejects with (fails the test when it resolves or throws something else). */
export async function coreErrorOf(promise: Promise<unknown>): Promise<CoreError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a CoreError, got ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof CoreError)) throw outcome.error;
  return outcome.error;
}
