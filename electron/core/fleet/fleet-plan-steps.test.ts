import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFleetInputSchema, type FleetItem } from '../../../shared/contract/fleet';
import { fleetInput, GROUP_ID } from '../../../test-support/core/fleet-test-bed';
import { waitUntil } from '../../../test-support/core/terraform-test-harness';
import { EventBus } from '../event-bus';
import { createLogger } from '../logger';
import { openStore, type Store } from '../store/database';
import { FleetRepository } from './fleet-repository';
import { FleetService } from './fleet-service';
import type { FleetSteps, FleetTerraform } from './fleet-steps';

/** A step the test finishes when it chooses. */
function gate<T>(): { promise: Promise<T>; open: (value: T) => void } {
  let open: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open: (value) => open(value) };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A fleet service whose group, workspace and registration steps wait for the test; no Terraform is reached. */
function setUp(clock?: { now: () => Date; progressIntervalMs: number }) {
  const root = mkdtempSync(join(tmpdir(), 'liaison-fleet-steps-'));
  const store: Store = openStore(join(root, 'liaison.db'));
  const group = gate<string>();
  const generated = gate<{ associationId: string; workspaceKey: string }>();
  const registered = gate<undefined>();
  const calls: string[] = [];
  const steps: FleetSteps = {
    resolveGroup: () => (calls.push('resolveGroup'), group.promise),
    generate: () => (calls.push('generate'), generated.promise),
    register: () => (calls.push('register'), registered.promise),
    check: () => Promise.reject(new Error('not reached')),
    workspaceFiles: () => [],
  };
  const fleet = new FleetService({
    store,
    events: new EventBus(),
    logger: createLogger({ level: 'silent' }),
    terraform: {} as FleetTerraform,
    steps,
    ...clock,
  });
  cleanups.push(() => {
    fleet.close();
    store.close();
    rmSync(root, { recursive: true, force: true });
  });
  const run = fleet.createFleetRun(createFleetInputSchema.parse(fleetInput(1)));
  const itemId = run.items[0]?.id ?? '';
  // What a restarted Liaison would read: the store, not the service's memory.
  const stored = (): FleetItem | undefined => new FleetRepository(store).item(run.id, itemId);
  const storedRun = () => new FleetRepository(store).find(run.id);
  return { fleet, fleetId: run.id, stored, storedRun, calls, group, generated, registered };
}

describe('a fleet item’s plan steps', () => {
  it('stores each stage before the step that may take long, then stops at the stage it was in when cancelled', async () => {
    const { fleet, fleetId, stored, calls, group, generated, registered } = setUp();
    fleet.planFleet({ fleetId });
    await waitUntil('the group step', () => calls.includes('resolveGroup'));
    expect(stored()).toMatchObject({ stage: 'generating' });

    group.open(GROUP_ID);
    await waitUntil('the workspace step', () => calls.includes('generate'));
    // The group is stored before the workspace is made: a retry never creates a second folder.
    expect(stored()).toMatchObject({ stage: 'generating', groupId: GROUP_ID });

    const associationId = randomUUID();
    generated.open({ associationId, workspaceKey: 'aws-100000000000' });
    await waitUntil('the registration step', () => calls.includes('register'));
    expect(stored()).toMatchObject({ stage: 'registering', associationId, workspaceKey: 'aws-100000000000' });

    const cancelled = fleet.cancelFleet({ fleetId });
    registered.open(undefined);
    const run = await cancelled;
    const expected = { stage: 'cancelled', failedStage: 'registering', registration: 'registered' };
    expect(run.items[0]).toMatchObject({ ...expected, error: { code: 'FLEET_CANCELLED' } });
    expect(stored()).toMatchObject(expected);
  });
});

describe('a fleet run’s updatedAt', () => {
  it('moves to its items’ last save with the next progress event, and never back past a command', async () => {
    let now = '2026-12-06T10:00:00.000Z';
    // No timer flushes here: only commands do, so each step below is exact.
    const { fleet, fleetId, storedRun, calls, group, generated } = setUp({
      now: () => new Date(now),
      progressIntervalMs: 60_000,
    });
    now = '2026-12-06T10:01:00.000Z';
    expect(fleet.planFleet({ fleetId }).updatedAt).toBe(now);

    now = '2026-12-06T10:02:00.000Z';
    group.open(GROUP_ID);
    await waitUntil('the workspace step', () => calls.includes('generate'));
    now = '2026-12-06T10:03:00.000Z';
    // Pausing is newer than the item's save at 10:02, which must not take the run back.
    expect(fleet.pauseFleet({ fleetId }).updatedAt).toBe(now);
    expect(storedRun()?.updatedAt).toBe(now);

    now = '2026-12-06T10:04:00.000Z';
    generated.open({ associationId: randomUUID(), workspaceKey: 'aws-100000000000' });
    await waitUntil('the registration step', () => calls.includes('register'));
    now = '2026-12-06T10:05:00.000Z';
    // A command that saves nothing itself still sends the progress event that stamps the 10:04 save.
    const run = fleet.approveFleetPlans({ fleetId, selection: { kind: 'safe' }, approve: true });
    expect(run.updatedAt).toBe('2026-12-06T10:04:00.000Z');
    expect(storedRun()?.updatedAt).toBe('2026-12-06T10:04:00.000Z');
  });
});
