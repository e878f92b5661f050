import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api';
import type { FleetRun } from '../../../shared/contract/fleet';
import { installAwsFixtureHome } from '../../../test-support/fakes/aws/aws-fixture-home';
import { installChainctlDouble, type ChainctlDouble } from '../../../test-support/fakes/platform/chainctl-double';
import { startPlatformStandIn, type PlatformStandIn } from '../../../test-support/fakes/platform/platform-stand-in';
import { waitUntil } from '../../../test-support/core/terraform-test-harness';
import { createCore, type Core } from '../core';
import { dispatchCall } from '../dispatch';
import { createLogger } from '../logger';

/*
 * The fleet through the whole core: the platform stand-in (folders, association records), the chainctl
 * double, the AWS fixture profiles, and the Terraform test double replaying a recorded plan and apply.
 */

const SECRET = 'fleet-stand-in-secret';
const ORG = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';
const FOLDER = `${ORG}/0123456789abcdef`;
const DOUBLE = new URL('../../../test-support/fakes/terraform/double/success', import.meta.url).pathname;

let standIn: PlatformStandIn;
let chainctl: ChainctlDouble;
let dir: string;
let core: Core;

beforeAll(async () => {
  standIn = await startPlatformStandIn({ secret: SECRET });
});
afterAll(() => standIn.close());

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-fleet-core-'));
  chainctl = installChainctlDouble(join(dir, 'bin'), { secret: SECRET });
  const fixture = installAwsFixtureHome(join(dir, 'home'));
  standIn.reset();
  standIn.addGroup({ id: ORG, name: 'acme.example', description: '' });
  standIn.addGroup({ id: FOLDER, name: 'prod', description: '' });
  core = createCore({
    platform: {
      host: 'web',
      openExternal: () => Promise.resolve('navigate'),
      notify: () => 'toast',
      confirmProgram: () => Promise.resolve('declined'),
    },
    dataDir: join(dir, 'data'),
    env: {
      PATH: [chainctl.dir, DOUBLE, process.env.PATH ?? ''].join(delimiter),
      HOME: fixture.home,
      CHAINGUARD_CONSOLE_API: standIn.url,
    },
    logger: createLogger({ level: 'silent' }),
  });
});
afterEach(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await dispatchCall(core, method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as MethodOutput<M>;
}

async function until(fleetId: string, what: string, done: (run: FleetRun) => boolean): Promise<FleetRun> {
  let run = await call('getFleetRun', { fleetId });
  try {
    await waitUntil(
      what,
      () => {
        // getFleetRun is synchronous in the core, so polling it here is cheap and exact.
        run = core.handlers.getFleetRun({ fleetId }) as FleetRun;
        return done(run);
      },
      45_000,
    );
  } catch (error) {
    throw new Error(`${String(error)}: ${JSON.stringify(run.items.map((item) => [item.stage, item.error]))}`, {
      cause: error,
    });
  }
  return run;
}

function fleetOf(items: MethodInput<'createFleetRun'>['items']): MethodInput<'createFleetRun'> {
  return { name: 'Org onboarding', environment: 'enforce.dev', options: { awsModuleVersion: '0.1.0' }, items };
}

describe('a fleet run through the core', () => {
  it('creates folders, saves and registers each account, plans, applies the approved plans', async () => {
    const created = await call(
      'createFleetRun',
      fleetOf([
        {
          target: { cloud: 'aws', accountId: '111111111111', accountName: 'logs', profile: 'static-admin' },
          // A platform group Liaison has not listed yet: taken in with its platform name.
          group: { kind: 'existing', groupId: FOLDER },
          order: 0,
        },
        {
          target: { cloud: 'aws', accountId: '222222222222', accountName: 'security', profile: 'static-admin' },
          group: { kind: 'new-folder', parentId: ORG, name: 'security' },
          order: 1,
        },
      ]),
    );
    await call('planFleet', { fleetId: created.id });
    const planned = await until(created.id, 'both plans', (run) =>
      run.items.every((item) => item.stage === 'planned' || item.stage === 'failed'),
    );
    expect(planned.items.map((item) => [item.stage, item.error])).toEqual([
      ['planned', undefined],
      ['planned', undefined],
    ]);

    const folder = planned.items[1]?.groupId ?? '';
    expect(folder).toMatch(new RegExp(`^${ORG}/[0-9a-f]{16}$`));
    expect((await call('listPlatformGroups', { environment: 'enforce.dev' })).map((g) => g.name)).toContain('security');
    expect((await call('listGroups', {})).map((g) => [g.id, g.name]).sort()).toEqual(
      [
        [FOLDER, 'prod'],
        [folder, 'security'],
      ].sort(),
    );
    expect(standIn.records.get(FOLDER)).toEqual({ group: FOLDER, amazon: { account: '111111111111' } });
    expect(standIn.records.get(folder)).toEqual({ group: folder, amazon: { account: '222222222222' } });
    const associations = await call('listAssociations', {});
    expect(associations.map((a) => [a.status, a.workspaceKey]).sort()).toEqual([
      ['generated', 'aws-111111111111'],
      ['generated', 'aws-222222222222'],
    ]);
    for (const item of planned.items) {
      expect(item.registration).toBe('registered');
      const { plan } = await call('getTerraformRun', { runId: item.planRunId ?? '' });
      expect(item.planCounts).toEqual(plan?.counts);
    }

    await call('approveFleetPlans', { fleetId: created.id, selection: { kind: 'safe' } });
    await call('applyFleet', { fleetId: created.id });
    const applied = await until(created.id, 'both applies', (run) =>
      run.items.every((item) => item.stage === 'applied' || item.stage === 'failed'),
    );
    expect(applied.items.map((item) => [item.stage, item.error?.code])).toEqual([
      ['applied', undefined],
      ['applied', undefined],
    ]);
  }, 120_000);

  it('signed out of the platform: each item fails at its first platform call, saying how to sign in', async () => {
    chainctl.set({ mode: 'signed-out' });
    const created = await call(
      'createFleetRun',
      fleetOf([
        {
          target: { cloud: 'aws', accountId: '333333333333', profile: 'static-admin' },
          group: { kind: 'new-folder', parentId: ORG, name: 'shared' },
          order: 0,
        },
      ]),
    );
    await call('planFleet', { fleetId: created.id });
    const failed = await until(created.id, 'the failure', (run) => run.items[0]?.stage === 'failed');
    expect(failed.items[0]).toMatchObject({ failedStage: 'generating', error: { code: 'PLATFORM_SIGNED_OUT' } });
    expect(failed.items[0]?.error?.remediation).toBeTruthy();
    expect(standIn.records.size).toBe(0);
  });

  it('refuses bad input with field-level errors and stores nothing', async () => {
    const result = await dispatchCall(core, 'createFleetRun', {
      name: 'x',
      environment: 'enforce.dev',
      options: {},
      registerOnPlatform: false,
      items: [
        {
          target: { cloud: 'aws', accountId: '1234', profile: 'p' },
          group: { kind: 'existing', groupId: FOLDER },
          order: 0,
        },
        {
          target: { cloud: 'aws', accountId: '111111111111', profile: 'p' },
          group: { kind: 'new-folder', parentId: ORG, name: 'n' },
          order: 1,
        },
      ],
    });
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : (result.error.issues ?? []).map((issue) => issue.field);
    expect(fields).toEqual(expect.arrayContaining(['items.0.target.accountId', 'items.1.group']));
    expect(await call('listFleetRuns', {})).toEqual([]);
  });
});
