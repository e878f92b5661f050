import type { TerraformDiagnostic, TerraformLockInfo } from '../../../shared/contract/terraform';

/** Terraform's summary for a lock it could not take (local, S3 and GCS backends alike). */
const LOCK_SUMMARY = /^Error acquiring the state lock$/i;

const FIELDS = {
  ID: 'id',
  Path: 'path',
  Operation: 'operation',
  Who: 'who',
  Version: 'version',
  Created: 'created',
  Info: 'info',
} as const satisfies Record<string, keyof TerraformLockInfo>;

/**
 * The lock holder from Terraform's "Error acquiring the state lock" diagnostic, whose detail lists
 * `Lock Info:` as `  Name: value` lines. Terraform has no machine-readable form of this, so it is
 * parsed here from the text; undefined when the diagnostic is another error or names no lock id.
 */
export function parseLockInfo(diagnostic: TerraformDiagnostic): TerraformLockInfo | undefined {
  if (!LOCK_SUMMARY.test(diagnostic.summary)) return undefined;
  const section = diagnostic.detail.split(/^Lock Info:\s*$/m)[1];
  if (section === undefined) return undefined;
  const lock: TerraformLockInfo = { id: '', path: '', operation: '', who: '', version: '', created: '', info: '' };
  for (const line of section.split('\n')) {
    const match = /^\s{2}(ID|Path|Operation|Who|Version|Created|Info):\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, name, value = ''] = match;
    lock[FIELDS[name as keyof typeof FIELDS]] = value.trim();
  }
  return lock.id === '' ? undefined : lock;
}
