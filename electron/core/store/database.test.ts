import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorCodes } from '../../../shared/errors';
import { CoreError } from '../core-error';
import { openStore } from './database';
import { migrations, type Migration } from './migrations';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const twoMigrations: Migration[] = [
  { version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER NOT NULL) STRICT;' },
  { version: 2, name: 'b', sql: 'CREATE TABLE b (y TEXT NOT NULL) STRICT;' },
];

function thrownBy(action: () => unknown): CoreError {
  try {
    action();
  } catch (error) {
    if (error instanceof CoreError) return error;
    throw error;
  }
  throw new Error('expected a CoreError');
}

describe('openStore', () => {
  it('creates the file in WAL mode with every migration applied and recorded', () => {
    const store = openStore(join(dir, 'nested', 'liaison.db'));
    const mode = store.db.prepare('PRAGMA journal_mode').get() as { journal_mode: string };
    const version = store.db.prepare('PRAGMA user_version').get() as { user_version: number };
    const tables = store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[];
    expect(mode.journal_mode).toBe('wal');
    // NORMAL (1): safe from corruption under WAL, without an fsync per commit.
    expect(store.db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 1 });
    expect(version.user_version).toBe(migrations.at(-1)?.version);
    expect(tables.map((t) => t.name)).toContain('groups');
    store.close();
  });

  it('applies only the migrations a database has not seen yet', () => {
    const file = join(dir, 'liaison.db');
    openStore(file, twoMigrations.slice(0, 1)).close();
    const store = openStore(file, twoMigrations);
    expect(store.schemaVersion).toBe(2);
    const tables = store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    expect(tables.map((t) => t.name)).toEqual(['a', 'b']);
    store.close();
  });

  it('rolls a failing migration back entirely and leaves the version where it was', () => {
    const file = join(dir, 'liaison.db');
    openStore(file, twoMigrations.slice(0, 1)).close();
    const broken: Migration[] = [
      ...twoMigrations.slice(0, 1),
      { version: 2, name: 'half', sql: 'CREATE TABLE c (z INTEGER); CREATE TABLE a (dup INTEGER);' },
    ];
    expect(() => openStore(file, broken)).toThrow();
    const raw = new DatabaseSync(file);
    expect((raw.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(1);
    expect(raw.prepare("SELECT name FROM sqlite_schema WHERE name = 'c'").get()).toBeUndefined();
    raw.close();
  });

  it('reports a database from a newer Liaison and does not touch it', () => {
    const file = join(dir, 'liaison.db');
    const raw = new DatabaseSync(file);
    raw.exec('CREATE TABLE future (x INTEGER); PRAGMA user_version = 99;');
    raw.close();
    const before = readFileSync(file);
    const error = thrownBy(() => openStore(file));
    expect(error.code).toBe(errorCodes.storeNewerVersion);
    expect(error.message).toContain('schema 99');
    expect(error.remediation).toMatch(/LIAISON_DATA_DIR/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a file that is not a database and leaves it in place', () => {
    const file = join(dir, 'liaison.db');
    const garbage = Buffer.from('this is definitely not an sqlite database, just some text '.repeat(200));
    writeFileSync(file, garbage);
    const error = thrownBy(() => openStore(file));
    expect(error.code).toBe(errorCodes.storeCorrupt);
    expect(error.message).toContain(file);
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });
});

describe('transaction', () => {
  it('commits all writes together', () => {
    const store = openStore(join(dir, 'liaison.db'), twoMigrations);
    store.transaction(() => {
      store.db.prepare('INSERT INTO a (x) VALUES (1)').run();
      store.db.prepare('INSERT INTO a (x) VALUES (2)').run();
    });
    expect(store.db.prepare('SELECT count(*) AS n FROM a').get()).toEqual({ n: 2 });
    store.close();
  });

  it('writes nothing when any statement fails', () => {
    const store = openStore(join(dir, 'liaison.db'), twoMigrations);
    expect(() =>
      store.transaction(() => {
        store.db.prepare('INSERT INTO a (x) VALUES (1)').run();
        store.db.prepare('INSERT INTO a (x) VALUES (NULL)').run();
      }),
    ).toThrow(/NOT NULL/);
    expect(store.db.prepare('SELECT count(*) AS n FROM a').get()).toEqual({ n: 0 });
    store.close();
  });

  it('joins nested calls to the outer transaction', () => {
    const store = openStore(join(dir, 'liaison.db'), twoMigrations);
    expect(() =>
      store.transaction(() => {
        store.transaction(() => store.db.prepare('INSERT INTO a (x) VALUES (1)').run());
        throw new Error('outer fails after inner finished');
      }),
    ).toThrow('outer fails');
    expect(store.db.prepare('SELECT count(*) AS n FROM a').get()).toEqual({ n: 0 });
    store.close();
  });
});

describe('the store’s statements', () => {
  it('compiles each SQL text once and answers correctly when the statement is reused', () => {
    const store = openStore(join(dir, 'liaison.db'), twoMigrations);
    const insert = store.db.prepare('INSERT INTO a (x) VALUES (?)');
    expect(store.db.prepare('INSERT INTO a (x) VALUES (?)')).toBe(insert);
    for (const x of [1, 2, 3]) store.db.prepare('INSERT INTO a (x) VALUES (?)').run(x);
    const count = () => store.db.prepare('SELECT count(*) AS n FROM a WHERE x >= ?');
    expect(count().get(2)).toEqual({ n: 2 });
    expect(count().get(1)).toEqual({ n: 3 });
    store.close();
  });

  it('keeps working after the schema changes under a compiled statement', () => {
    const store = openStore(join(dir, 'liaison.db'), twoMigrations);
    store.db.prepare('INSERT INTO b (y) VALUES (?)').run('one');
    const select = store.db.prepare('SELECT * FROM b');
    expect(select.all()).toEqual([{ y: 'one' }]);
    store.db.exec('ALTER TABLE b ADD COLUMN z TEXT');
    expect(store.db.prepare('SELECT * FROM b')).toBe(select);
    expect(select.all()).toEqual([{ y: 'one', z: null }]);
    store.close();
  });

  it('drops the least recently used statement past its bound, and compiles it again when asked', () => {
    const store = openStore(join(dir, 'liaison.db'), twoMigrations);
    const first = store.db.prepare('SELECT 0 AS n');
    for (let n = 1; n <= 256; n += 1) store.db.prepare(`SELECT ${n} AS n`);
    const again = store.db.prepare('SELECT 0 AS n');
    expect(again).not.toBe(first);
    expect(again.get()).toEqual({ n: 0 });
    // The most recently used are still the same statements.
    expect(store.db.prepare('SELECT 256 AS n')).toBe(store.db.prepare('SELECT 256 AS n'));
    store.close();
  });
});
