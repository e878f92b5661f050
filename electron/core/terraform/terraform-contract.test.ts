import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TerraformRun } from '../../../shared/contract/terraform';
import { errorCodes } from '../../../shared/errors';
import { dispatchCall } from '../dispatch';
import { createTestCore } from '../../../test-support/core/test-core';
import { terraformErrorCodes } from './run-failure';
import { findTerraformForTests } from './terraform-binary';
import { FIXTURE_WORKSPACES, waitUntil } from '../../../test-support/core/terraform-test-harness';

const terraform = findTerraformForTests();
if (!terraform.found) console.warn(`SKIPPED terraform handler tests: ${terraform.reason}`);

let test: ReturnType<typeof createTestCore> | undefined;
afterEach(() => {
  test?.dispose();
  test = undefined;
});

/** Every run the core reports as ended, from the moment this is called. */
function endedRuns(core: ReturnType<typeof createTestCore>['core']): Map<string, TerraformRun> {
  const ended = new Map<string, TerraformRun>();
  core.events.subscribe((name, payload) => {
    const run = (payload as { run?: TerraformRun }).run;
    if (name === 'terraformRunChanged' && run && run.status !== 'running') ended.set(run.id, run);
  });
  return ended;
}

describe('the terraform calls through the contract', () => {
  it.skipIf(!terraform.found)('reports the binary Liaison would run', async () => {
    test = createTestCore();
    const result = await dispatchCall(test.core, 'getTerraformBinary', {});
    expect(result).toMatchObject({
      ok: true,
      value: { status: 'found', flavor: 'terraform', minimumVersion: '1.3.0' },
    });
  });

  it('refuses a plan for a workspace that has no files yet, and an unknown workspace name', async () => {
    test = createTestCore();
    expect(await dispatchCall(test.core, 'startTerraformPlan', { workspaceKey: 'aws-123456789012' })).toMatchObject({
      ok: false,
      error: { code: errorCodes.notFound, field: 'workspaceKey' },
    });
    expect(await dispatchCall(test.core, 'startTerraformPlan', { workspaceKey: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: errorCodes.invalidInput, field: 'workspaceKey' },
    });
  });

  it('requires force-unlock to be confirmed with the lock id itself', async () => {
    test = createTestCore();
    const result = await dispatchCall(test.core, 'forceUnlockTerraform', {
      workspaceKey: 'aws-123456789012',
      lockId: 'e4a2d34c',
      confirmLockId: 'e4a2d34',
    });
    expect(result).toMatchObject({ ok: false, error: { code: errorCodes.invalidInput, field: 'confirmLockId' } });
  });

  it.skipIf(!terraform.found)(
    'records a cloud workspace run as failed while its credentials are not connected, never running bare',
    async () => {
      test = createTestCore();
      cpSync(join(FIXTURE_WORKSPACES, 'basic'), join(test.dataDir, 'workspaces', 'aws-123456789012'), {
        recursive: true,
      });
      const ended = endedRuns(test.core);
      const started = await dispatchCall(test.core, 'startTerraformPlan', { workspaceKey: 'aws-123456789012' });
      if (!started.ok) throw new Error(started.error.message);
      const id = (started.value as TerraformRun).id;
      await waitUntil('the run to end', () => ended.has(id));
      const run = ended.get(id)!;
      expect(run).toMatchObject({ status: 'failed', error: { code: terraformErrorCodes.credentials }, eventCount: 0 });
      const listed = await dispatchCall(test.core, 'listTerraformRuns', { workspaceKey: 'aws-123456789012' });
      expect(listed).toMatchObject({ ok: true, value: [{ id: run.id, status: 'failed' }] });
    },
  );
});
