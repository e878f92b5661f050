import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFleetInputSchema } from '../../shared/contract/fleet';
import { buildTerraformEnv } from '../../electron/core/terraform/terraform-child-env';
import { BASIC_MAIN_TF, createFleetTestBed, fleetInput } from '../../test-support/core/fleet-test-bed';
import { median, time, type Figure } from './measure';

const RUNS = 7;
const WORKSPACES = 50;
const CONCURRENCY = 4;

/**
 * The baseline: `xargs -P 4` over the same 50 directories, each running the commands a fleet plan
 * runs (init, plan to a saved plan, show -json of it; Liaison reads the plan review from the last).
 */
function xargsPlan(dirs: readonly string[], env: Record<string, string>): Promise<void> {
  const script =
    'cd "$1" && terraform init -upgrade -input=false -json >/dev/null && terraform plan -input=false -out=tfplan -json >/dev/null && terraform show -json tfplan >/dev/null';
  return new Promise((resolve, reject) => {
    const child = spawn('xargs', ['-0', '-P', String(CONCURRENCY), '-n', '1', 'sh', '-c', script, 'plan-one'], {
      env,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`xargs exited ${code}`))));
    child.stdin.end(dirs.map((dir) => `${dir}\0`).join(''));
  });
}

/** Fleet plan of 50 terraform_data workspaces at concurrency 4, vs xargs -P 4 running the same plans. */
export async function benchFleetPlan(): Promise<Figure> {
  const roots: string[] = [];
  const env = buildTerraformEnv(process.env, { kind: 'none' });
  const direct = (): Promise<void> => {
    const root = mkdtempSync(join(tmpdir(), 'liaison-bench-xargs-'));
    roots.push(root);
    const dirs = Array.from({ length: WORKSPACES }, (_, index) => {
      const dir = join(root, `ws-${index}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'main.tf'), BASIC_MAIN_TF);
      return dir;
    });
    return xargsPlan(dirs, env);
  };
  // Timed: from creating the fleet run to every item planned. Not timed: opening the store and the
  // services, and the runs service finding its Terraform (`terraform version`, once per process: a
  // running Liaison has found it for its Settings, wizard and drift checks), as Liaison is already
  // running; and deleting the data dir afterwards (xargs' directories are deleted untimed too).
  const viaFleet = async (): Promise<number> => {
    const bed = createFleetTestBed();
    try {
      const binary = await bed.terraform.getTerraformBinary();
      if (binary.status !== 'found') throw new Error(`no Terraform for the fleet: ${binary.status}`);
      return await time(async () => {
        const fleet = bed.fleet.createFleetRun(
          createFleetInputSchema.parse(fleetInput(WORKSPACES, { concurrency: CONCURRENCY })),
        );
        bed.fleet.planFleet({ fleetId: fleet.id });
        await bed.fleet.idle(fleet.id);
        const planned = bed.fleet.getFleetRun({ fleetId: fleet.id }).items.filter((item) => item.stage === 'planned');
        if (planned.length !== WORKSPACES) throw new Error(`only ${planned.length} of ${WORKSPACES} planned`);
      });
    } finally {
      bed.dispose();
    }
  };
  try {
    await direct();
    await viaFleet();
    const directTimes: number[] = [];
    const fleetTimes: number[] = [];
    // Interleaved, each on fresh directories, so machine drift hits both alike.
    for (let run = 0; run < RUNS; run += 1) {
      directTimes.push(await time(direct));
      fleetTimes.push(await viaFleet());
    }
    const value = median(fleetTimes);
    const baseline = median(directTimes);
    return {
      name: `Fleet plan of ${WORKSPACES} terraform_data workspaces at concurrency ${CONCURRENCY}`,
      value,
      baselineName: `xargs -P ${CONCURRENCY} running the same init + plan + show per directory`,
      baseline,
      ratio: value / baseline,
      maxRatio: 1.15,
      details: `each item: workspace written, registration recorded, init, plan -out, show -json, plan review stored, every stage change stored; Terraform already found (once per process); median of ${RUNS} interleaved runs (fleet ${fleetTimes.map((t) => t.toFixed(0)).join('/')} ms, xargs ${directTimes.map((t) => t.toFixed(0)).join('/')} ms)`,
    };
  } finally {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  }
}
