import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { terraformErrorCodes } from './run-failure';
import { buildTerraformEnv } from './terraform-child-env';
import { createHarness, eventsOf, type Harness } from '../../../test-support/core/terraform-test-harness';

/*
 * The wizard's e2e puts this double first on PATH. These tests pin that the real runner accepts what
 * it replays (lines recorded from real terraform runs) and that it refuses calls Liaison must not make.
 */
const DOUBLE = new URL('../../../test-support/fakes/terraform/double/', import.meta.url).pathname;
const KEY = 'aws-123456789012';
let harness: Harness | undefined;
afterEach(() => harness?.dispose());

async function planAndApply(h: Harness) {
  const plan = await h.service.waitFor((await h.service.startTerraformPlan({ workspaceKey: KEY, destroy: false })).id);
  expect(plan.status).toBe('succeeded');
  const apply = await h.service.applyTerraformPlan({
    planRunId: plan.id,
    reviewed: h.service.getTerraformRun({ runId: plan.id }).plan!.counts,
  });
  return h.service.waitFor(apply.id);
}

describe('the terraform test double', () => {
  it('drives a whole successful run through the real runner', async () => {
    harness = createHarness('basic');
    const status = await harness.service.setTerraformBinaryPath({ path: `${DOUBLE}success/terraform` });
    expect(status).toMatchObject({ status: 'found', version: '1.11.4' });
    const run = await planAndApply(harness);
    expect(run).toMatchObject({ status: 'succeeded', changes: { add: 3 } });
    const events = eventsOf(harness.streamed.get(run.id));
    expect(events.filter((event) => event.type === 'apply_complete')).toHaveLength(3);
    expect(events.some((event) => event.type === 'raw')).toBe(false);
  });

  it('replays one resource failing', async () => {
    harness = createHarness('apply-error');
    await harness.service.setTerraformBinaryPath({ path: `${DOUBLE}apply-error/terraform` });
    const run = await planAndApply(harness);
    expect(run).toMatchObject({ status: 'failed', exitCode: 1, error: { code: terraformErrorCodes.failed } });
    expect(run.error?.message).toContain('terraform_data.bad');
  });

  it('replays the recorded destroy plan for plan -destroy, and applies that saved plan', async () => {
    harness = createHarness('basic');
    await harness.service.setTerraformBinaryPath({ path: `${DOUBLE}success/terraform` });
    await planAndApply(harness);
    const h = harness;
    const plan = await h.service.waitFor((await h.service.startTerraformPlan({ workspaceKey: KEY, destroy: true })).id);
    expect(plan).toMatchObject({ kind: 'destroy-plan', status: 'succeeded' });
    const review = h.service.getTerraformRun({ runId: plan.id }).plan!;
    expect(review.counts).toMatchObject({ create: 0, delete: 3 });
    const apply = await h.service.waitFor(
      (await h.service.applyTerraformPlan({ planRunId: plan.id, reviewed: review.counts })).id,
    );
    expect(apply).toMatchObject({ status: 'succeeded', changes: { add: 0, remove: 3 } });
  });

  it.each([
    [['apply', '-auto-approve'], 'never a fresh plan'],
    [['apply', '-input=false', '-json', '/nonexistent.tfplan'], 'does not exist'],
    [['plan', '-out=x'], 'plan must be'],
    [['destroy'], 'never runs this command'],
    [['init'], 'init must be'],
  ])('refuses %j', (args, reason) => {
    const result = spawnSync(`${DOUBLE}success/terraform`, args, {
      env: buildTerraformEnv(process.env, { kind: 'none' }),
      encoding: 'utf8',
    });
    expect(result.status).toBe(64);
    expect(result.stderr).toContain(reason);
  });

  it('refuses to run without TF_IN_AUTOMATION', () => {
    const result = spawnSync(`${DOUBLE}success/terraform`, ['version', '-json'], {
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(64);
  });
});
