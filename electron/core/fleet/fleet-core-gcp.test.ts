import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api';
import type { FleetRun } from '../../../shared/contract/fleet';
import { createGcpTestBed, type GcpTestBed } from '../../../test-support/core/gcp-test-bed';
import { waitUntil } from '../../../test-support/core/terraform-test-harness';
import { createTestCore, type TestCore } from '../../../test-support/core/test-core';
import { seedGcpFolderTree } from '../../../test-support/fakes/gcp/folder-tree';
import { installChainctlDouble, type ChainctlDouble } from '../../../test-support/fakes/platform/chainctl-double';
import { startPlatformStandIn, type PlatformStandIn } from '../../../test-support/fakes/platform/platform-stand-in';
import { workspaceDir } from '../associations/workspace-files';

/*
 * The GCP side of the fleet through the whole core, as fleet-core.test.ts does the AWS side: the
 * projects of the Google fake's folder tree, ADC from the gcloud fixture, the platform stand-in
 * (folders, association records) with the chainctl double, and the Terraform test double. Each item
 * goes group → generate (the GCP workspace) → register → init → plan; one project whose group
 * holds another project on the platform fails at registering, and the others still plan.
 */

const SECRET = 'fleet-gcp-stand-in-secret';
const ORG = 'fedcbafedcbafedcbafedcbafedcbafedcbafedc';
const PARENT = `${ORG}/0123456789abcdef`;
/** A platform folder whose record already holds another project: registering there needs a confirmed replace. */
const HOLDING = `${PARENT}/fedcba9876543210`;
const DOUBLE = new URL('../../../test-support/fakes/terraform/double/success', import.meta.url).pathname;

/** Sandbox alpha, beta, gamma and Team 01 prod of the seeded folder tree. */
const PROJECTS = {
  alpha: { projectId: 'sandbox-alpha', projectNumber: '530000000000', projectName: 'Sandbox alpha' },
  beta: { projectId: 'sandbox-beta', projectNumber: '530000000001', projectName: 'Sandbox beta' },
  gamma: { projectId: 'sandbox-gamma', projectNumber: '530000000002', projectName: 'Sandbox gamma' },
  team: { projectId: 'team-01-prod', projectNumber: '520000000001', projectName: 'Team 01 prod' },
};

let gcp: GcpTestBed;
let standIn: PlatformStandIn;
let chainctl: ChainctlDouble;
let test: TestCore;

beforeAll(async () => {
  gcp = await createGcpTestBed();
  seedGcpFolderTree(gcp.fake.state);
  standIn = await startPlatformStandIn({ secret: SECRET });
  chainctl = installChainctlDouble(join(gcp.fixture.root, 'chainctl-bin'), { secret: SECRET });
});
afterAll(async () => {
  await standIn.close();
  await gcp.dispose();
});

beforeEach(() => {
  standIn.reset();
  standIn.addGroup({ id: ORG, name: 'acme.example', description: '' });
  standIn.addGroup({ id: PARENT, name: 'gcp-projects', description: '' });
  standIn.addGroup({ id: HOLDING, name: 'taken', description: '' });
  standIn.records.set(HOLDING, { group: HOLDING, google: { projectId: 'other-project', projectNumber: '99' } });
  test = createTestCore({}, undefined, {
    env: {
      ...gcp.env,
      PATH: [chainctl.dir, DOUBLE, process.env.PATH ?? ''].join(delimiter),
      CHAINGUARD_CONSOLE_API: standIn.url,
    },
    logLevel: 'silent',
  });
});
afterEach(() => test.dispose());

type ItemInput = MethodInput<'createFleetRun'>['items'][number];

function project(which: keyof typeof PROJECTS, group: ItemInput['group'], order: number): ItemInput {
  return { target: { cloud: 'gcp', ...PROJECTS[which], credential: { kind: 'adc' } }, group, order };
}

async function until(fleetId: string, what: string, done: (run: FleetRun) => boolean): Promise<FleetRun> {
  let run = await test.call('getFleetRun', { fleetId });
  try {
    await waitUntil(
      what,
      () => {
        // getFleetRun is synchronous in the core, so polling it here is cheap and exact.
        run = test.core.handlers.getFleetRun({ fleetId }) as FleetRun;
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

function workspaceFile(key: string | undefined, name: string): string {
  return readFileSync(join(workspaceDir(test.dataDir, key ?? ''), name), 'utf8');
}

describe('a fleet of GCP projects through the core', () => {
  it('plans each project in a GCP workspace of its own; one failing project does not stop the others', async () => {
    const created = await test.call('createFleetRun', {
      name: 'Sandboxes',
      environment: 'enforce.dev',
      options: { gcpModuleVersion: '0.0.12' },
      concurrency: 2,
      items: [
        project('alpha', { kind: 'new-folder', parentId: PARENT, name: 'sandbox-alpha' }, 0),
        project('team', { kind: 'existing', groupId: HOLDING }, 1),
        project('beta', { kind: 'new-folder', parentId: PARENT, name: 'sandbox-beta' }, 2),
        // A platform group Liaison has not listed yet: taken in with its platform name.
        project('gamma', { kind: 'existing', groupId: PARENT }, 3),
      ],
    });
    await test.call('planFleet', { fleetId: created.id });
    const planned = await until(created.id, 'every plan', (run) =>
      run.items.every((item) => item.stage === 'planned' || item.stage === 'failed'),
    );
    expect(planned.state).toBe('reviewing');

    const byProject = new Map(
      planned.items.map((item) => [item.target.cloud === 'gcp' ? item.target.projectId : '', item]),
    );
    const failed = byProject.get('team-01-prod');
    expect(failed).toMatchObject({ stage: 'failed', failedStage: 'registering', error: { field: 'confirmReplace' } });
    expect(failed?.error?.message).toContain('other-project');
    expect(failed?.error?.remediation).toBeTruthy();
    expect(failed?.planRunId).toBeUndefined();
    // The other project's record is left as it was: nothing is replaced without confirming.
    expect(standIn.records.get(HOLDING)).toEqual({
      group: HOLDING,
      google: { projectId: 'other-project', projectNumber: '99' },
    });

    const others = ['sandbox-alpha', 'sandbox-beta', 'sandbox-gamma'];
    for (const projectId of others) {
      const item = byProject.get(projectId);
      const target = Object.values(PROJECTS).find((each) => each.projectId === projectId);
      expect(item, projectId).toMatchObject({ stage: 'planned', registration: 'registered', planStale: false });
      expect(item?.error).toBeUndefined();
      const groupId = item?.groupId ?? '';
      expect(groupId).toMatch(new RegExp(`^${PARENT}(/[0-9a-f]{16})?$`));
      expect(standIn.records.get(groupId)).toEqual({
        group: groupId,
        google: { projectId, projectNumber: target?.projectNumber },
      });
      const { plan } = await test.call('getTerraformRun', { runId: item?.planRunId ?? '' });
      expect(plan?.counts).toBeDefined();
      expect(item?.planCounts).toEqual(plan?.counts);

      // GCP's workspace: the Google providers on this project and the account-association module
      // (the workload identity pool and provider) bound to the item's group, with no AWS in it.
      const main = workspaceFile(item?.workspaceKey, 'main.tf');
      expect(main).toContain(`# Generated by Liaison for GCP project ${projectId} (number ${target?.projectNumber}).`);
      expect(main).toMatch(new RegExp(`provider "google" \\{\\s+project = "${projectId}"\\s+\\}`));
      expect(main).toMatch(new RegExp(`provider "google-beta" \\{\\s+project = "${projectId}"\\s+\\}`));
      expect(main).toContain('source  = "chainguard-dev/chainguard-account-association/google"');
      expect(main).toContain('version = "0.0.12"');
      expect(main).toMatch(new RegExp(`group_ids\\s+= \\["${groupId}"\\]`));
      expect(main).toMatch(new RegExp(`project_id\\s+= "${projectId}"`));
      expect(main).not.toMatch(/provider "aws"|amazon|account_id/i);
      expect(workspaceFile(item?.workspaceKey, 'versions.tf')).toMatch(/hashicorp\/google"/);
    }
    // A workspace per project, none shared.
    const keys = others.map((projectId) => byProject.get(projectId)?.workspaceKey);
    expect(new Set(keys).size).toBe(others.length);

    const folders = (await test.call('listGroups', {})).map((group) => group.name).sort();
    expect(folders).toEqual(['gcp-projects', 'sandbox-alpha', 'sandbox-beta', 'taken']);
    const associations = await test.call('listAssociations', {});
    expect(associations.map((each) => [each.status, each.workspaceKey]).sort()).toEqual(
      [...keys, byProject.get('team-01-prod')?.workspaceKey].map((key) => ['generated', key]).sort(),
    );
  }, 120_000);
});
