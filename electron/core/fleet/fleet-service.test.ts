import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FleetRun } from '../../../shared/contract/fleet';
import { findTerraformForTests } from '../terraform/terraform-binary';
import {
  accountId,
  accountOf,
  createFleet,
  createFleetTestBed,
  slowMainTf,
  settledFleet,
  type FleetTestBed,
} from '../../../test-support/core/fleet-test-bed';
import { readState, waitUntil } from '../../../test-support/core/terraform-test-harness';

const terraform = findTerraformForTests();
if (!terraform.found) console.warn(`SKIPPED fleet engine tests: ${terraform.reason}`);

let bed: FleetTestBed | undefined;
afterEach(() => bed?.dispose());

function stages(run: FleetRun): Record<string, string> {
  return Object.fromEntries(run.items.map((item) => [accountOf(item), item.stage]));
}

describe.runIf(terraform.found)('a fleet run with the real Terraform', { timeout: 90_000 }, () => {
  it('plans every account, applies the approved plans in order with at most N at a time, then checks them', async () => {
    bed = createFleetTestBed();
    // Apply order is not input order: account i applies at position (5 - i).
    const created = createFleet(bed, 6, { concurrency: 2 }, (index) => 5 - index);
    expect(created.state).toBe('new');
    expect(created.items.map((item) => item.stage)).toEqual(Array(6).fill('queued'));

    bed.fleet.planFleet({ fleetId: created.id });
    const planned = await settledFleet(bed, created.id);
    expect(planned.state).toBe('reviewing');
    for (const item of planned.items) {
      expect(item.stage).toBe('planned');
      expect(item.planSummary).toEqual({ add: 3, change: 0, destroy: 0, replace: 0 });
      expect(item.registration).toBe('registered');
      expect(item.planRunId).toBeDefined();
    }
    expect(bed.registered.sort()).toEqual(Array.from({ length: 6 }, (_, i) => accountId(i)).sort());
    expect(bed.maxRunning('plan')).toBe(2);

    bed.fleet.approveFleetPlans({ fleetId: created.id, selection: { kind: 'safe' }, approve: true });
    bed.fleet.applyFleet({ fleetId: created.id });
    const applied = await settledFleet(bed, created.id);
    expect(applied.items.map((item) => item.stage)).toEqual(Array(6).fill('applied'));
    // Started strictly in item order (items come back sorted by order), never more than two at once.
    expect(bed.applyStarts()).toEqual(applied.items.map((item) => item.workspaceKey));
    expect(applied.items.map((item) => accountOf(item))).toEqual([5, 4, 3, 2, 1, 0].map(accountId));
    expect(bed.maxRunning('apply')).toBe(2);
    for (const item of applied.items) {
      expect(readState(bed.workspaceDir(item.workspaceKey ?? ''))?.resources).toHaveLength(3);
    }

    bed.fleet.checkFleet({ fleetId: created.id });
    const checked = await settledFleet(bed, created.id);
    expect(checked.items.map((item) => [item.stage, item.verdict])).toEqual(Array(6).fill(['checked', 'configured']));
    expect(checked.state).toBe('done');
  });

  it('keeps one account’s failure to itself, and retries only the failed ones', async () => {
    bed = createFleetTestBed();
    bed.contents.set(accountId(1), 'resource "terraform_data" "broken" {\n  input = \n}\n');
    bed.offline.add(accountId(2));
    const created = createFleet(bed, 4, { concurrency: 2 });
    bed.fleet.planFleet({ fleetId: created.id });
    const planned = await settledFleet(bed, created.id);
    expect(stages(planned)).toEqual({
      [accountId(0)]: 'planned',
      [accountId(1)]: 'failed',
      [accountId(2)]: 'failed',
      [accountId(3)]: 'planned',
    });
    const broken = planned.items[1];
    expect(broken?.failedStage).toBe('initialising');
    expect(broken?.error?.message).toBeTruthy();
    const offline = planned.items[2];
    expect(offline?.failedStage).toBe('registering');
    expect(offline?.error).toMatchObject({
      code: 'PLATFORM_UNREACHABLE',
      remediation: 'Check the network, then retry.',
    });

    // Retrying a planned item is refused with the field that names it.
    expect(() => bed?.fleet.retryFleetItems({ fleetId: created.id, itemIds: [planned.items[0]?.id ?? ''] })).toThrow(
      /planned, so it cannot be retried/,
    );

    bed.contents.delete(accountId(1));
    bed.offline.clear();
    const planRuns = (b: FleetTestBed) =>
      new Set(b.runChanges.filter((run) => run.kind === 'plan').map((run) => run.id)).size;
    const planRunsBefore = planRuns(bed);
    bed.fleet.retryFleetItems({ fleetId: created.id, itemIds: [broken?.id ?? '', offline?.id ?? ''] });
    const retried = await settledFleet(bed, created.id);
    expect(Object.values(stages(retried))).toEqual(Array(4).fill('planned'));
    expect(retried.items[1]?.error).toBeUndefined();
    // Only the two retried accounts were planned again.
    expect(planRuns(bed) - planRunsBefore).toBe(2);
  });

  it('approves every safe plan, leaving the ones that destroy or replace for review', async () => {
    bed = createFleetTestBed();
    // Two accounts already hold resources: one will lose one (destroy), the other get it replaced.
    const withTrigger = (trigger: string) =>
      `resource "terraform_data" "keep" {\n  input = "keep"\n}\n\nresource "terraform_data" "swap" {\n  input = "swap"\n  triggers_replace = "${trigger}"\n}\n`;
    bed.contents.set(accountId(1), withTrigger('one'));
    bed.contents.set(accountId(2), withTrigger('one'));
    const first = createFleet(bed, 3);
    bed.fleet.planFleet({ fleetId: first.id });
    await settledFleet(bed, first.id);
    bed.fleet.approveFleetPlans({ fleetId: first.id, selection: { kind: 'safe' }, approve: true });
    bed.fleet.applyFleet({ fleetId: first.id });
    expect(Object.values(stages(await settledFleet(bed, first.id)))).toEqual(Array(3).fill('applied'));

    bed.contents.set(accountId(1), 'resource "terraform_data" "keep" {\n  input = "keep"\n}\n');
    bed.contents.set(accountId(2), withTrigger('two'));
    const second = createFleet(bed, 3);
    bed.fleet.planFleet({ fleetId: second.id });
    const planned = await settledFleet(bed, second.id);
    expect(planned.items.map((item) => item.planSummary)).toEqual([
      { add: 0, change: 0, destroy: 0, replace: 0 },
      { add: 0, change: 0, destroy: 1, replace: 0 },
      { add: 1, change: 0, destroy: 1, replace: 1 },
    ]);
    const approved = bed.fleet.approveFleetPlans({ fleetId: second.id, selection: { kind: 'safe' }, approve: true });
    expect(approved.items.map((item) => [item.stage, item.approved])).toEqual([
      ['approved', true],
      ['planned', false],
      ['planned', false],
    ]);
    // Approving by name still works for a reviewed destroy.
    const named = bed.fleet.approveFleetPlans({
      fleetId: second.id,
      selection: { kind: 'items', itemIds: [planned.items[1]?.id ?? ''] },
      approve: true,
    });
    expect(named.items.map((item) => item.stage)).toEqual(['approved', 'approved', 'planned']);
  });

  it('pauses (nothing new starts) and resumes where it stopped', async () => {
    bed = createFleetTestBed();
    const created = createFleet(bed, 3, { concurrency: 1 });
    bed.fleet.planFleet({ fleetId: created.id });
    const heard: string[] = [];
    bed.events.subscribe((name, payload) => {
      if (name === 'fleetProgress') heard.push((payload as { summary: { state: string } }).summary.state);
    });
    const paused = bed.fleet.pauseFleet({ fleetId: created.id });
    expect(paused.state).toBe('paused');
    // Other windows hear it at once, with no item changed.
    expect(heard.at(-1)).toBe('paused');
    const afterPause = await settledFleet(bed, created.id);
    // The one already started finished; the other two never started.
    expect(afterPause.items.map((item) => item.stage)).toEqual(['planned', 'queued', 'queued']);
    expect(afterPause.state).toBe('paused');

    bed.fleet.resumeFleet({ fleetId: created.id });
    const resumed = await settledFleet(bed, created.id);
    expect(resumed.items.map((item) => item.stage)).toEqual(['planned', 'planned', 'planned']);
    expect(bed.maxRunning()).toBe(1);
  });

  it('cancels: every running Terraform is interrupted and recorded cancelled, nothing else starts', async () => {
    bed = createFleetTestBed();
    for (let i = 0; i < 3; i += 1) bed.contents.set(accountId(i), slowMainTf(30));
    const created = createFleet(bed, 3, { concurrency: 2 });
    bed.fleet.planFleet({ fleetId: created.id });
    await settledFleet(bed, created.id);
    bed.fleet.approveFleetPlans({ fleetId: created.id, selection: { kind: 'safe' }, approve: true });
    bed.fleet.applyFleet({ fleetId: created.id });
    const b = bed;
    await waitUntil(
      'two applies to run',
      () => b.runChanges.filter((run) => run.kind === 'apply' && run.phase === 'apply').length >= 2,
      30_000,
    );
    const cancelled = await bed.fleet.cancelFleet({ fleetId: created.id });
    expect(cancelled.items.map((item) => item.stage)).toEqual(['cancelled', 'cancelled', 'approved']);
    expect(cancelled.state).toBe('cancelled');
    for (const item of cancelled.items.slice(0, 2)) {
      expect(item.error?.code).toBe('TERRAFORM_CANCELLED');
      expect(bed.terraform.getTerraformRun({ runId: item.applyRunId ?? '' }).run.status).toBe('cancelled');
    }
    expect(bed.applyStarts()).toHaveLength(2);
  }, 60_000);

  it('after a restart, every saved plan is stale and cannot be approved or applied until planned again', async () => {
    bed = createFleetTestBed();
    const created = createFleet(bed, 2);
    bed.fleet.planFleet({ fleetId: created.id });
    await settledFleet(bed, created.id);
    bed.fleet.approveFleetPlans({
      fleetId: created.id,
      selection: { kind: 'items', itemIds: [created.items[0]?.id ?? ''] },
      approve: true,
    });
    bed.restart();
    const reopened = bed.fleet.getFleetRun({ fleetId: created.id });
    expect(reopened.items.map((item) => [item.stage, item.planStale, item.approved])).toEqual([
      ['planned', true, false],
      ['planned', true, false],
    ]);
    expect(() =>
      bed?.fleet.approveFleetPlans({
        fleetId: created.id,
        selection: { kind: 'items', itemIds: [created.items[0]?.id ?? ''] },
        approve: true,
      }),
    ).toThrow(/before Liaison restarted/);
    expect(
      bed.fleet.approveFleetPlans({ fleetId: created.id, selection: { kind: 'safe' }, approve: true }).items,
    ).toSatisfy((items: FleetRun['items']) => items.every((item) => item.stage === 'planned'));
    expect(() => bed?.fleet.applyFleet({ fleetId: created.id })).toThrow(/No approved plan/);

    // Planning again (the default selection takes the stale ones) makes them approvable.
    bed.fleet.planFleet({ fleetId: created.id });
    const fresh = await settledFleet(bed, created.id);
    expect(fresh.items.map((item) => [item.stage, item.planStale])).toEqual([
      ['planned', false],
      ['planned', false],
    ]);
  });

  it('a restart mid-plan shows the interrupted items failed with the reason, and retry plans them again', async () => {
    bed = createFleetTestBed();
    const created = createFleet(bed, 2, { concurrency: 2 });
    bed.fleet.planFleet({ fleetId: created.id });
    const b = bed;
    // Both Terraform processes started (the second running line of a run is its process).
    await waitUntil('both inits to run', () => {
      const started = b.runChanges.filter(
        (run) => run.kind === 'plan' && run.status === 'running' && run.phase === 'init',
      );
      return new Set(started.map((run) => run.id)).size === 2 && started.length >= 4;
    });
    bed.restart();
    const reopened = bed.fleet.getFleetRun({ fleetId: created.id });
    for (const item of reopened.items) {
      expect(item.stage).toBe('failed');
      expect(item.failedStage).toMatch(/^(initialising|planning)$/);
      expect(item.error?.code).toBe('TERRAFORM_INTERRUPTED');
      expect(bed.terraform.getTerraformRun({ runId: item.planRunId ?? '' }).run.status).toBe('interrupted');
    }
    bed.fleet.retryFleetItems({ fleetId: created.id, itemIds: reopened.items.map((item) => item.id) });
    const retried = await settledFleet(bed, created.id);
    expect(retried.items.map((item) => [item.stage, item.planStale])).toEqual([
      ['planned', false],
      ['planned', false],
    ]);
  });

  it('reorders, exports one zip with a folder per account and a README, and a report without secrets', async () => {
    bed = createFleetTestBed();
    const created = createFleet(bed, 3);
    const [a, b, c] = created.items;
    const reordered = bed.fleet.reorderFleet({ fleetId: created.id, itemIds: [c?.id ?? '', a?.id ?? '', b?.id ?? ''] });
    expect(reordered.items.map((item) => accountOf(item))).toEqual([accountId(2), accountId(0), accountId(1)]);
    expect(() => bed?.fleet.reorderFleet({ fleetId: created.id, itemIds: [a?.id ?? ''] })).toThrow(/exactly once/);

    bed.fleet.planFleet({ fleetId: created.id });
    await settledFleet(bed, created.id);
    const { fileName, base64 } = bed.fleet.exportFleetZip({ fleetId: created.id });
    expect(fileName).toBe('liaison-fleet-test-fleet.zip');
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(Buffer.from(base64, 'base64'));
    expect(Object.keys(files).sort()).toEqual([
      `001-aws-${accountId(2)}/main.tf`,
      `002-aws-${accountId(0)}/main.tf`,
      `003-aws-${accountId(1)}/main.tf`,
      'README.md',
    ]);
    const readme = strFromU8(files['README.md'] as Uint8Array);
    expect(readme.indexOf(accountId(2))).toBeLessThan(readme.indexOf(accountId(0)));
    expect(readme.indexOf(accountId(0))).toBeLessThan(readme.indexOf(accountId(1)));
    expect(readme).toContain('terraform apply tfplan');

    const csv = bed.fleet.exportFleetReport({ fleetId: created.id, format: 'csv' });
    const lines = csv.content.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^order,cloud,account_or_project,name,group,stage,/);
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
      `0,aws,${accountId(2)}`,
      `1,aws,${accountId(0)}`,
      `2,aws,${accountId(1)}`,
    ]);
    const json = JSON.parse(bed.fleet.exportFleetReport({ fleetId: created.id, format: 'json' }).content) as {
      fleet: { name: string };
      items: { stage: string; add: number }[];
    };
    expect(json.fleet.name).toBe('Test fleet');
    expect(json.items.map((item) => [item.stage, item.add])).toEqual(Array(3).fill(['planned', 3]));
    // The profile is a local name; no key, token or state content is in either report.
    expect(csv.content + JSON.stringify(json)).not.toMatch(/AKIA|aws_secret|session_token|"resources"/);
    expect(existsSync(join(bed.workspaceDir(`aws-${accountId(0)}`), 'main.tf'))).toBe(true);
    expect(readFileSync(join(bed.workspaceDir(`aws-${accountId(0)}`), 'main.tf'), 'utf8')).toContain('terraform_data');
  });
});
