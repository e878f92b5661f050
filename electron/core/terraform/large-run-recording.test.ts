import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TerraformEvent } from '../../../shared/contract/terraform';
import { generateLargeRun, writeLargeRun } from '../../../test-support/fakes/terraform/large-run';
import { parseTerraformLine } from './parse-terraform-line';
import { planReviewFromShowJson } from './plan-review';
import { createHarness, eventsOf, type Harness } from '../../../test-support/core/terraform-test-harness';

/*
 * The bench's 10,000-event apply is generated from the real success recording (large-run.ts), not
 * recorded live. These tests hold it to what the app's own parser accepts and to consistent counts.
 */
const RESOURCES = 3334;
const run = generateLargeRun({ resources: RESOURCES });
const parse = (text: string): TerraformEvent[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => parseTerraformLine(line, 'stdout'));
const addressOf = (event: TerraformEvent): string | undefined =>
  'hook' in event ? event.hook.resource.addr : 'change' in event ? event.change.resource.addr : undefined;
const count = (events: TerraformEvent[], type: TerraformEvent['type']) =>
  events.filter((event) => event.type === type).length;

describe('the generated large run', () => {
  it('is modelled Terraform JSON, line for line: no raw or unknown lines', () => {
    for (const name of ['init.stdout', 'plan.stdout', 'apply.stdout']) {
      const events = parse(run.files[name] ?? '');
      expect(events.length).toBeGreaterThan(0);
      expect(events.filter((event) => event.type === 'raw' || event.type === 'other')).toEqual([]);
    }
  });

  it('plans and applies N distinct resources in over 10,000 events', () => {
    expect(new Set(run.addresses).size).toBe(RESOURCES);
    const plan = parse(run.files['plan.stdout'] ?? '');
    const apply = parse(run.files['apply.stdout'] ?? '');
    expect(count(plan, 'planned_change')).toBe(RESOURCES);
    expect(count(apply, 'planned_change')).toBe(RESOURCES);
    expect(count(apply, 'apply_start')).toBe(RESOURCES);
    expect(count(apply, 'apply_complete')).toBe(RESOURCES);
    expect(apply.length).toBe(run.applyEvents);
    expect(apply.length).toBeGreaterThanOrEqual(10_000);
    const completed = new Set(apply.filter((event) => event.type === 'apply_complete').map(addressOf));
    expect([...completed].sort()).toEqual([...run.addresses].sort());
    const summaries = [...plan, ...apply].filter((event) => event.type === 'change_summary');
    expect(summaries.map((event) => [event.changes.operation, event.changes.add])).toEqual([
      ['plan', RESOURCES],
      ['apply', RESOURCES],
    ]);
    expect(apply.at(-1)).toMatchObject({ type: 'outputs', outputs: { role_name: { value: 'chainguard-canary' } } });
  });

  it('starts each resource before completing it, binding_k only after role_k, at most 10 at a time', () => {
    const apply = parse(run.files['apply.stdout'] ?? '');
    const running = new Set<string>();
    const done = new Set<string>();
    let most = 0;
    for (const event of apply) {
      const addr = addressOf(event);
      if (event.type === 'apply_start' && addr) {
        if (addr.includes('.binding_')) expect(done.has(addr.replace('.binding_', '.role_'))).toBe(true);
        running.add(addr);
        most = Math.max(most, running.size);
      }
      if (event.type === 'apply_complete' && addr) {
        expect(running.delete(addr)).toBe(true);
        done.add(addr);
      }
    }
    expect(most).toBe(10);
    expect(done.size).toBe(RESOURCES);
  });

  it('comes with a saved plan (show -json) listing the same resources, sensitive values masked', () => {
    const review = planReviewFromShowJson(run.files['show.stdout'] ?? '');
    expect(review.counts).toMatchObject({ create: RESOURCES, update: 0, replace: 0, delete: 0 });
    expect(review.changes.map((change) => change.address).sort()).toEqual([...run.addresses].sort());
    expect(JSON.stringify(review)).not.toContain('not-for-the-renderer');
  });

  it('streams for several seconds, in bursts, and is the same every time', () => {
    expect(run.applyMs).toBeGreaterThan(5_000);
    expect(run.applyMs).toBeLessThan(10_000);
    const times = parse(run.files['apply.stdout'] ?? '').map((event) => ('timestamp' in event ? event.timestamp : ''));
    expect([...times].sort()).toEqual(times);
    const perMs = new Map<string, number>();
    for (const time of times) perMs.set(time.slice(0, 23), (perMs.get(time.slice(0, 23)) ?? 0) + 1);
    expect(Math.max(...perMs.values())).toBeGreaterThanOrEqual(10);
    expect(generateLargeRun({ resources: 30 }).files).toEqual(generateLargeRun({ resources: 30 }).files);
  });
});

describe('the test double replaying a generated large run', () => {
  let harness: Harness | undefined;
  let root: string | undefined;
  afterEach(() => {
    harness?.dispose();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('drives plan and apply through the real runner, every line parsed and streamed', async () => {
    root = mkdtempSync(join(tmpdir(), 'liaison-large-run-'));
    // Quick creates, so the replay takes about a second rather than the bench's several.
    const written = writeLargeRun(root, { resources: RESOURCES, maxCreateMs: 4 });
    harness = createHarness('basic');
    const h = harness;
    await h.service.setTerraformBinaryPath({ path: join(written.binDir, 'terraform') });
    const plan = await h.service.waitFor(
      (await h.service.startTerraformPlan({ workspaceKey: 'aws-123456789012', destroy: false })).id,
    );
    expect(plan.status).toBe('succeeded');
    const review = h.service.getTerraformRun({ runId: plan.id }).plan!;
    expect(review.counts.create).toBe(RESOURCES);
    const apply = await h.service.waitFor(
      (await h.service.applyTerraformPlan({ planRunId: plan.id, reviewed: review.counts })).id,
    );
    expect(apply).toMatchObject({ status: 'succeeded', changes: { add: RESOURCES } });
    const events = eventsOf(h.streamed.get(apply.id));
    expect(events).toHaveLength(written.applyEvents);
    expect(count(events, 'apply_complete')).toBe(RESOURCES);
    expect(events.some((event) => event.type === 'raw' || event.type === 'other')).toBe(false);
  });
});
