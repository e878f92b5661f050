import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorkspace } from '../../../shared/terraform/generate-workspace';
import { goldenCases } from '../../../test-support/terraform-files/golden-cases';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreError } from '../core-error';
import { terraformErrorCodes } from './run-failure';
import { findTerraformForTests } from './terraform-binary';
import { createHarness, eventsOf, readState, type Harness } from '../../../test-support/core/terraform-test-harness';

const terraform = findTerraformForTests();
if (!terraform.found) console.warn(`SKIPPED terraform runner tests: ${terraform.reason}`);

const KEY = 'aws-123456789012';
let harness: Harness | undefined;
afterEach(() => harness?.dispose());

async function planned(h: Harness, destroy = false) {
  const started = await h.service.startTerraformPlan({ workspaceKey: KEY, destroy });
  expect(started.status).toBe('running');
  return h.service.waitFor(started.id);
}

describe.skipIf(!terraform.found)('terraform runs with the real binary', () => {
  it('plans, shows the saved plan for review, and applies exactly it with progress events', async () => {
    harness = createHarness('basic');
    const plan = await planned(harness);
    expect(plan).toMatchObject({ kind: 'plan', status: 'succeeded', phase: 'show', exitCode: 0 });
    expect(plan.changes).toEqual({ add: 3, change: 0, remove: 0, import: 0 });
    const { plan: review } = harness.service.getTerraformRun({ runId: plan.id });
    expect(review?.counts.create).toBe(3);
    const planEvents = eventsOf(harness.streamed.get(plan.id));
    expect(planEvents.filter((event) => event.type === 'init_output').length).toBeGreaterThan(0);
    expect(planEvents.filter((event) => event.type === 'planned_change')).toHaveLength(3);
    expect(readState(harness.dir)).toBeUndefined();
    // The saved plan's JSON (show -json) is read for the review, never logged, and its file in the
    // run's directory is gone once the run's end is recorded.
    const planLog = harness.service.getTerraformRunLog({ runId: plan.id, afterSeq: -1, limit: 5000 }).entries;
    expect(planLog.length).toBeGreaterThan(0);
    expect(planLog.filter((entry) => JSON.stringify(entry.event).includes('planned_values'))).toEqual([]);
    expect(existsSync(join(harness.dataDir, 'terraform-runs', plan.id))).toBe(false);

    const apply = await harness.service.applyTerraformPlan({ planRunId: plan.id, reviewed: review!.counts });
    const applied = await harness.service.waitFor(apply.id);
    expect(applied).toMatchObject({ kind: 'apply', status: 'succeeded', planRunId: plan.id, exitCode: 0 });
    expect(applied.changes).toEqual({ add: 3, change: 0, remove: 0, import: 0 });
    const applyEvents = eventsOf(harness.streamed.get(apply.id));
    const started = applyEvents.flatMap((event) => (event.type === 'apply_start' ? [event.hook.resource.addr] : []));
    const completed = applyEvents.flatMap((event) =>
      event.type === 'apply_complete' ? [event.hook.resource.addr] : [],
    );
    expect(started.sort()).toEqual(['terraform_data.binding', 'terraform_data.policy', 'terraform_data.role']);
    expect(completed.sort()).toEqual(started.sort());
    expect(applyEvents.find((event) => event.type === 'outputs')).toMatchObject({
      outputs: { role_name: { value: 'chainguard-canary' } },
    });
    expect(
      readState(harness.dir)
        ?.resources.map((resource) => resource.name)
        .sort(),
    ).toEqual(['binding', 'policy', 'role']);

    // The stored log is the streamed one, line for line, and the plan is marked as applied.
    const log = harness.service.getTerraformRunLog({ runId: apply.id, afterSeq: -1, limit: 5000 });
    expect(log.entries).toEqual(harness.streamed.get(apply.id));
    expect(harness.service.getTerraformRun({ runId: plan.id }).run.appliedByRunId).toBe(apply.id);
    expect(harness.service.listTerraformRuns({ workspaceKey: KEY, limit: 10 }).map((run) => run.id)).toEqual([
      apply.id,
      plan.id,
    ]);
  });

  it('refuses to apply counts other than the reviewed ones, and a plan twice', async () => {
    harness = createHarness('basic');
    const plan = await planned(harness);
    const counts = harness.service.getTerraformRun({ runId: plan.id }).plan!.counts;
    await expect(
      harness.service.applyTerraformPlan({ planRunId: plan.id, reviewed: { ...counts, delete: 1 } }),
    ).rejects.toMatchObject({
      field: 'reviewed',
    });
    const first = await harness.service.applyTerraformPlan({ planRunId: plan.id, reviewed: counts });
    await harness.service.waitFor(first.id);
    const again = harness.service.applyTerraformPlan({ planRunId: plan.id, reviewed: counts });
    await expect(again).rejects.toBeInstanceOf(CoreError);
    await expect(again).rejects.toMatchObject({ message: expect.stringContaining('already applied') as unknown });
  });

  it('surfaces a failing local-exec as an error diagnostic, with what did get applied', async () => {
    harness = createHarness('apply-error');
    const plan = await planned(harness);
    const apply = await harness.service.applyTerraformPlan({
      planRunId: plan.id,
      reviewed: harness.service.getTerraformRun({ runId: plan.id }).plan!.counts,
    });
    const run = await harness.service.waitFor(apply.id);
    expect(run).toMatchObject({ status: 'failed', exitCode: 1, error: { code: terraformErrorCodes.failed } });
    expect(run.error?.message).toContain('local-exec provisioner error (terraform_data.bad)');
    expect(run.changes).toMatchObject({ add: 1 });
    const events = eventsOf(harness.streamed.get(apply.id));
    expect(events.find((event) => event.type === 'diagnostic')).toMatchObject({
      diagnostic: {
        severity: 'error',
        address: 'terraform_data.bad',
        detail: expect.stringContaining('exit status 3') as unknown,
      },
    });
    expect(
      events.some((event) => event.type === 'apply_errored' && event.hook.resource.addr === 'terraform_data.bad'),
    ).toBe(true);
    expect(readState(harness.dir)?.resources.map((resource) => resource.name)).toContain('good');
  });

  it('reports a stale saved plan as such, and removes it', async () => {
    harness = createHarness('basic');
    const older = await planned(harness);
    const newer = await planned(harness);
    const counts = harness.service.getTerraformRun({ runId: newer.id }).plan!.counts;
    await harness.service.waitFor(
      (await harness.service.applyTerraformPlan({ planRunId: newer.id, reviewed: counts })).id,
    );
    const stale = await harness.service.applyTerraformPlan({ planRunId: older.id, reviewed: counts });
    const run = await harness.service.waitFor(stale.id);
    expect(run).toMatchObject({ status: 'failed', error: { code: terraformErrorCodes.planStale } });
    expect(existsSync(`${harness.dataDir}/terraform-plans/${older.id}.tfplan`)).toBe(false);
    expect(readState(harness.dir)?.resources).toHaveLength(3);
  });

  it('destroys only through a reviewed plan -destroy', async () => {
    harness = createHarness('basic');
    const plan = await planned(harness);
    await harness.service.waitFor(
      (
        await harness.service.applyTerraformPlan({
          planRunId: plan.id,
          reviewed: harness.service.getTerraformRun({ runId: plan.id }).plan!.counts,
        })
      ).id,
    );
    const destroy = await planned(harness, true);
    expect(destroy.kind).toBe('destroy-plan');
    const review = harness.service.getTerraformRun({ runId: destroy.id }).plan!;
    expect(review.counts).toMatchObject({ delete: 3, create: 0 });
    expect(readState(harness.dir)?.resources).toHaveLength(3);
    const run = await harness.service.waitFor(
      (await harness.service.applyTerraformPlan({ planRunId: destroy.id, reviewed: review.counts })).id,
    );
    expect(run).toMatchObject({ status: 'succeeded', changes: { remove: 3 } });
    expect(readState(harness.dir)?.resources).toEqual([]);
  });

  it('fails init at once when a module must come from the unreachable registry, with the diagnostic', async () => {
    harness = createHarness('registry');
    const started = Date.now();
    const run = await planned(harness);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run).toMatchObject({
      status: 'failed',
      phase: 'init',
      error: { code: terraformErrorCodes.registryUnreachable },
    });
    expect(run.error?.message).toMatch(/registry/i);
    const diagnostic = eventsOf(harness.streamed.get(run.id)).find((event) => event.type === 'diagnostic');
    expect(diagnostic).toMatchObject({ diagnostic: { severity: 'error', range: { filename: 'main.tf' } } });
  });

  it.each(['aws-0.1.0-single', 'gcp-0.0.12-single'])(
    'fails init at once on the real generated %s workspace, whose modules and providers are unreachable',
    async (name) => {
      harness = createHarness('registry');
      const generated = generateWorkspace(goldenCases[name]);
      if (!generated.ok) throw new Error(generated.error.message);
      rmSync(join(harness.dir, 'main.tf'));
      for (const file of generated.files) writeFileSync(join(harness.dir, file.path), file.content);
      const started = Date.now();
      const run = await planned(harness);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(run).toMatchObject({
        status: 'failed',
        phase: 'init',
        error: { code: terraformErrorCodes.registryUnreachable },
      });
      const diagnostics = eventsOf(harness.streamed.get(run.id)).filter((event) => event.type === 'diagnostic');
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(run.error?.message).toContain(
        diagnostics[0]?.type === 'diagnostic' ? diagnostics[0].diagnostic.summary : '?',
      );
    },
  );

  it('runs one thing at a time per workspace', async () => {
    harness = createHarness('basic');
    const first = await harness.service.startTerraformPlan({ workspaceKey: KEY, destroy: false });
    await expect(harness.service.startTerraformPlan({ workspaceKey: KEY, destroy: false })).rejects.toMatchObject({
      code: terraformErrorCodes.busy,
    });
    expect((await harness.service.waitFor(first.id)).status).toBe('succeeded');
  });
});

describe('a run without a usable terraform', () => {
  it('is a failed run record that says which version was found and which is needed', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'liaison-old-terraform-'));
    const old = join(bin, 'terraform');
    writeFileSync(old, '#!/bin/sh\necho \'{"terraform_version":"1.1.0"}\'\n', { mode: 0o755 });
    harness = createHarness('basic', { env: { ...process.env, PATH: bin } });
    // Settings refuses that path on save rather than keeping a binary no run can use.
    await expect(harness.service.setTerraformBinaryPath({ path: old })).rejects.toMatchObject({
      code: terraformErrorCodes.tooOld,
      field: 'path',
    });
    expect(await harness.service.getTerraformBinary()).not.toHaveProperty('configuredPath');
    // Found on PATH instead, it still fails the run with the versions in words.
    const run = await planned(harness);
    expect(run).toMatchObject({ status: 'failed', error: { code: terraformErrorCodes.tooOld } });
    expect(run.error?.message).toMatch(/1\.1\.0.*1\.3\.0/);
    expect(readState(harness.dir)).toBeUndefined();
    rmSync(bin, { recursive: true, force: true });
  });
});
