import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PROJECT } from '../../../test-support/fakes/gcp/gcloud-fixture';
import {
  installWorkloadIdentityRoutes,
  seedGcpAssociation,
} from '../../../test-support/fakes/gcp/workload-identity-fake';
import { installChainctlDouble, type ChainctlDouble } from '../../../test-support/fakes/platform/chainctl-double';
import { startPlatformStandIn, type PlatformStandIn } from '../../../test-support/fakes/platform/platform-stand-in';
import { buildCheckCli, type RunCli } from '../../../test-support/core/check-cli-build';
import { createGcpTestBed, type GcpTestBed } from '../../../test-support/core/gcp-test-bed';
import { createTestCore } from '../../../test-support/core/test-core';

const SECRET = 'cli-stand-in-secret';
const ORG = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';
const FOLDER = `${ORG}/0123456789abcdef`;

let bed: GcpTestBed;
let standIn: PlatformStandIn;
let chainctl: ChainctlDouble;
let env: NodeJS.ProcessEnv;
let dataDir: string;
let run: RunCli;

beforeAll(async () => {
  run = await buildCheckCli('liaison-platform-cli-test');
  bed = await createGcpTestBed();
  standIn = await startPlatformStandIn({ secret: SECRET });
  chainctl = installChainctlDouble(join(bed.fixture.root, 'chainctl'), { secret: SECRET });
  env = {
    ...bed.env,
    PATH: `${chainctl.dir}${delimiter}${process.env.PATH ?? ''}`,
    CHAINGUARD_CONSOLE_API: standIn.url,
  };
  dataDir = mkdtempSync(join(tmpdir(), 'liaison-platform-cli-'));
  const iam = installWorkloadIdentityRoutes(bed.fake);
  seedGcpAssociation(bed.fake, iam, { ...DEMO_PROJECT, groupId: FOLDER });
  // Nothing here sets a program; one that tried would be declined.
  const { core, call } = createTestCore({ confirmProgram: () => Promise.resolve('declined') }, dataDir, { env });
  try {
    for (const [method, input] of [
      ['createGroup', { mode: 'existing', id: FOLDER, name: 'prod' }],
      [
        'saveAssociation',
        {
          groupId: FOLDER,
          environment: 'enforce.dev',
          cloud: 'gcp',
          projectId: DEMO_PROJECT.projectId,
          projectNumber: DEMO_PROJECT.projectNumber,
          credential: { kind: 'adc' },
          moduleVersion: '0.0.12',
        },
      ],
    ] as const) {
      await call(method, input as never);
    }
  } finally {
    core.close();
  }
}, 120_000);

afterAll(async () => {
  await standIn?.close();
  await bed?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  standIn.reset();
  standIn.addGroup({ id: ORG, name: 'acme.example', description: 'the organization' });
  standIn.addGroup({ id: FOLDER, name: 'prod', description: 'production accounts' });
  chainctl.set({ mode: 'signed-in' });
});

const runCli = (args: string[], childEnv: NodeJS.ProcessEnv = env) =>
  run(args, { LIAISON_LOG_LEVEL: 'warn', ...childEnv, LIAISON_DATA_DIR: dataDir });

describe('liaison groups', () => {
  it("lists the platform's groups as a table and as JSON", async () => {
    const table = await runCli(['groups']);
    expect(table.code).toBe(0);
    expect(table.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^NAME +ID +DESCRIPTION$/),
      expect.stringMatching(new RegExp(`^acme\\.example +${ORG} +the organization$`)),
      expect.stringMatching(new RegExp(`^  prod +${FOLDER} +production accounts$`)),
    ]);
    const json = await runCli(['groups', '--json']);
    expect(JSON.parse(json.stdout)).toEqual([
      { id: ORG, name: 'acme.example', description: 'the organization' },
      { id: FOLDER, name: 'prod', description: 'production accounts' },
    ]);
  });

  it('signed out: exit 1 and the exact login command', async () => {
    chainctl.set({ mode: 'signed-out' });
    const run = await runCli(['groups']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`chainctl auth login --audience ${standIn.url}`);
  });
});

describe('liaison check-gcp asks the platform', () => {
  it('Platform: Ready → Success with the seed line, exit 0', async () => {
    standIn.records.set(FOLDER, {
      group: FOLDER,
      google: { projectId: DEMO_PROJECT.projectId, projectNumber: DEMO_PROJECT.projectNumber },
    });
    const run = await runCli(['check-gcp', FOLDER]);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContain('Platform: Ready');
    expect(lines.at(-2)).toMatch(/^Success \(\d+ ms\): Success — the platform's own check is Ready/);
    expect(lines.at(-1)).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} GCP role impersonation was successful!$/);
    expect(run.code).toBe(0);
    expect(standIn.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /iam/v1/account_associations',
      `POST /iam/v1/account_associations/${FOLDER}:check`,
    ]);
  });

  it('Platform: NotReady — reason: message verbatim, Failing, exit 1', async () => {
    standIn.records.set(FOLDER, { group: FOLDER, google: { projectId: DEMO_PROJECT.projectId } });
    standIn.setCheck(FOLDER, 'GOOGLE', {
      ready: 'NotReady',
      reason: 'ImpersonationFailed',
      message: 'unable to impersonate chainguard-canary@demo.iam.gserviceaccount.com: 403',
    });
    const run = await runCli(['check-gcp', FOLDER]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'Platform: NotReady — ImpersonationFailed: unable to impersonate chainguard-canary@demo.iam.gserviceaccount.com: 403\n',
    );
    expect(run.stdout).toMatch(/\nFailing \(\d+ ms\): Failing — Platform: NotReady — ImpersonationFailed:/);
  });

  it('not registered and signed out are said so; no chainctl means no platform step', async () => {
    const unregistered = await runCli(['check-gcp', FOLDER]);
    expect(unregistered.code).toBe(1);
    expect(unregistered.stdout).toContain(
      `Platform: FAIL — Not registered: the platform has no GCP project for group ${FOLDER}.`,
    );

    chainctl.set({ mode: 'signed-out' });
    const signedOut = await runCli(['check-gcp', FOLDER]);
    expect(signedOut.code).toBe(1);
    expect(signedOut.stdout).toMatch(/\nNeeds sign-in \(\d+ ms\): Needs sign-in — You are not signed in/);

    const offline = env.PATH;
    env.PATH = process.env.PATH;
    try {
      const run = await runCli(['check-gcp', FOLDER]);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain('Platform:');
      expect(run.stdout).toMatch(/\nConfigured \(\d+ ms\): /);
    } finally {
      env.PATH = offline;
    }
  });
});

describe('the CLI reads Settings → Platform from the data directory', () => {
  it('groups and check-gcp go to the API URL saved for the environment when CHAINGUARD_CONSOLE_API is unset', async () => {
    const { CHAINGUARD_CONSOLE_API: _override, ...withoutOverride } = env;
    const { core, callResult } = createTestCore({ confirmProgram: () => Promise.resolve('declined') }, dataDir, {
      env: withoutOverride,
    });
    try {
      const saved = await callResult('savePlatformSettings', {
        environment: 'enforce.dev',
        apiUrl: standIn.url,
      });
      expect(saved.ok).toBe(true);
    } finally {
      core.close();
    }
    standIn.records.set(FOLDER, {
      group: FOLDER,
      google: { projectId: DEMO_PROJECT.projectId, projectNumber: DEMO_PROJECT.projectNumber },
    });

    const groups = await runCli(['groups', '--json'], withoutOverride);
    expect(groups.code).toBe(0);
    expect((JSON.parse(groups.stdout) as { id: string }[]).map((g) => g.id)).toEqual([ORG, FOLDER]);
    const check = await runCli(['check-gcp', FOLDER], withoutOverride);
    expect(check.stdout.split('\n')).toContain('Platform: Ready');
    expect(check.code).toBe(0);
    expect(standIn.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /iam/v1/groups',
      'GET /iam/v1/account_associations',
      `POST /iam/v1/account_associations/${FOLDER}:check`,
    ]);
    expect(chainctl.calls()).toContainEqual(['auth', 'token', '--audience', standIn.url]);

    // Another environment named on the command line has no saved URL: it derives its own.
    const other = await runCli(['groups', '--environment', 'liaison.invalid'], withoutOverride);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('console-api.liaison.invalid');
  });
});
