import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { installAwsFixtureHome, type AwsFixtureHome, type StaticKeys } from '../fakes/aws/aws-fixture-home';
import { createMotoUser } from '../fakes/aws/moto';
import type { MotoSuite } from '../fakes/aws/moto-suite';
import { clearAwsAssociations } from '../seeders/seed-association';
import { createTestCore, type TestCore } from './test-core';

export interface AwsHomeOnMoto {
  /** The test's temporary directory (the fixture home is `home/` in it). */
  root: string;
  fixture: AwsFixtureHome;
  /** Restores the environment and removes the directory. */
  dispose(): void;
}

/**
 * The per-test AWS bed of the moto-backed core tests: a fresh temporary HOME with the fixture
 * profiles, and the SDK pointed at the suite's fault proxy through the environment, exactly as the
 * web host is pointed at moto (no profile, config or credentials file from the machine leaks in).
 */
export function awsHomeOnMoto(
  suite: MotoSuite,
  name: string,
  options?: Parameters<typeof installAwsFixtureHome>[1],
): AwsHomeOnMoto {
  const root = mkdtempSync(join(tmpdir(), `liaison-${name}-`));
  const fixture = installAwsFixtureHome(join(root, 'home'), options);
  vi.stubEnv('HOME', fixture.home);
  vi.stubEnv('AWS_ENDPOINT_URL', suite.proxy.url);
  vi.stubEnv('AWS_PROFILE', '');
  vi.stubEnv('AWS_CONFIG_FILE', '');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '');
  return {
    root,
    fixture,
    dispose: () => {
      vi.unstubAllEnvs();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * The per-test bed of the core tests that hand keys to the code under test instead of a profile: no
 * fault set, the SDK pointed at the suite's fault proxy with no profile files (the clients must not
 * find the operator's real ones), a fresh moto user's keys in us-east-1, and the proxy's request log
 * emptied. Restore the environment with `vi.unstubAllEnvs()` after each test.
 */
export async function freshKeysOnMoto(suite: MotoSuite, userName: string): Promise<StaticKeys & { region: string }> {
  suite.fault = undefined;
  vi.stubEnv('AWS_ENDPOINT_URL', suite.proxy.url);
  vi.stubEnv('AWS_CONFIG_FILE', join(tmpdir(), 'liaison-no-config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(tmpdir(), 'liaison-no-credentials'));
  const keys = { ...(await createMotoUser(suite.moto.url, userName)), region: 'us-east-1' };
  suite.proxy.requests.length = 0;
  return keys;
}

/**
 * The per-test bed of the association-check tests: no fault set, no association left in moto by an
 * earlier test, a fresh moto user's keys as the fixture profiles' static keys (see `awsHomeOnMoto`),
 * a new test core, and the proxy's request log emptied. Dispose of both after each test.
 */
export async function checkBedOnMoto(
  suite: MotoSuite,
  name: string,
  userName: string,
): Promise<{ bed: AwsHomeOnMoto; test: TestCore }> {
  suite.fault = undefined;
  await clearAwsAssociations(suite.moto.url);
  const bed = awsHomeOnMoto(suite, name, { staticKeys: await createMotoUser(suite.moto.url, userName) });
  const test = createTestCore();
  suite.proxy.requests.length = 0;
  return { bed, test };
}
