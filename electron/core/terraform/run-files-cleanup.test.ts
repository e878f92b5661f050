import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findTerraformForTests } from './terraform-binary';
import { createHarness, waitUntil, type Harness } from '../../../test-support/core/terraform-test-harness';

const terraform = findTerraformForTests();
if (!terraform.found) console.warn(`SKIPPED run files cleanup tests: ${terraform.reason}`);

const KEY = 'aws-123456789012';
let harness: Harness | undefined;
afterEach(() => harness?.dispose());

const runsDir = (h: Harness): string => join(h.dataDir, 'terraform-runs');

describe.skipIf(!terraform.found)("a run's output files", () => {
  it('are written while the run goes and gone once the run has ended (they hold raw output)', async () => {
    harness = createHarness('basic');
    const started = await harness.service.startTerraformPlan({ workspaceKey: KEY, destroy: false });
    const runDir = join(runsDir(harness), started.id);
    await waitUntil('the run to write its output', () => existsSync(join(runDir, 'stdout')));
    const run = await harness.service.waitFor(started.id);
    expect(run.status).toBe('succeeded');
    expect(existsSync(runDir)).toBe(false);
    // Removed after the record: the run's log is in the store.
    expect(run.eventCount).toBeGreaterThan(0);
    expect(harness.service.getTerraformRunLog({ runId: run.id, afterSeq: -1, limit: 1000 }).entries.length).toBe(
      run.eventCount,
    );
  });

  it('left behind by a Liaison that quit before removing them go at the next start', async () => {
    harness = createHarness('basic');
    const run = await harness.service.waitFor(
      (await harness.service.startTerraformPlan({ workspaceKey: KEY, destroy: false })).id,
    );
    expect(run.status).toBe('succeeded');
    // The files come back as a quit in the middle of their removal would leave them.
    expect(existsSync(join(runsDir(harness), run.id))).toBe(false);
    const leftover = join(runsDir(harness), run.id);
    mkdirSync(leftover, { recursive: true });
    writeFileSync(join(leftover, 'stdout'), '{"type":"version"}\n');
    harness.restart();
    await waitUntil('the leftover files to go', () => !existsSync(join(runsDir(harness!), run.id)));
    expect(harness.service.getTerraformRun({ runId: run.id }).run.status).toBe('succeeded');
  });
});
