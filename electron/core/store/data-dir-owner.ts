import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { errorCodes } from '../../../shared/errors';
import { CoreError } from '../core-error';

export const OWNER_LOCK_FILE = 'owner.lock';

/** The data directory held by this process's primary core, until released. */
export interface DataDirOwnership {
  release(): void;
}

/**
 * Makes this core the one primary on the data directory: the one that recovers, marks and sweeps the
 * runs a Liaison that quit left behind. The claim is an exclusive SQLite lock on an empty file (an
 * OS lock, per file, in this process or any other), held until release; the OS drops it when the
 * process dies, so a crashed Liaison never leaves a stale claim. A second primary is refused.
 */
export function claimDataDir(dataDir: string): DataDirOwnership {
  const lock = new DatabaseSync(join(dataDir, OWNER_LOCK_FILE), { timeout: 0 });
  try {
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if (!isBusy(error)) throw error;
    throw new CoreError({
      code: errorCodes.conflict,
      message: `Another Liaison (the app or its web host) is already using the data directory ${dataDir}.`,
      remediation:
        'Use that one, or quit it first; or set LIAISON_DATA_DIR to another directory. The check CLI may run beside it.',
    });
  }
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      // Closing ends the never-committed transaction, and with it the lock.
      lock.close();
    },
  };
}

function isBusy(error: unknown): boolean {
  const errcode = (error as { errcode?: number }).errcode;
  // SQLITE_BUSY, SQLITE_LOCKED
  return errcode === 5 || errcode === 6;
}
