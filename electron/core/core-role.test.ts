import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_HEALTH_SETTINGS, type HealthRunStatus } from '../../shared/contract/health';
import { errorCodes } from '../../shared/errors';
import { createTestCore, type TestCore } from '../../test-support/core/test-core';
import { waitUntil } from '../../test-support/core/terraform-test-harness';
import { readRunningWork, seedRunningWork, type RunningWork } from '../../test-support/seeders/seed-running-work';
import type { CoreRole } from './core';
import { CoreError } from './core-error';

let dataDir: string;
let work: RunningWork;
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'liaison-core-role-'));
  work = await seedRunningWork(dataDir);
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** Opens a core of `role` on the seeded data directory, runs `body` with it, and closes it whatever happens. */
async function withCore(role: CoreRole, body: (opened: TestCore) => Promise<void>): Promise<void> {
  const opened = createTestCore({}, dataDir, { role });
  try {
    await body(opened);
  } finally {
    opened.core.close();
  }
}

describe('a secondary core (the check CLI) on the data directory of a working app', () => {
  it("leaves the app's running Terraform run, its output files and its fleet item as they are", async () => {
    await withCore('secondary', async (secondary) => {
      const { run } = await secondary.call('getTerraformRun', { runId: work.runId });
      expect(run.status).toBe('running');
      const fleet = await secondary.call('getFleetRun', { fleetId: work.fleetId });
      expect(fleet.items.map((item) => item.stage)).toEqual(['planning']);
      // It still reads and checks: the app's associations and runs are listed as usual.
      expect((await secondary.call('listTerraformRuns', { limit: 10 })).map((each) => each.id)).toEqual([work.runId]);
    });
    expect(readRunningWork(dataDir, work)).toEqual({
      runStatus: 'running',
      itemStage: 'planning',
      stepFileExists: true,
    });
  });

  it('starts no Terraform run of its own (the app would take it for a run of a Liaison that quit)', async () => {
    await withCore('secondary', async (secondary) => {
      const started = await secondary.callResult('startTerraformPlan', {
        workspaceKey: 'aws-222222222222',
        destroy: false,
      });
      expect(started.ok).toBe(false);
      if (started.ok) return;
      expect(started.error.code).toBe(errorCodes.conflict);
      expect(started.error.message).toContain('does not run Terraform');
      expect(await secondary.call('listTerraformRuns', { limit: 10 })).toHaveLength(1);
    });
  });
});

describe('a primary core (the app, the web host) on the same data directory', () => {
  it('takes the work for that of a Liaison that quit: marks it interrupted and removes the files', async () => {
    await withCore('primary', async (primary) => {
      const { run } = await primary.call('getTerraformRun', { runId: work.runId });
      expect(run.status).toBe('interrupted');
      expect(run.error?.message).toContain('still running; Liaison left it to finish');
      const fleet = await primary.call('getFleetRun', { fleetId: work.fleetId });
      expect(fleet.items.map((item) => [item.stage, item.failedStage])).toEqual([['failed', 'planning']]);
      await waitUntil('the run files to go', () => !readRunningWork(dataDir, work).stepFileExists);
    });
  });
});

describe('one primary per data directory', () => {
  it('refuses a second primary with a clear error while the first is open; a secondary opens beside it', async () => {
    await withCore('primary', async (first) => {
      let refused: unknown;
      try {
        createTestCore({}, dataDir).core.close();
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(CoreError);
      expect(refused).toMatchObject({
        code: errorCodes.conflict,
        message: `Another Liaison (the app or its web host) is already using the data directory ${dataDir}.`,
        remediation: expect.stringContaining('LIAISON_DATA_DIR') as unknown,
      });
      // The refused attempt let go of nothing: the first still holds the directory, and still works.
      expect(() => createTestCore({}, dataDir)).toThrow(CoreError);
      expect((await first.call('getTerraformRun', { runId: work.runId })).run.status).toBe('interrupted');
      await withCore('secondary', async (beside) => {
        expect(await beside.call('listTerraformRuns', { limit: 10 })).toHaveLength(1);
      });
    });
    // Closed, the first lets go: the next primary (a restarted app) opens.
    await withCore('primary', async (next) => {
      expect((await next.call('getFleetRun', { fleetId: work.fleetId })).items[0]?.stage).toBe('failed');
    });
  });
});

describe("the health dashboard's scheduled re-check", () => {
  /** The triggers of the health runs a core of `role` starts in the first schedule period, on an app's settings. */
  async function runsInOnePeriod(role: CoreRole): Promise<HealthRunStatus['trigger'][]> {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-core-schedule-'));
    const app = createTestCore({}, dir);
    await app.call('setHealthSettings', { ...DEFAULT_HEALTH_SETTINGS, scheduleMinutes: 5 });
    app.core.close();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const opened = createTestCore({}, dir, { role });
    const triggers: HealthRunStatus['trigger'][] = [];
    opened.core.events.subscribe((name, payload) => {
      if (name === 'healthRunProgress') triggers.push((payload as HealthRunStatus).trigger);
    });
    try {
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      return triggers;
    } finally {
      vi.useRealTimers();
      opened.dispose();
    }
  }

  it('is armed by a primary core (the app owns the schedule), never by a secondary one beside it', async () => {
    expect(await runsInOnePeriod('primary')).toContain('schedule');
    expect(await runsInOnePeriod('secondary')).toEqual([]);
  });
});
