import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api';
import { createTestCore } from '../../../test-support/core/test-core';

let harness: ReturnType<typeof createTestCore>;
beforeEach(() => {
  harness = createTestCore();
});
afterEach(() => harness.dispose());

const S3: MethodInput<'saveAssociation'>['backend'] = {
  type: 's3',
  bucket: 'team-state',
  key: 'liaison/aws-123456789012/terraform.tfstate',
  region: 'eu-west-2',
};
const versionsTf = () => readFileSync(join(harness.dataDir, 'workspaces', 'aws-123456789012', 'versions.tf'), 'utf8');

async function awsInput(name: string, backend?: MethodInput<'saveAssociation'>['backend']) {
  const groupId = (await harness.call('createGroup', { mode: 'root', name })).id;
  return {
    cloud: 'aws' as const,
    groupId,
    accountId: '123456789012',
    profile: 'dev',
    moduleVersion: '0.1.0' as const,
    environment: 'enforce.dev',
    ...(backend ? { backend } : {}),
  };
}

describe('a workspace backend', () => {
  it('is local (no backend block) unless chosen', async () => {
    await harness.call('saveAssociation', await awsInput('Platform'));
    expect(versionsTf()).not.toContain('backend');
  });

  it('is written into versions.tf and kept by every association sharing the workspace', async () => {
    const first = await harness.call('saveAssociation', await awsInput('Platform', S3));
    expect(versionsTf()).toContain('backend "s3" {');
    expect(versionsTf()).toContain('required_version = ">= 1.10.0"');
    expect(first.association.values.backend).toEqual(S3);

    // Removing one group rewrites the workspace from what is stored: the backend must survive it.
    const second = await harness.call('saveAssociation', await awsInput('Payments', S3));
    await harness.call('deleteAssociation', { id: second.association.id });
    expect(versionsTf()).toContain('bucket       = "team-state"');
  });

  it('refuses a bad bucket with a field error', async () => {
    const input = await awsInput('Platform', { type: 's3', bucket: 'Not_A_Bucket', key: 'k', region: 'eu-west-2' });
    const result = await harness.callResult('saveAssociation', input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.field).toBe('backend.bucket');
  });
});
