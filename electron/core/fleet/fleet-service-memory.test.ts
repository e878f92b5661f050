import { afterEach, describe, expect, it } from 'vitest';
import { findTerraformForTests } from '../terraform/terraform-binary';
import {
  accountId,
  accountOf,
  createFleet,
  createFleetTestBed,
  settledFleet,
  type FleetTestBed,
} from '../../../test-support/core/fleet-test-bed';

const terraform = findTerraformForTests();
if (!terraform.found) console.warn(`SKIPPED fleet memory tests: ${terraform.reason}`);

let bed: FleetTestBed | undefined;
afterEach(() => bed?.dispose());

/** The fleet service keeps the items it works on in memory; these prove memory and store never disagree. */
describe.runIf(terraform.found)('fleet items kept in memory', { timeout: 60_000 }, () => {
  it('an item reordered while it plans keeps its new order when its plan finishes', async () => {
    bed = createFleetTestBed();
    const created = createFleet(bed, 3, { concurrency: 1 });
    const [a, b, c] = created.items.map((item) => item.id) as [string, string, string];
    bed.fleet.planFleet({ fleetId: created.id });
    // The first account is being worked on; its later stages must not write its old order back.
    bed.fleet.reorderFleet({ fleetId: created.id, itemIds: [c, b, a] });
    const planned = await settledFleet(bed, created.id);
    expect(planned.items.map((item) => [accountOf(item), item.order, item.stage])).toEqual([
      [accountId(2), 0, 'planned'],
      [accountId(1), 1, 'planned'],
      [accountId(0), 2, 'planned'],
    ]);
  });

  it('an approved item stays approved through its apply', async () => {
    bed = createFleetTestBed();
    const created = createFleet(bed, 2);
    bed.fleet.planFleet({ fleetId: created.id });
    await settledFleet(bed, created.id);
    bed.fleet.approveFleetPlans({ fleetId: created.id, selection: { kind: 'safe' }, approve: true });
    bed.fleet.applyFleet({ fleetId: created.id });
    const applied = await settledFleet(bed, created.id);
    expect(applied.items.map((item) => [item.stage, item.approved, item.planSummary?.add])).toEqual([
      ['applied', true, 3],
      ['applied', true, 3],
    ]);
  });

  it('a concurrency raised mid-run is what the next start obeys, and a deleted run is gone', async () => {
    bed = createFleetTestBed();
    const created = createFleet(bed, 4, { concurrency: 1 });
    bed.fleet.planFleet({ fleetId: created.id });
    bed.fleet.setFleetConcurrency({ fleetId: created.id, concurrency: 3 });
    const planned = await settledFleet(bed, created.id);
    expect(planned.concurrency).toBe(3);
    expect(planned.items.map((item) => item.stage)).toEqual(Array(4).fill('planned'));
    expect(bed.maxRunning('plan')).toBeGreaterThan(1);
    expect(bed.maxRunning('plan')).toBeLessThanOrEqual(3);

    bed.fleet.deleteFleetRun({ fleetId: created.id });
    expect(() => bed?.fleet.getFleetRun({ fleetId: created.id })).toThrow(/no such fleet run/);
    expect(bed.fleet.listFleetRuns()).toEqual([]);
  });

  it('after a restart the items come from the store, not from the last process', async () => {
    bed = createFleetTestBed();
    const created = createFleet(bed, 1);
    const itemId = created.items[0]?.id ?? '';
    bed.fleet.planFleet({ fleetId: created.id });
    await settledFleet(bed, created.id);
    // Changed in the store only: the running service's memory still has the old name.
    bed.store.db
      .prepare(`UPDATE fleet_items SET item = json_set(item, '$.target.accountName', 'renamed') WHERE id = ?`)
      .run(itemId);
    bed.restart();
    bed.fleet.planFleet({ fleetId: created.id, itemIds: [itemId] });
    const planned = await settledFleet(bed, created.id);
    expect(planned.items[0]).toMatchObject({ stage: 'planned', planStale: false });
    expect(planned.items[0]?.target).toMatchObject({ accountName: 'renamed' });
  });
});
