import { closeSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { errorCodes } from '../../../shared/errors';
import { CoreError } from '../core-error';
import { type Migration, migrations as allMigrations } from './migrations';
import { ensurePrivateDir, restrictDatabaseFiles } from './private-paths';

export interface Store {
  readonly db: DatabaseSync;
  readonly file: string;
  readonly schemaVersion: number;
  /** Runs `work` in one IMMEDIATE transaction: all of it is written, or none. */
  transaction<T>(work: () => T): T;
  close(): void;
}

/** How many compiled statements a store keeps (the app's SQL is a few dozen fixed texts). */
const CACHED_STATEMENTS = 256;

/**
 * A database whose `prepare` compiles each SQL text once and hands back the same statement after:
 * node:sqlite compiles on every call, and a 50-workspace fleet plan prepares about 3,000 statements
 * (130 ms of the main thread). Reusing a statement is safe: `run`, `get` and `all` reset it first,
 * nothing here iterates one lazily, and SQLite recompiles a statement itself when a migration changes
 * the schema. Closing the database finalizes them all. The least recently used text goes first past
 * the bound (SQL with a variable-length IN list makes a few distinct texts). Written here because
 * node:sqlite has no statement cache in the Node that Electron ships.
 */
class CachingDatabase extends DatabaseSync {
  readonly #statements = new Map<string, StatementSync>();

  override prepare(sql: string): StatementSync {
    const cached = this.#statements.get(sql);
    if (cached) {
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    const statement = super.prepare(sql);
    this.#statements.set(sql, statement);
    if (this.#statements.size > CACHED_STATEMENTS) {
      const oldest = this.#statements.keys().next().value;
      if (oldest !== undefined) this.#statements.delete(oldest);
    }
    return statement;
  }
}

/**
 * Opens (or creates) the database and brings its schema up to date. A file that is not a database,
 * or one written by a newer Liaison, is reported and left exactly as it is: never recreated.
 */
export function openStore(file: string, migrations: readonly Migration[] = allMigrations): Store {
  ensurePrivateDir(dirname(file));
  // Created empty with 0600 before SQLite opens it (an empty file is an empty database), so the store
  // is never readable by others, not even for a moment; SQLite gives -wal and -shm the file's mode.
  let db: DatabaseSync;
  try {
    closeSync(openSync(file, 'a', 0o600));
    restrictDatabaseFiles(file);
    db = new CachingDatabase(file);
  } catch (cause) {
    throw corrupt(file, cause);
  }
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    const current = readSchemaVersion(db, file);
    checkIntegrity(db, file);
    const latest = migrations.at(-1)?.version ?? 0;
    if (current > latest) {
      throw new CoreError({
        code: errorCodes.storeNewerVersion,
        message: `The database at ${file} was written by a newer version of Liaison (schema ${current}; this version knows up to ${latest}).`,
        remediation:
          'Update Liaison, or set LIAISON_DATA_DIR to use a different data directory. The file was left unchanged.',
      });
    }
    const journal = db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode: string } | undefined;
    // In WAL mode NORMAL never corrupts the file; a power cut (not an app crash) may lose the last
    // commits. FULL would fsync each stored check, ~30x slower per write on a check-all. A file system
    // that refuses WAL keeps the rollback journal, where only FULL is safe.
    db.exec(`PRAGMA synchronous = ${journal?.journal_mode === 'wal' ? 'NORMAL' : 'FULL'}`);
    db.exec('PRAGMA foreign_keys = ON');
    const transaction = makeTransaction(db);
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      transaction(() => {
        db.exec(migration.sql);
        db.exec(`PRAGMA user_version = ${migration.version}`);
      });
    }
    return { db, file, schemaVersion: Math.max(current, latest), transaction, close: () => db.close() };
  } catch (error) {
    db.close();
    if (error instanceof CoreError) throw error;
    throw corrupt(file, error);
  }
}

function readSchemaVersion(db: DatabaseSync, file: string): number {
  try {
    const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
    // Reading the schema proves the header is sane; a garbage file fails here with SQLITE_NOTADB.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return row?.user_version ?? 0;
  } catch (cause) {
    throw corrupt(file, cause);
  }
}

/** `quick_check` walks every page: a damaged table is found at start, not halfway through a write. */
function checkIntegrity(db: DatabaseSync, file: string): void {
  const rows = db.prepare('PRAGMA quick_check(5)').all() as { quick_check: string }[];
  const problems = rows.map((row) => row.quick_check).filter((result) => result !== 'ok');
  if (problems.length > 0) throw corrupt(file, new Error(`integrity check: ${problems.join('; ')}`));
}

// SQLite's primary result codes that mean the file itself is damaged or not a database.
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

/**
 * A node:sqlite error met after start that says the file is damaged becomes the same store-corrupt
 * error as at start, with its advice; anything else is left to the caller.
 */
export function storeCorruptionFrom(error: unknown, file: string): CoreError | undefined {
  if (!(error instanceof Error) || !('errcode' in error) || typeof error.errcode !== 'number') return undefined;
  const primary = error.errcode & 0xff;
  return primary === SQLITE_CORRUPT || primary === SQLITE_NOTADB ? corrupt(file, error) : undefined;
}

function makeTransaction(db: DatabaseSync) {
  let depth = 0;
  return function transaction<T>(work: () => T): T {
    // Nested calls join the outer transaction rather than committing half of it early.
    if (depth > 0) return work();
    db.exec('BEGIN IMMEDIATE');
    depth += 1;
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    } finally {
      depth -= 1;
    }
  };
}

function corrupt(file: string, cause: unknown): CoreError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new CoreError(
    {
      code: errorCodes.storeCorrupt,
      message: `The database at ${file} cannot be read (${detail}).`,
      remediation: `Move the file aside (keep it: it may be recoverable with the sqlite3 tool) and start Liaison again, or set LIAISON_DATA_DIR to another directory. Liaison did not change it.`,
    },
    { cause },
  );
}
