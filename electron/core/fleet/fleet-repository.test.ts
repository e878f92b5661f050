import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFleetInputSchema, type FleetItem } from '../../../shared/contract/fleet';
import { accountId, fleetInput } from '../../../test-support/core/fleet-test-bed';
import { openStore, type Store } from '../store/database';
import { FleetRepository, newFleetRecord, type FleetRecord } from './fleet-repository';

const AT = '2026-12-06T10:00:00.000Z';
const roots: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function storeFile(): string {
  const root = mkdtempSync(join(tmpdir(), 'liaison-fleet-repository-'));
  roots.push(root);
  return join(root, 'liaison.db');
}

function open(file: string): Store {
  const store = openStore(file);
  stores.push(store);
  return store;
}

/** A stored fleet run of two queued items. */
function seed(repository: FleetRepository): { fleet: FleetRecord; items: FleetItem[] } {
  const input = createFleetInputSchema.parse(fleetInput(2));
  const fleet = newFleetRecord(input, randomUUID(), AT);
  const items: FleetItem[] = input.items.map((item) => ({
    ...item,
    id: randomUUID(),
    stage: 'queued',
    planStale: false,
    approved: false,
  }));
  repository.insert(fleet, items);
  return { fleet, items };
}

describe('the fleet repository’s memory', () => {
  it('serves what it wrote, and forgets what a failed transaction may not have stored', () => {
    const repository = new FleetRepository(open(storeFile()), true);
    const { fleet, items } = seed(repository);
    const [first, second] = items as [FleetItem, FleetItem];
    repository.saveItem(fleet.id, { ...first, stage: 'planned' });
    expect(repository.item(fleet.id, first.id)?.stage).toBe('planned');

    expect(() =>
      repository.transaction(() => {
        repository.saveItem(fleet.id, { ...second, order: 0 });
        repository.saveItem(fleet.id, { ...first, order: 1 });
        throw new Error('the disk is full');
      }),
    ).toThrow(/disk is full/);
    // Rolled back in the store, so not served from memory either.
    expect(repository.item(fleet.id, second.id)?.order).toBe(1);
    expect(repository.item(fleet.id, first.id)).toMatchObject({ order: 0, stage: 'planned' });

    repository.delete(fleet.id);
    expect(repository.item(fleet.id, first.id)).toBeUndefined();
  });

  it('writes nothing for a save that leaves the row as it is', () => {
    const store = open(storeFile());
    const repository = new FleetRepository(store, true);
    const { fleet, items } = seed(repository);
    const first = items[0] as FleetItem;
    const changes = () => (store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = changes();
    repository.saveItem(fleet.id, { ...first, stage: 'queued', planStale: false, approved: false });
    expect(changes()).toBe(before);
    repository.saveItem(fleet.id, { ...first, stage: 'generating' });
    expect(changes()).toBe(before + 1);
    expect(new FleetRepository(store).item(fleet.id, first.id)?.stage).toBe('generating');
  });

  it('beside the app (another process writes the runs) reads every item from the store', () => {
    const file = storeFile();
    const writer = new FleetRepository(open(file), true);
    const reader = new FleetRepository(open(file));
    const { fleet, items } = seed(writer);
    const first = items[0] as FleetItem;
    expect(reader.item(fleet.id, first.id)?.stage).toBe('queued');
    writer.saveItem(fleet.id, { ...first, stage: 'generating' });
    expect(reader.item(fleet.id, first.id)?.stage).toBe('generating');
    expect(reader.item(fleet.id, first.id)?.target).toMatchObject({ accountId: accountId(0) });
  });

  it('keeps the run’s own fields as its flags are set; a failed transaction or a delete forgets them', () => {
    const file = storeFile();
    const repository = new FleetRepository(open(file), true);
    const reader = new FleetRepository(open(file));
    const { fleet } = seed(repository);
    const later = '2026-12-06T11:00:00.000Z';
    repository.setFlags(fleet.id, { paused: true, concurrency: 3 }, later);
    const flagged = { paused: true, cancelled: false, concurrency: 3, updatedAt: later };
    expect(repository.find(fleet.id)).toMatchObject(flagged);
    expect(reader.find(fleet.id)).toMatchObject(flagged);
    repository.setFlags(fleet.id, { cancelled: true }, later);
    expect(repository.find(fleet.id)).toMatchObject({ paused: true, cancelled: true, concurrency: 3 });

    expect(() =>
      repository.transaction(() => {
        repository.setFlags(fleet.id, { paused: false }, later);
        throw new Error('the disk is full');
      }),
    ).toThrow(/disk is full/);
    expect(repository.find(fleet.id)?.paused).toBe(true);

    repository.delete(fleet.id);
    expect(repository.find(fleet.id)).toBeUndefined();
  });
});
