import { chmodSync, existsSync, mkdirSync } from 'node:fs';

/**
 * Liaison's data holds Terraform state, plans and the store: readable by the user only. `mkdirSync`'s
 * mode applies only to directories it creates, so an existing one (from an older Liaison, 0755) is
 * tightened too. Windows has no POSIX modes; its per-user profile directory already keeps others out.
 */
export function ensurePrivateDir(dir: string, platform: NodeJS.Platform = process.platform): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (platform !== 'win32') chmodSync(dir, 0o700);
}

/** The store file and SQLite's companions (-wal, -shm), when they exist: user read/write only. */
export function restrictDatabaseFiles(file: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') return;
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(path)) chmodSync(path, 0o600);
  }
}
