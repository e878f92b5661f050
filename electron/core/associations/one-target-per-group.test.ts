import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api';
import type { ApiError } from '../../../shared/errors';
import { dispatchCall } from '../dispatch';
import { createTestCore } from '../../../test-support/core/test-core';
import { targetClashes } from '../../../shared/platform/target-clashes';

let harness: ReturnType<typeof createTestCore>;
beforeEach(() => {
  harness = createTestCore();
});
afterEach(() => harness.dispose());

async function failure<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiError> {
  const result = await dispatchCall(harness.core, method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

const aws = (groupId: string, accountId: string) => ({
  cloud: 'aws' as const,
  groupId,
  accountId,
  profile: 'dev',
  moduleVersion: '0.1.0' as const,
  environment: 'enforce.dev',
});
const gcp = (groupId: string, projectId: string) => ({
  cloud: 'gcp' as const,
  groupId,
  projectId,
  projectNumber: '123456789012',
  credential: { kind: 'adc' as const },
  moduleVersion: '0.0.12' as const,
  environment: 'enforce.dev',
});

describe('one AWS account and one GCP project per group', () => {
  it('refuses a second AWS account with a field error naming the existing association and the way out', async () => {
    const group = (await harness.call('createGroup', { mode: 'root', name: 'A' })).id;
    const first = await harness.call('saveAssociation', aws(group, '111111111111'));
    const error = await failure('saveAssociation', aws(group, '222222222222'));
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'accountId' });
    expect(error.message).toBe(
      `Group ${group} is already associated with AWS account 111111111111 (association ${first.association.id}); a group holds one AWS account.`,
    );
    expect(error.remediation).toMatch(/^Remove that association first/);
    // Nothing was written for the refused account.
    expect(existsSync(join(harness.dataDir, 'workspaces', 'aws-222222222222'))).toBe(false);
    expect(await harness.call('listAssociations', {})).toHaveLength(1);
  });

  it('allows saving the same account again, one AWS account beside one GCP project, and another group', async () => {
    const group = (await harness.call('createGroup', { mode: 'root', name: 'A' })).id;
    const other = (await harness.call('createGroup', { mode: 'root', name: 'B' })).id;
    const first = await harness.call('saveAssociation', aws(group, '111111111111'));
    await harness.call('saveAssociation', { ...aws(group, '111111111111'), id: first.association.id });
    await harness.call('saveAssociation', gcp(group, 'demo-project'));
    await harness.call('saveAssociation', aws(other, '222222222222'));
    const error = await failure('saveAssociation', gcp(group, 'other-project'));
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'projectId' });
    // Moving the one association to another account is an edit, not a second account.
    await harness.call('saveAssociation', { ...aws(group, '333333333333'), id: first.association.id });
  });

  it('finds groups that data saved before the rule has on two accounts', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const generated = (id: string, values: object) => ({
      id,
      status: 'generated' as const,
      step: 4,
      values,
      workspaceKey: 'k',
      createdAt: at,
      updatedAt: at,
      generatedAt: at,
    });
    const g = 'a'.repeat(40);
    expect(
      targetClashes([
        generated('1', { groupId: g, cloud: 'aws', accountId: '2' }),
        generated('2', { groupId: g, cloud: 'aws', accountId: '1' }),
        generated('3', { groupId: g, cloud: 'gcp', projectId: 'p' }),
      ]),
    ).toEqual(new Map([[`${g} aws`, ['1', '2']]]));
  });
});
