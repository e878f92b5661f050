import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installAwsFixtureHome } from '../../../test-support/fakes/aws/aws-fixture-home';
import {
  createMotoUser,
  findMotoServer,
  MOTO_MISSING_REASON,
  startMoto,
  type MotoServer,
} from '../../../test-support/fakes/aws/moto';
import {
  clearAwsAssociations,
  moduleSeed,
  MOTO_ACCOUNT,
  seedAwsAssociation,
} from '../../../test-support/seeders/seed-association';
import { installTokenCommand } from '../../../test-support/seeders/token-command';
import { DEMO_PROJECT } from '../../../test-support/fakes/gcp/gcloud-fixture';
import {
  installWorkloadIdentityRoutes,
  seedGcpAssociation,
} from '../../../test-support/fakes/gcp/workload-identity-fake';
import { buildCheckCli, type CliRun, type RunCli } from '../../../test-support/core/check-cli-build';
import { createGcpTestBed, type GcpTestBed } from '../../../test-support/core/gcp-test-bed';
import { createTestCore } from '../../../test-support/core/test-core';
import { claimDataDir } from '../store/data-dir-owner';
import { readRunningWork, seedRunningWork } from '../../../test-support/seeders/seed-running-work';

const GROUP = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';
const SEED_LINE = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} (AWS|GCP) role impersonation was successful!$/;
const motoBinary = findMotoServer();

let run: RunCli;
beforeAll(async () => {
  run = await buildCheckCli('liaison-cli-test');
}, 60_000);

const runCli = (args: string[], env: NodeJS.ProcessEnv) =>
  run(args, { PATH: process.env.PATH, LIAISON_LOG_LEVEL: 'warn', ...env });

/** Saves a group and its association (and a token command) into a data dir, as the app would. */
async function seedDataDir(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  association: Record<string, unknown>,
  token?: string,
) {
  // createTestCore's operator allows the token command, as they would in the app.
  const { core, call } = createTestCore({}, dataDir, { env });
  try {
    const calls: [string, unknown][] = [
      ['createGroup', { mode: 'existing', id: GROUP, name: 'ci' }],
      ['saveAssociation', { groupId: GROUP, environment: 'enforce.dev', ...association }],
      ...(token
        ? [['setTokenCommand', { environment: 'enforce.dev', command: token, timeoutSeconds: 10 }] as [string, unknown]]
        : []),
    ];
    for (const [method, input] of calls) {
      await call(method as 'createGroup', input as never);
    }
  } finally {
    core.close();
  }
}

describe('liaison check-aws / check-gcp: usage', () => {
  it('exits 2 with the usage for a bad command or group, and for a group with no association', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'liaison-cli-'));
    try {
      const bad = await runCli(['check-azure', GROUP], { LIAISON_DATA_DIR: dataDir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('Usage: liaison check-aws <GROUP>');
      const notUidp = await runCli(['check-aws', 'my-group'], { LIAISON_DATA_DIR: dataDir });
      expect(notUidp.code).toBe(2);
      expect(notUidp.stderr).toContain('"my-group" is not a group id');
      const none = await runCli(['check-aws', GROUP], { LIAISON_DATA_DIR: dataDir });
      expect(none.code).toBe(2);
      expect(none.stderr).toBe(`liaison: group ${GROUP} has no generated AWS association in ${dataDir}.\n`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('liaison check-aws beside a running app', () => {
  it("leaves the app's in-flight Terraform run, its output files and its fleet item alone", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'liaison-cli-beside-'));
    try {
      const work = await seedRunningWork(dataDir);
      // The app holds its data directory while it works.
      const app = claimDataDir(dataDir);
      try {
        // The CLI opens its core there all the same, finds no association and exits.
        const none = await runCli(['check-aws', GROUP], { LIAISON_DATA_DIR: dataDir });
        expect(none.code).toBe(2);
        expect(none.stderr).toBe(`liaison: group ${GROUP} has no generated AWS association in ${dataDir}.\n`);
      } finally {
        app.release();
      }
      // The process has exited, so any file removal it had started has ended too.
      expect(readRunningWork(dataDir, work)).toEqual({
        runStatus: 'running',
        itemStage: 'planning',
        stepFileExists: true,
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!motoBinary)(motoBinary ? 'liaison check-aws against moto' : `SKIPPED — ${MOTO_MISSING_REASON}`, () => {
  let moto: MotoServer;
  let root: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    moto = await startMoto();
    root = mkdtempSync(join(tmpdir(), 'liaison-cli-aws-'));
    const fixture = installAwsFixtureHome(join(root, 'home'), {
      staticKeys: await createMotoUser(moto.url, 'cli-checker'),
    });
    env = { HOME: fixture.home, AWS_ENDPOINT_URL: moto.url };
  });
  afterAll(async () => {
    await moto?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  async function cli(
    breakage: Parameters<typeof moduleSeed>[2],
    token: boolean,
    extraEnv: NodeJS.ProcessEnv = {},
  ): Promise<CliRun> {
    await clearAwsAssociations(moto.url);
    await seedAwsAssociation(moto.url, moduleSeed(GROUP, 'enforce.dev', breakage));
    const dataDir = mkdtempSync(join(root, 'data-'));
    const command = token
      ? installTokenCommand(join(root, 'token'), 'enforce.dev', { amazon: `canary:${GROUP}`, google: '' })
      : undefined;
    await seedDataDir(
      dataDir,
      env,
      { cloud: 'aws', accountId: MOTO_ACCOUNT, profile: 'static-admin', moduleVersion: '0.1.0' },
      command,
    );
    return runCli(['check-aws', GROUP], { ...env, LIAISON_DATA_DIR: dataDir, ...extraEnv });
  }

  it('mixes no JSON log line into its human output by default, and prints one when asked', async () => {
    const quiet = await cli(undefined, false, { LIAISON_LOG_LEVEL: '' });
    expect(quiet.code).toBe(0);
    expect(`${quiet.stdout}${quiet.stderr}`).not.toMatch(/^\{"level"/m);
    const verbose = await cli(undefined, false, { LIAISON_LOG_LEVEL: 'info' });
    expect(verbose.stderr).toMatch(/^\{"level":30/m);
  });

  it('Configured: the step lines, the verdict, exit 0 and no success line', async () => {
    const run = await cli(undefined, false);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`AWS account ${MOTO_ACCOUNT}, group ${GROUP}`);
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}PASS {4}Role chainguard-canary trusts canary:abcdef\w+ \[static, \d+ ms\]$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}SKIP {4}Live: impersonate chainguard-canary/));
    expect(lines.at(-1)).toMatch(/^Configured \(\d+ ms\): Configured — every static check passed; not verified live/);
    expect(run.stdout).not.toMatch(/impersonation was successful/);
  });

  it('Success: ends with the seed-style line and exits 0', async () => {
    const run = await cli(undefined, true);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(SEED_LINE);
    expect(lines.at(-1)).toContain('AWS role impersonation was successful!');
    expect(lines.at(-2)).toMatch(/^Success \(\d+ ms\): Success — chainguard-canary was impersonated live/);
  });

  it('Failing: the failing step with its fix, exit 1', async () => {
    const run = await cli('wrong-aud', true);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      / {2}FAIL {4}Role chainguard-canary trusts canary:\w+ \[static, \d+ ms\]\n {10}The trust policy of chainguard-canary does not admit/,
    );
    expect(run.stdout).toContain('          Fix: Run Apply for this association');
    expect(run.stdout).toMatch(/\nFailing \(\d+ ms\): Failing — Role chainguard-canary trusts/);
    expect(run.stdout).not.toMatch(/impersonation was successful/);
  });
});

describe('liaison check-gcp against the Google fake', () => {
  let bed: GcpTestBed;
  beforeAll(async () => {
    bed = await createGcpTestBed();
  });
  afterAll(() => bed.dispose());

  it('Success with a token, exit 0; a missing binding, exit 1', async () => {
    const iam = installWorkloadIdentityRoutes(bed.fake);
    const association = {
      cloud: 'gcp',
      projectId: DEMO_PROJECT.projectId,
      projectNumber: DEMO_PROJECT.projectNumber,
      credential: { kind: 'adc' },
      moduleVersion: '0.0.12',
    };
    const token = installTokenCommand(join(bed.fixture.root, 'token'), 'enforce.dev', {
      amazon: '',
      google: `canary:${GROUP}`,
    });
    seedGcpAssociation(bed.fake, iam, { ...DEMO_PROJECT, groupId: GROUP });
    const good = join(bed.fixture.root, 'data-good');
    await seedDataDir(good, bed.env, association, token);
    const success = await runCli(['check-gcp', GROUP, '--project', DEMO_PROJECT.projectId], {
      ...bed.env,
      LIAISON_DATA_DIR: good,
    });
    expect(success.code).toBe(0);
    expect(success.stdout.trimEnd().split('\n').at(-1)).toMatch(/ GCP role impersonation was successful!$/);

    seedGcpAssociation(bed.fake, iam, { ...DEMO_PROJECT, groupId: GROUP, breakage: 'binding-for-other-group' });
    const failing = await runCli(['check-gcp', GROUP], { ...bed.env, LIAISON_DATA_DIR: good });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('  FAIL    Service account chainguard-canary admits canary:');
  });
});
