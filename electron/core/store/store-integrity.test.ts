import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorCodes } from '../../../shared/errors';
import { workspaceDir, writeWorkspaceFiles } from '../associations/workspace-files';
import { DATABASE_FILE } from '../core';
import { CoreError } from '../core-error';
import { dispatchCall } from '../dispatch';
import { createTestCore } from '../../../test-support/core/test-core';
import { openStore } from './database';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-integrity-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('the data dir, workspaces and the store are private', () => {
  it('creates the data dir and workspaces/ 0700 and the database and its WAL 0600', () => {
    const dataDir = join(dir, 'fresh');
    const test = createTestCore({}, dataDir);
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      writeWorkspaceFiles(workspaceDir(dataDir, 'aws-123456789012'), [], false);
      expect(modeOf(join(dataDir, 'workspaces'))).toBe(0o700);
      expect(modeOf(workspaceDir(dataDir, 'aws-123456789012'))).toBe(0o700);
      expect(modeOf(join(dataDir, DATABASE_FILE))).toBe(0o600);
      expect(modeOf(join(dataDir, `${DATABASE_FILE}-wal`))).toBe(0o600);
    } finally {
      test.dispose();
    }
  });

  it('tightens an existing data dir, workspaces/ and database left world-readable by an older Liaison', () => {
    const dataDir = join(dir, 'old');
    mkdirSync(join(dataDir, 'workspaces'), { recursive: true, mode: 0o755 });
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'workspaces'), 0o755);
    openStore(join(dataDir, DATABASE_FILE)).close();
    chmodSync(join(dataDir, DATABASE_FILE), 0o644);
    const test = createTestCore({}, dataDir);
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(join(dataDir, 'workspaces'))).toBe(0o700);
      expect(modeOf(join(dataDir, DATABASE_FILE))).toBe(0o600);
    } finally {
      test.dispose();
    }
  });
});

/** A database whose header and schema read fine but one of whose table pages is garbage. */
function databaseWithDamagedTable(file: string): void {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA page_size = 4096; CREATE TABLE filler (x TEXT NOT NULL);');
  db.exec('BEGIN');
  const insert = db.prepare('INSERT INTO filler (x) VALUES (?)');
  for (let i = 0; i < 200; i += 1) insert.run(`row ${i} ${'x'.repeat(200)}`);
  db.exec('COMMIT');
  db.close();
  const descriptor = openSync(file, 'r+');
  // Page 3 is a leaf of `filler` (page 1 is the schema, page 2 the table's root).
  writeSync(descriptor, Buffer.alloc(4096, 0xa5), 0, 4096, 2 * 4096);
  closeSync(descriptor);
}

describe('the store is checked at start', () => {
  it('reports a damaged table at start as store-corrupt, with the move-aside advice, and leaves the file', () => {
    const file = join(dir, DATABASE_FILE);
    databaseWithDamagedTable(file);
    const before = statSync(file).size;
    let thrown: unknown;
    try {
      openStore(file).close();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CoreError);
    const error = thrown as CoreError;
    expect(error.code).toBe(errorCodes.storeCorrupt);
    expect(error.message).toContain(file);
    expect(error.remediation).toMatch(/Move the file aside/);
    expect(statSync(file).size).toBe(before);
  });
});

describe('a damaged store met after start', () => {
  let test: ReturnType<typeof createTestCore>;
  beforeEach(() => {
    test = createTestCore();
  });
  afterEach(() => test.dispose());

  /** The error node:sqlite itself raises on a damaged file, met by a call after the store opened. */
  function sqliteErrorFrom(file: string): unknown {
    const db = new DatabaseSync(file);
    try {
      db.prepare('SELECT count(*), max(x) FROM filler').get();
    } catch (error) {
      return error;
    } finally {
      db.close();
    }
    throw new Error('expected the damaged table to fail');
  }

  it.each([
    [
      'SQLITE_CORRUPT',
      () => (databaseWithDamagedTable(join(dir, 'damaged.db')), sqliteErrorFrom(join(dir, 'damaged.db'))),
    ],
    [
      'SQLITE_NOTADB',
      () => {
        const file = join(dir, 'garbage.db');
        const descriptor = openSync(file, 'w');
        writeSync(descriptor, Buffer.alloc(8192, 0x5a));
        closeSync(descriptor);
        return sqliteErrorFrom(file);
      },
    ],
  ])('surfaces %s as the store-corrupt error, not an internal one', async (_name, makeError) => {
    const sqliteError = makeError();
    test.core.handlers.listGroups = () => {
      throw sqliteError;
    };
    const result = await dispatchCall(test.core, 'listGroups', {});
    expect(result).toMatchObject({ ok: false, error: { code: errorCodes.storeCorrupt } });
    if (result.ok) return;
    expect(result.error.message).toContain(join(test.dataDir, DATABASE_FILE));
    expect(result.error.remediation).toMatch(/Move the file aside/);
  });
});
