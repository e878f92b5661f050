import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TerraformRun } from '../../../shared/contract/terraform';
import { errorCodes } from '../../../shared/errors';
import { LOCAL_LOCK_INFO_FILE } from './run-outcome';
import { terraformErrorCodes } from './run-failure';
import { findTerraformForTests } from './terraform-binary';
import { buildTerraformEnv } from './terraform-child-env';
import {
  createHarness,
  eventsOf,
  readState,
  waitUntil,
  type Harness,
} from '../../../test-support/core/terraform-test-harness';

const terraform = findTerraformForTests();
if (!terraform.found) console.warn(`SKIPPED terraform interruption tests: ${terraform.reason}`);

const KEY = 'aws-123456789012';
const FIXTURES = new URL('../../../test-support/fakes/terraform/', import.meta.url).pathname;
let harness: Harness | undefined;
const groups: number[] = [];
afterEach(() => {
  // Whatever a test left running (a direct apply, an orphaned sleep) is stopped by its group id.
  for (const group of groups.splice(0)) signalGroup(group, 'SIGKILL');
  harness?.dispose();
});

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Plans the slow workspace and starts applying it; resolves once the slow resource is being created. */
async function applyingSlowly(h: Harness): Promise<TerraformRun> {
  const plan = await h.service.waitFor((await h.service.startTerraformPlan({ workspaceKey: KEY, destroy: false })).id);
  const apply = await h.service.applyTerraformPlan({
    planRunId: plan.id,
    reviewed: h.service.getTerraformRun({ runId: plan.id }).plan!.counts,
  });
  await waitUntil('the slow resource to start', () =>
    eventsOf(h.streamed.get(apply.id)).some(
      (event) => event.type === 'provision_start' && event.hook.resource.addr === 'terraform_data.slow',
    ),
  );
  return apply;
}

function childPid(h: Harness, runId: string): number {
  const row = h.store.db.prepare('SELECT pid FROM terraform_runs WHERE id = ?').get(runId) as { pid: number | null };
  if (row.pid === null) throw new Error('no pid recorded');
  return row.pid;
}

async function planSucceeds(h: Harness): Promise<TerraformRun> {
  return h.service.waitFor((await h.service.startTerraformPlan({ workspaceKey: KEY, destroy: false })).id);
}

describe.skipIf(!terraform.found)('interrupting terraform', () => {
  it('cancels a slow apply with an interrupt: state intact, lock released, next plan fine', async () => {
    harness = createHarness('slow');
    const apply = await applyingSlowly(harness);
    await waitUntil('the quick resource in the state', () => (readState(harness!.dir)?.resources.length ?? 0) > 0);
    const before = readState(harness.dir)!;
    const started = Date.now();
    const cancelled = await harness.service.cancelTerraformRun({ runId: apply.id });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(cancelled).toMatchObject({ status: 'cancelled', error: { code: terraformErrorCodes.cancelled } });
    expect(cancelled.error?.message).toContain('Terraform stopped after the interrupt');
    expect(cancelled.error?.message).toContain('The state lock was released');
    expect(
      eventsOf(harness.streamed.get(apply.id)).some(
        (event) => event.type === 'log' && /Interrupt received/.test(event.message),
      ),
    ).toBe(true);

    const after = readState(harness.dir)!;
    expect(after.lineage).toBe(before.lineage);
    expect(after.serial).toBeGreaterThanOrEqual(before.serial);
    expect(after.resources.map((resource) => resource.name)).toContain('quick');
    expect(existsSync(join(harness.dir, LOCAL_LOCK_INFO_FILE))).toBe(false);
    const next = await planSucceeds(harness);
    expect(next.status).toBe('succeeded');
    // The interrupted resource is planned again (Terraform may have recorded it as tainted: a replace).
    const pending = harness.service
      .getTerraformRun({ runId: next.id })
      .plan?.changes.filter((change) => change.action !== 'no-op');
    expect(pending?.map((change) => [change.address, ['create', 'replace'].includes(change.action)])).toEqual([
      ['terraform_data.slow', true],
    ]);
  });

  it('shows who holds the lock when a second terraform is applying, and guards force-unlock', async () => {
    harness = createHarness('slow');
    const env = buildTerraformEnv(process.env, { kind: 'none' });
    expect(spawnSync('terraform', ['init', '-input=false'], { cwd: harness.dir, env }).status).toBe(0);
    const other: ChildProcess = spawn('terraform', ['apply', '-auto-approve', '-input=false'], {
      cwd: harness.dir,
      env,
      detached: true,
      stdio: 'ignore',
    });
    groups.push(other.pid!);
    const lockFile = join(harness.dir, LOCAL_LOCK_INFO_FILE);
    await waitUntil('the other apply to take the lock', () => existsSync(lockFile));
    const held = JSON.parse(readFileSync(lockFile, 'utf8')) as { ID: string; Who: string };

    const run = await planSucceeds(harness);
    expect(run).toMatchObject({ status: 'failed', phase: 'plan', error: { code: terraformErrorCodes.locked } });
    expect(run.lock).toMatchObject({
      id: held.ID,
      who: held.Who,
      operation: 'OperationTypeApply',
      path: 'terraform.tfstate',
    });
    expect(run.lock?.created).not.toBe('');
    expect(run.error?.remediation).toContain(held.ID);

    await expect(
      harness.service.forceUnlockTerraform({
        workspaceKey: KEY,
        lockId: 'not-the-lock',
        confirmLockId: 'not-the-lock',
      }),
    ).rejects.toMatchObject({
      code: errorCodes.conflict,
      field: 'lockId',
    });
    // A local lock belongs to the live process holding it: Terraform refuses, and the attempt is a record.
    const unlock = await harness.service.forceUnlockTerraform({
      workspaceKey: KEY,
      lockId: held.ID,
      confirmLockId: held.ID,
    });
    expect(unlock).toMatchObject({ kind: 'force-unlock', status: 'failed' });

    signalGroup(other.pid!, 'SIGINT');
    await waitUntil('the other apply to stop', () => other.exitCode !== null || other.signalCode !== null, 20_000);
    expect((await planSucceeds(harness)).status).toBe('succeeded');
  });

  it('records a Terraform killed mid-apply (not by Liaison) as interrupted; the lock dies with it', async () => {
    harness = createHarness('slow');
    const apply = await applyingSlowly(harness);
    const pid = childPid(harness, apply.id);
    groups.push(pid);
    process.kill(pid, 'SIGKILL');
    const run = await harness.service.waitFor(apply.id);
    expect(run).toMatchObject({ status: 'interrupted', error: { code: terraformErrorCodes.interrupted } });
    expect(run.error?.message).toContain('SIGKILL');
    signalGroup(pid, 'SIGKILL');
    expect(readState(harness.dir)).toBeDefined();
    expect((await planSucceeds(harness)).status).toBe('succeeded');
  });

  /** Starts a Liaison in a child process that plans and applies the slow workspace, and kills it mid-apply. */
  async function killLiaisonMidApply(h: Harness): Promise<{ runId: string; terraformPid: number }> {
    // 6 s is long enough to kill Liaison and restart it while the provisioner still sleeps.
    writeFileSync(join(h.dir, 'terraform.tfvars'), 'sleep_seconds = 6\n');
    const liaison = spawn(
      process.execPath,
      [
        '--experimental-transform-types',
        '--no-warnings',
        '--import',
        join(FIXTURES, 'ts-import-hooks.mjs'),
        join(FIXTURES, 'apply-in-child.ts'),
        h.dataDir,
        h.dir,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    liaison.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitUntil('the child Liaison to start applying', () => output.includes('\n'), 30_000);
    const runId = output.trim();
    await waitUntil('the slow resource to start', () =>
      h.service
        .getTerraformRunLog({ runId, afterSeq: -1, limit: 1000 })
        .entries.some(
          (entry) => entry.event.type === 'provision_start' && entry.event.hook.resource.addr === 'terraform_data.slow',
        ),
    );
    const terraformPid = childPid(h, runId);
    groups.push(terraformPid);
    liaison.kill('SIGKILL');
    await waitUntil('the child Liaison to die', () => liaison.signalCode !== null);
    expect(h.service.getTerraformRun({ runId: runId }).run.status).toBe('running');
    return { runId, terraformPid };
  }

  /** What the note reports: the run's outcome, the resources in the state, and the lock. */
  function outcomeFigures(h: Harness, run: TerraformRun): string {
    const resources = readState(h.dir)?.resources.map((resource) => resource.name) ?? [];
    const lock = existsSync(join(h.dir, LOCAL_LOCK_INFO_FILE)) ? 'lock left' : 'no lock left';
    return `run ${run.status} (exit ${String(run.exitCode)}), state holds ${resources.length}/2 [${resources.join(', ')}], ${lock}`;
  }

  it('Terraform outlives a killed Liaison; the restarted one takes the apply up live and records its true outcome', async () => {
    harness = createHarness('slow');
    const { runId, terraformPid } = await killLiaisonMidApply(harness);

    // Terraform is still applying (no SIGPIPE: it writes to files), and the restarted Liaison follows it.
    expect(alive(terraformPid)).toBe(true);
    const restarted = harness.restart();
    expect(restarted.getTerraformRun({ runId: runId }).run.status).toBe('running');
    const run = await restarted.waitFor(runId);
    console.log(`kill mid-apply, restarted while running: ${outcomeFigures(harness, run)}`);
    expect(run).toMatchObject({ status: 'succeeded', exitCode: 0 });
    expect(
      readState(harness.dir)
        ?.resources.map((resource) => resource.name)
        .sort(),
    ).toEqual(['quick', 'slow']);
    expect(existsSync(join(harness.dir, LOCAL_LOCK_INFO_FILE))).toBe(false);
    // The supervisor exits just after writing the status: its group goes, nothing is left behind.
    await waitUntil('the supervisor to exit', () => !alive(terraformPid));
    // The end of the apply was streamed live by the restarted Liaison and is in the run's log.
    expect(
      eventsOf(harness.streamed.get(runId)).some(
        (event) => event.type === 'apply_complete' && event.hook.resource.addr === 'terraform_data.slow',
      ),
    ).toBe(true);
    expect(
      restarted.getTerraformRunLog({ runId, afterSeq: -1, limit: 1000 }).entries.map((entry) => entry.event.type),
    ).toContain('change_summary');
    expect((await planSucceeds(harness)).status).toBe('succeeded');
  });

  it('reads an apply whose files an older Liaison kept in the run directory’s apply/ folder', async () => {
    harness = createHarness('slow');
    const { runId, terraformPid } = await killLiaisonMidApply(harness);
    await waitUntil('the orphaned terraform to finish', () => !alive(terraformPid), 30_000);
    // Before one supervisor ran a whole run, each step kept its files a level down.
    const runDir = join(harness.dataDir, 'terraform-runs', runId);
    mkdirSync(join(runDir, 'apply'));
    for (const name of readdirSync(runDir))
      if (name !== 'apply') renameSync(join(runDir, name), join(runDir, 'apply', name));
    const run = await harness.restart().waitFor(runId);
    expect(run).toMatchObject({ status: 'succeeded', exitCode: 0 });
    const log = harness.service.getTerraformRunLog({ runId, afterSeq: -1, limit: 1000 }).entries;
    expect(log.some((entry) => entry.event.type === 'apply_complete')).toBe(true);
  });

  it('reads the outcome of an apply that finished while Liaison was down from its files', async () => {
    harness = createHarness('slow');
    const { runId, terraformPid } = await killLiaisonMidApply(harness);
    await waitUntil('the orphaned terraform to finish', () => !alive(terraformPid), 30_000);
    const run = await harness.restart().waitFor(runId);
    console.log(`kill mid-apply, restarted after it finished: ${outcomeFigures(harness, run)}`);
    expect(run).toMatchObject({ status: 'succeeded', exitCode: 0 });
    expect(
      readState(harness.dir)
        ?.resources.map((resource) => resource.name)
        .sort(),
    ).toEqual(['quick', 'slow']);
    expect(existsSync(join(harness.dir, LOCAL_LOCK_INFO_FILE))).toBe(false);
  });
});
