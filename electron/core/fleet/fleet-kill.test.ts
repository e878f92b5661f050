import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findTerraformForTests } from '../terraform/terraform-binary';
import { accountId, accountOf, createFleetTestBed, type FleetTestBed } from '../../../test-support/core/fleet-test-bed';
import { readState } from '../../../test-support/core/terraform-test-harness';

const HOOKS = new URL('../../../test-support/fakes/terraform/ts-import-hooks.mjs', import.meta.url).pathname;
const CHILD = new URL('../../../test-support/core/fleet-in-child.ts', import.meta.url).pathname;
const terraform = findTerraformForTests();
if (!terraform.found) console.warn(`SKIPPED fleet kill test: ${terraform.reason}`);

let bed: FleetTestBed | undefined;
afterEach(() => bed?.dispose());

describe.runIf(terraform.found)('a Liaison killed (kill -9) in the middle of a fleet run', () => {
  it('reopens with every account’s true stage, no state file lost or rewritten, and stale plans flagged', async () => {
    const root = mkdtempSync(join(tmpdir(), 'liaison-fleet-kill-'));
    const child = spawn(
      process.execPath,
      ['--experimental-transform-types', '--no-warnings', '--import', HOOKS, CHILD, root],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // A run is recorded (phase apply) before its Terraform starts; the second such line is the process started.
    const slowApplying = (n: number) => output.split(`run aws-${accountId(n)} apply apply running\n`).length - 1 >= 2;
    const deadline = Date.now() + 60_000;
    while (!(slowApplying(2) && slowApplying(3))) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`the child did not reach the slow applies:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const fleetId = /^fleet (\S+)$/m.exec(output)?.[1] ?? '';
    const key = (n: number) => `aws-${accountId(n)}`;
    const stateFile = (n: number) => join(root, 'workspaces', key(n), 'terraform.tfstate');
    // The first two applied before the slow ones started; their state is what Terraform wrote.
    const before = [0, 1].map((n) => readFileSync(stateFile(n), 'utf8'));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    bed = createFleetTestBed(root);
    const reopened = bed.fleet.getFleetRun({ fleetId });
    const byAccount = new Map(reopened.items.map((item) => [accountOf(item), item]));
    expect([0, 1].map((n) => byAccount.get(accountId(n))?.stage)).toEqual(['applied', 'applied']);
    // The slow applies run on, detached: Liaison follows them again rather than calling them failed.
    for (const n of [2, 3])
      expect(byAccount.get(accountId(n))?.stage, JSON.stringify(byAccount.get(accountId(n)))).toMatch(
        /^(applying|applied)$/,
      );
    // Approved but never started: the saved plan predates the restart, so it needs a fresh review.
    for (const n of [4, 5]) {
      expect(byAccount.get(accountId(n))).toMatchObject({ stage: 'planned', planStale: true, approved: false });
    }
    expect(() => bed?.fleet.applyFleet({ fleetId })).toThrow(/No approved plan/);

    await bed.fleet.idle(fleetId);
    const settled = new Map(bed.fleet.getFleetRun({ fleetId }).items.map((item) => [accountOf(item), item]));
    for (const n of [2, 3]) {
      expect(settled.get(accountId(n))?.stage).toBe('applied');
      expect(
        readState(join(root, 'workspaces', key(n)))
          ?.resources.map((r) => r.name)
          .sort(),
      ).toEqual(['quick', 'slow']);
    }
    // Nothing rewrote the finished accounts' state, and no workspace lost its state.
    expect([0, 1].map((n) => readFileSync(stateFile(n), 'utf8'))).toEqual(before);
    for (const n of [0, 1, 2, 3]) expect(existsSync(stateFile(n))).toBe(true);
    for (const n of [4, 5]) expect(existsSync(stateFile(n))).toBe(false);
  }, 90_000);
});
