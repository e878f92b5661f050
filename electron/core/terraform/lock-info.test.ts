import { describe, expect, it } from 'vitest';
import { parseLockInfo } from './lock-info';

// The detail terraform 1.11.4 printed when a plan met the lock of an apply in progress.
const LOCKED_DETAIL =
  'Error message: resource temporarily unavailable\nLock Info:\n  ID:        e4a2d34c-6b37-15bb-4373-c249a277810a\n  Path:      terraform.tfstate\n  Operation: OperationTypeApply\n  Who:       root@vm\n  Version:   1.11.4\n  Created:   2026-11-21 03:47:02.841182928 +0000 UTC\n  Info:      \n\n\nTerraform acquires a state lock to protect the state from being written\nby multiple users at the same time.';

describe('parseLockInfo', () => {
  it("reads every field of Terraform's lock error", () => {
    expect(
      parseLockInfo({ severity: 'error', summary: 'Error acquiring the state lock', detail: LOCKED_DETAIL }),
    ).toEqual({
      id: 'e4a2d34c-6b37-15bb-4373-c249a277810a',
      path: 'terraform.tfstate',
      operation: 'OperationTypeApply',
      who: 'root@vm',
      version: '1.11.4',
      created: '2026-11-21 03:47:02.841182928 +0000 UTC',
      info: '',
    });
  });

  it('ignores other diagnostics, and a lock error that names no lock id', () => {
    expect(parseLockInfo({ severity: 'error', summary: 'Saved plan is stale', detail: LOCKED_DETAIL })).toBeUndefined();
    expect(
      parseLockInfo({ severity: 'error', summary: 'Error acquiring the state lock', detail: 'Error message: timeout' }),
    ).toBeUndefined();
  });
});
