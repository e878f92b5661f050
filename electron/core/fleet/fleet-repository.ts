import {
  fleetItemSchema,
  fleetOptionsSchema,
  fleetStageSchema,
  type FleetItem,
  type FleetOptions,
} from '../../../shared/contract/fleet';
import type { Store } from '../store/database';
import type { ItemProgress } from './fleet-state';

/** A fleet run's own fields, as stored (items are rows of their own). */
export interface FleetRecord {
  id: string;
  name: string;
  environment: string;
  options: FleetOptions;
  concurrency: number;
  registerOnPlatform: boolean;
  paused: boolean;
  cancelled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A new fleet run's own fields: what it was created with, neither paused nor cancelled. */
export function newFleetRecord(
  input: Pick<FleetRecord, 'name' | 'environment' | 'options' | 'concurrency' | 'registerOnPlatform'>,
  id: string,
  at: string,
): FleetRecord {
  return {
    id,
    name: input.name,
    environment: input.environment,
    options: input.options,
    concurrency: input.concurrency,
    registerOnPlatform: input.registerOnPlatform,
    paused: false,
    cancelled: false,
    createdAt: at,
    updatedAt: at,
  };
}

interface FleetRow {
  id: string;
  name: string;
  environment: string;
  options: string;
  concurrency: number;
  register_on_platform: number;
  paused: number;
  cancelled: number;
  created_at: string;
  updated_at: string;
}

/**
 * Fleet runs and their items in the store; each write is one statement or one transaction.
 * With `remember` (the one process that writes fleet runs: a primary core) the runs and items read or
 * written are kept in memory, so a stage change does not read and parse the rows again; every write
 * still goes to the store at once, which stays the record a restart reads.
 */
export class FleetRepository {
  /** Fleet id → item id → the item and its row's text; only what this process has read or written. */
  readonly #items = new Map<string, Map<string, { item: FleetItem; json: string }>>();
  /** Fleet id → the run's own fields as stored, under the same rule. */
  readonly #records = new Map<string, FleetRecord>();

  constructor(
    private readonly store: Store,
    private readonly remember = false,
  ) {}

  insert(fleet: FleetRecord, items: readonly FleetItem[]): void {
    const rows = items.map((item) => ({ item, json: JSON.stringify(item) }));
    this.store.transaction(() => {
      this.store.db
        .prepare(
          `INSERT INTO fleet_runs (id, name, environment, options, concurrency, register_on_platform, paused,
             cancelled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
        )
        .run(
          fleet.id,
          fleet.name,
          fleet.environment,
          JSON.stringify(fleet.options),
          fleet.concurrency,
          fleet.registerOnPlatform ? 1 : 0,
          fleet.createdAt,
          fleet.updatedAt,
        );
      for (const { item, json } of rows) this.#insertItem(fleet.id, item, json);
    });
    this.#rememberRecord(fleet);
    for (const { item, json } of rows) this.#remember(fleet.id, item, json);
  }

  list(): FleetRecord[] {
    const rows = this.store.db
      .prepare('SELECT * FROM fleet_runs ORDER BY created_at DESC')
      .all() as unknown as FleetRow[];
    return rows.map(toRecord);
  }

  find(id: string): FleetRecord | undefined {
    const known = this.#records.get(id);
    if (known) return known;
    const row = this.store.db.prepare('SELECT * FROM fleet_runs WHERE id = ?').get(id) as FleetRow | undefined;
    return row ? this.#rememberRecord(toRecord(row)) : undefined;
  }

  items(fleetId: string): FleetItem[] {
    const rows = this.store.db
      .prepare('SELECT item FROM fleet_items WHERE fleet_id = ? ORDER BY position, id')
      .all(fleetId) as { item: string }[];
    return rows.map((row) => fleetItemSchema.parse(JSON.parse(row.item)));
  }

  /** Each item's stage and start, without reading the items themselves (the run's summary needs no more). */
  progress(fleetId: string): ItemProgress[] {
    const rows = this.store.db
      .prepare(
        `SELECT stage, json_extract(item, '$.startedAt') AS started_at FROM fleet_items WHERE fleet_id = ?
         ORDER BY position, id`,
      )
      .all(fleetId) as { stage: string; started_at: string | null }[];
    return rows.map((row) => ({
      stage: fleetStageSchema.parse(row.stage),
      ...(row.started_at === null ? {} : { startedAt: row.started_at }),
    }));
  }

  item(fleetId: string, itemId: string): FleetItem | undefined {
    const known = this.#items.get(fleetId)?.get(itemId);
    if (known) return known.item;
    const row = this.store.db
      .prepare('SELECT item FROM fleet_items WHERE fleet_id = ? AND id = ?')
      .get(fleetId, itemId) as { item: string } | undefined;
    return row ? this.#remember(fleetId, fleetItemSchema.parse(JSON.parse(row.item)), row.item) : undefined;
  }

  /** Every item in one of `stages`, across fleet runs (what a restart reconciles). */
  itemsIn(stages: readonly string[]): { fleetId: string; item: FleetItem }[] {
    const rows = this.store.db
      .prepare(
        `SELECT fleet_id, item FROM fleet_items WHERE stage IN (${stages.map(() => '?').join(', ')}) ORDER BY position`,
      )
      .all(...stages) as { fleet_id: string; item: string }[];
    return rows.map((row) => ({
      fleetId: row.fleet_id,
      item: this.#remember(row.fleet_id, fleetItemSchema.parse(JSON.parse(row.item)), row.item),
    }));
  }

  /** One statement: the run's `updated_at` is the caller's to touch (FleetService does once per progress event). */
  saveItem(fleetId: string, item: FleetItem): void {
    const json = JSON.stringify(item);
    // The row already holds exactly this (a fresh item queued again, a group already known): no write.
    if (this.#items.get(fleetId)?.get(item.id)?.json === json) return;
    this.store.db
      .prepare('UPDATE fleet_items SET position = ?, stage = ?, item = ? WHERE id = ? AND fleet_id = ?')
      .run(item.order, item.stage, json, item.id, fleetId);
    this.#remember(fleetId, item, json);
  }

  /** Runs `work` in one store transaction; if it fails, what memory holds may not be stored: forget it. */
  transaction<T>(work: () => T): T {
    try {
      return this.store.transaction(work);
    } catch (error) {
      this.#items.clear();
      this.#records.clear();
      throw error;
    }
  }

  setFlags(fleetId: string, flags: { paused?: boolean; cancelled?: boolean; concurrency?: number }, at: string): void {
    const fleet = this.find(fleetId);
    if (!fleet) return;
    const next: FleetRecord = {
      ...fleet,
      paused: flags.paused ?? fleet.paused,
      cancelled: flags.cancelled ?? fleet.cancelled,
      concurrency: flags.concurrency ?? fleet.concurrency,
      updatedAt: at,
    };
    this.store.db
      .prepare('UPDATE fleet_runs SET paused = ?, cancelled = ?, concurrency = ?, updated_at = ? WHERE id = ?')
      .run(next.paused ? 1 : 0, next.cancelled ? 1 : 0, next.concurrency, at, fleetId);
    this.#rememberRecord(next);
  }

  touch(fleetId: string, at: string): void {
    this.store.db.prepare('UPDATE fleet_runs SET updated_at = ? WHERE id = ?').run(at, fleetId);
    const fleet = this.#records.get(fleetId);
    if (fleet) this.#records.set(fleetId, { ...fleet, updatedAt: at });
  }

  delete(fleetId: string): void {
    this.store.db.prepare('DELETE FROM fleet_runs WHERE id = ?').run(fleetId);
    this.#items.delete(fleetId);
    this.#records.delete(fleetId);
  }

  #insertItem(fleetId: string, item: FleetItem, json: string): void {
    this.store.db
      .prepare('INSERT INTO fleet_items (id, fleet_id, position, stage, item) VALUES (?, ?, ?, ?, ?)')
      .run(item.id, fleetId, item.order, item.stage, json);
  }

  #rememberRecord(fleet: FleetRecord): FleetRecord {
    if (this.remember) this.#records.set(fleet.id, fleet);
    return fleet;
  }

  #remember(fleetId: string, item: FleetItem, json: string): FleetItem {
    if (!this.remember) return item;
    let items = this.#items.get(fleetId);
    if (!items) this.#items.set(fleetId, (items = new Map()));
    items.set(item.id, { item, json });
    return item;
  }
}

function toRecord(row: FleetRow): FleetRecord {
  return {
    id: row.id,
    name: row.name,
    environment: row.environment,
    options: fleetOptionsSchema.parse(JSON.parse(row.options)),
    concurrency: row.concurrency,
    registerOnPlatform: row.register_on_platform === 1,
    paused: row.paused === 1,
    cancelled: row.cancelled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
