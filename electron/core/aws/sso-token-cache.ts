import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The token file `aws sso login` writes, field for field, so the CLI and every SDK can use it. */
export interface SsoCachedToken {
  startUrl: string;
  region: string;
  accessToken: string;
  expiresAt: string;
  clientId?: string;
  clientSecret?: string;
  registrationExpiresAt?: string;
  refreshToken?: string;
}

/** `<sha1 of the sso_session name>.json`, or of the start URL for a legacy profile: the CLI's naming. */
export function ssoTokenCachePath(cacheDir: string, cacheKey: string): string {
  return join(cacheDir, `${createHash('sha1').update(cacheKey).digest('hex')}.json`);
}

/** Timestamps as the CLI writes them: UTC, whole seconds, `Z`. */
export function cliTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Writes the token atomically (temp file, then rename) and readable by the owner only. */
export function writeSsoToken(cacheDir: string, cacheKey: string, token: SsoCachedToken): string {
  mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  const path = ssoTokenCachePath(cacheDir, cacheKey);
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(token, null, 2), { mode: 0o600, flag: 'wx' });
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return path;
}
