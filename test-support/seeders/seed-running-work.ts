import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FleetStage } from '../../shared/contract/fleet';
import type { RunStatus } from '../../shared/contract/terraform';
import { DATABASE_FILE } from '../../electron/core/core';
import { FleetRepository } from '../../electron/core/fleet/fleet-repository';
import { openStore } from '../../electron/core/store/database';
import { RunRepository } from '../../electron/core/terraform/run-repository';
import { createTestCore } from '../core/test-core';

/** What a Liaison in the middle of its work has on its data directory (see seedRunningWork). */
export interface RunningWork {
  runId: string;
  /** The output file the run's Terraform is writing to. */
  stepFile: string;
  fleetId: string;
  itemId: string;
}

/**
 * The data directory of a Liaison busy planning a fleet item: a fleet run whose item is `planning`,
 * its plan run recorded `running` with the pid of a live process (this one, standing in for
 * Terraform), and the run's output files under `terraform-runs/<id>/plan`. What the app leaves while
 * it works (a primary core opened now takes it for the work of a Liaison that quit).
 */
export async function seedRunningWork(dataDir: string): Promise<RunningWork> {
  // The fleet run as the app creates it, through the contract.
  const { core, call } = createTestCore({}, dataDir);
  let fleetId: string;
  try {
    const fleet = await call('createFleetRun', {
      name: 'Org onboarding',
      environment: 'enforce.dev',
      options: { awsModuleVersion: '0.1.0' },
      items: [
        {
          target: { cloud: 'aws', accountId: '111111111111', accountName: 'logs', profile: 'static-admin' },
          group: { kind: 'existing', groupId: 'abcdefabcdefabcdefabcdefabcdefabcdefabcd' },
          order: 0,
        },
      ],
    });
    fleetId = fleet.id;
  } finally {
    core.close();
  }
  const store = openStore(join(dataDir, DATABASE_FILE));
  try {
    const workspaceKey = 'aws-111111111111';
    const runs = new RunRepository(store);
    const run = runs.create({
      id: randomUUID(),
      workspaceKey,
      kind: 'plan',
      phase: 'init',
      startedAt: new Date().toISOString(),
      binary: { path: 'terraform', version: '1.11.0' },
    });
    runs.setPhase(run.id, 'plan', process.pid);
    const fleet = new FleetRepository(store);
    const [item] = fleet.items(fleetId);
    if (!item) throw new Error('the seeded fleet run has no item');
    fleet.saveItem(fleetId, { ...item, stage: 'planning', workspaceKey, planRunId: run.id });
    const runDir = join(dataDir, 'terraform-runs', run.id);
    mkdirSync(runDir, { recursive: true });
    const stepFile = join(runDir, 'stdout');
    writeFileSync(stepFile, '{"@level":"info","@message":"Terraform 1.11.0","type":"version"}\n');
    return { runId: run.id, stepFile, fleetId, itemId: item.id };
  } finally {
    store.close();
  }
}

/** The seeded work as the store now records it, and whether the run's output file is still there. */
export function readRunningWork(
  dataDir: string,
  work: RunningWork,
): { runStatus: RunStatus | undefined; itemStage: FleetStage | undefined; stepFileExists: boolean } {
  const store = openStore(join(dataDir, DATABASE_FILE));
  try {
    return {
      runStatus: new RunRepository(store).get(work.runId)?.status,
      itemStage: new FleetRepository(store).item(work.fleetId, work.itemId)?.stage,
      stepFileExists: existsSync(work.stepFile),
    };
  } finally {
    store.close();
  }
}
