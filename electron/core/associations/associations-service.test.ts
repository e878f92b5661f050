import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api';
import type { ApiError } from '../../../shared/errors';
import { dispatchCall } from '../dispatch';
import { createTestCore } from '../test-core';

let harness: ReturnType<typeof createTestCore>;
beforeEach(() => {
  harness = createTestCore();
});
afterEach(() => harness.dispose());

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await dispatchCall(harness.core, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.field ?? ''} ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

async function failure<M extends MethodName>(method: M, input: unknown): Promise<ApiError> {
  const result = await dispatchCall(harness.core, method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

async function group(name: string): Promise<string> {
  return (await call('createGroup', { mode: 'root', name })).id;
}

const awsInput = (groupId: string, extra: object = {}) => ({
  cloud: 'aws' as const,
  groupId,
  accountId: '123456789012',
  profile: 'dev',
  moduleVersion: '0.1.0' as const,
  environment: 'enforce.dev',
  ...extra,
});

const workspace = () => join(harness.dataDir, 'workspaces', 'aws-123456789012');
const mainTf = () => readFileSync(join(workspace(), 'main.tf'), 'utf8');

describe('drafts', () => {
  it('saves what the wizard holds, even incomplete, and resumes it by id', async () => {
    const draft = await call('saveAssociationDraft', { step: 1, values: { cloud: 'aws', accountId: '1234' } });
    const updated = await call('saveAssociationDraft', {
      id: draft.id,
      step: 2,
      values: { cloud: 'aws', accountId: '123456789012' },
    });
    expect(updated.id).toBe(draft.id);
    const listed = await call('listAssociations', {});
    expect(listed).toEqual([expect.objectContaining({ id: draft.id, status: 'draft', step: 2 })]);
    expect(listed[0]!.values.accountId).toBe('123456789012');
    expect(existsSync(join(harness.dataDir, 'workspaces'))).toBe(false);
  });

  it('keeps one draft per group and target, and drops it once that association is saved', async () => {
    const id = await group('Platform');
    const values = { groupId: id, cloud: 'aws' as const, accountId: '123456789012' };
    const first = await call('saveAssociationDraft', { step: 1, values });
    const second = await call('saveAssociationDraft', { step: 2, values });
    const elsewhere = await call('saveAssociationDraft', { step: 1, values: { ...values, accountId: '210987654321' } });
    const drafts = await call('listAssociations', {});
    expect(drafts.map((each) => each.id).sort()).toEqual([second.id, elsewhere.id].sort());
    expect(drafts.map((each) => each.id)).not.toContain(first.id);

    // Saving the association from a fresh wizard (no draft id) still clears the draft for that target.
    await call('saveAssociation', awsInput(id));
    const left = await call('listAssociations', {});
    expect(left.filter((each) => each.status === 'draft').map((each) => each.id)).toEqual([elsewhere.id]);
  });

  it('discards every draft at once and leaves generated associations alone', async () => {
    const saved = await call('saveAssociation', awsInput(await group('Kept')));
    const a = await call('saveAssociationDraft', { step: 0, values: { groupId: await group('A') } });
    const b = await call('saveAssociationDraft', { step: 0, values: { groupId: await group('B') } });
    const { deletedIds } = await call('discardAssociationDrafts', {});
    expect(deletedIds.sort()).toEqual([a.id, b.id].sort());
    expect((await call('listAssociations', {})).map((each) => each.id)).toEqual([saved.association.id]);
  });

  it('will not turn a generated association back into a draft', async () => {
    const saved = await call('saveAssociation', awsInput(await group('A')));
    const error = await failure('saveAssociationDraft', { id: saved.association.id, step: 0, values: {} });
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'id' });
  });
});

describe('saving', () => {
  it('writes the workspace files and records the association as generated', async () => {
    const id = await group('Platform');
    const draft = await call('saveAssociationDraft', { step: 3, values: { groupId: id } });
    const { association, preview } = await call('saveAssociation', { ...awsInput(id), id: draft.id });
    expect(association).toMatchObject({ id: draft.id, status: 'generated', workspaceKey: 'aws-123456789012' });
    expect(preview.workspaceDir).toBe(workspace());
    expect(readdirSync(workspace()).sort()).toEqual(['README.md', 'main.tf', 'versions.tf']);
    expect(mainTf()).toMatch(/^# Generated by Liaison/);
    expect(mainTf()).toContain(`group_ids   = ["${id}"]`);
    expect(mainTf()).toContain(`# - ${id}: Platform`);
  });

  it('adds a second group to the same account module and removes it again on delete', async () => {
    const first = await group('First');
    const second = await group('Second');
    await call('saveAssociation', awsInput(first));
    const preview = await call('previewAssociation', awsInput(second));
    expect(preview.groups.map((each) => each.id)).toEqual([first, second].sort());
    expect(preview.current.find((file) => file.path === 'main.tf')?.content).toBe(mainTf());
    const saved = await call('saveAssociation', awsInput(second));
    expect(mainTf().match(/module "aws-impersonation"/g)).toHaveLength(1);
    for (const each of [first, second]) expect(mainTf()).toContain(`"${each}",`);

    await call('deleteAssociation', { id: saved.association.id });
    expect(mainTf()).not.toContain(second);
    expect(mainTf()).toContain(`group_ids   = ["${first}"]`);
  });

  it('applies one association’s workspace options to every association in the workspace', async () => {
    const first = await group('First');
    const second = await group('Second');
    const saved = await call('saveAssociation', awsInput(first));
    await call('saveAssociation', awsInput(second, { moduleVersion: '0.0.10', auditLogRegions: ['eu-west-1'] }));
    expect(mainTf()).toContain('version = "0.0.10"');
    const stored = (await call('listAssociations', {})).find((each) => each.id === saved.association.id);
    expect(stored?.values).toMatchObject({ moduleVersion: '0.0.10', auditLogRegions: ['eu-west-1'] });
  });

  it('leaves a provider-only main.tf when the last group is removed, so apply can remove the roles', async () => {
    const saved = await call('saveAssociation', awsInput(await group('Only')));
    await call('deleteAssociation', { id: saved.association.id });
    expect(mainTf()).toContain('provider "aws"');
    expect(mainTf()).not.toContain('module ');
  });

  it('refuses the same group twice on one account', async () => {
    const id = await group('A');
    await call('saveAssociation', awsInput(id));
    expect(await failure('saveAssociation', awsInput(id))).toMatchObject({ code: 'CONFLICT', field: 'groupId' });
  });

  it('refuses a shared backend that points at another workspace’s state, on the field', async () => {
    const s3 = {
      type: 's3' as const,
      bucket: 'team-state',
      key: 'liaison/aws-123456789012/terraform.tfstate',
      region: 'eu-west-2',
    };
    await call('saveAssociation', awsInput(await group('A'), { backend: s3 }));
    const other = awsInput(await group('B'), { accountId: '210987654321', backend: s3 });
    for (const method of ['previewAssociation', 'saveAssociation'] as const) {
      const error = await failure(method, other);
      expect(error).toMatchObject({
        code: 'INVALID_INPUT',
        field: 'backend.key',
        message: 'Workspace aws-123456789012 keeps its state here; each workspace needs its own state key',
        remediation: 'Use liaison/aws-210987654321/terraform.tfstate or another path no workspace uses.',
      });
    }
    expect(existsSync(join(harness.dataDir, 'workspaces', 'aws-210987654321'))).toBe(false);
    // Its own key in the same bucket is fine, and so is the same key in the workspace that owns it.
    await call('saveAssociation', { ...other, backend: { ...s3, key: 'liaison/aws-210987654321/terraform.tfstate' } });
    await call('saveAssociation', awsInput(await group('C'), { backend: s3 }));
  });

  it('refuses two workspaces in one GCS bucket without their own prefixes', async () => {
    const gcp = (
      groupId: string,
      projectId: string,
      projectNumber: string,
      backend: { type: 'gcs'; bucket: string },
    ) => ({
      cloud: 'gcp' as const,
      groupId,
      projectId,
      projectNumber,
      credential: { kind: 'adc' as const },
      moduleVersion: '0.0.12' as const,
      environment: 'enforce.dev',
      backend,
    });
    await call(
      'saveAssociation',
      gcp(await group('A'), 'acme-prod', '123456789012', { type: 'gcs', bucket: 'acme-state' }),
    );
    const error = await failure(
      'saveAssociation',
      gcp(await group('B'), 'acme-dev', '210987654321', { type: 'gcs', bucket: 'acme-state' }),
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'backend.prefix' });
  });

  it('moves the group out of the old account when an edit changes the account', async () => {
    const id = await group('Mover');
    const saved = await call('saveAssociation', awsInput(id));
    await call('saveAssociation', awsInput(id, { id: saved.association.id, accountId: '210987654321' }));
    expect(mainTf()).not.toContain('module ');
    const moved = readFileSync(join(harness.dataDir, 'workspaces', 'aws-210987654321', 'main.tf'), 'utf8');
    expect(moved).toContain(id);
  });

  it('never touches Terraform state or .terraform/, and leaves no temporary files', async () => {
    mkdirSync(join(workspace(), '.terraform', 'modules'), { recursive: true });
    writeFileSync(join(workspace(), 'terraform.tfstate'), '{"serial": 7}');
    writeFileSync(join(workspace(), 'terraform.tfstate.backup'), '{"serial": 6}');
    writeFileSync(join(workspace(), '.terraform', 'modules', 'modules.json'), '{}');
    const saved = await call('saveAssociation', awsInput(await group('A')));
    await call('deleteAssociation', { id: saved.association.id });
    expect(readFileSync(join(workspace(), 'terraform.tfstate'), 'utf8')).toBe('{"serial": 7}');
    expect(readFileSync(join(workspace(), 'terraform.tfstate.backup'), 'utf8')).toBe('{"serial": 6}');
    expect(readFileSync(join(workspace(), '.terraform', 'modules', 'modules.json'), 'utf8')).toBe('{}');
    expect(readdirSync(workspace()).filter((name) => name.includes('liaison-tmp'))).toEqual([]);
  });

  it('does not overwrite a main.tf Liaison did not write unless told to replace it', async () => {
    mkdirSync(workspace(), { recursive: true });
    writeFileSync(join(workspace(), 'main.tf'), 'provider "aws" {}\n');
    const id = await group('A');
    const preview = await call('previewAssociation', awsInput(id));
    expect(preview.foreignFiles).toEqual(['main.tf']);
    expect(preview.current.find((file) => file.path === 'main.tf')).toMatchObject({ liaison: false });

    const refused = await failure('saveAssociation', awsInput(id));
    expect(refused).toMatchObject({ code: 'WORKSPACE_FOREIGN_FILE', field: 'replaceForeignFiles' });
    expect(mainTf()).toBe('provider "aws" {}\n');
    expect(await call('listAssociations', {})).toEqual([]);

    await call('saveAssociation', { ...awsInput(id), replaceForeignFiles: true });
    expect(mainTf()).toMatch(/^# Generated by Liaison/);
  });

  it('reports an unwritable workspace clearly and records nothing', async () => {
    // A file where the workspaces directory should be fails for every user, root included.
    writeFileSync(join(harness.dataDir, 'workspaces'), 'not a directory');
    const error = await failure('saveAssociation', awsInput(await group('A')));
    expect(error.code).toBe('WORKSPACE_NOT_WRITABLE');
    expect(error.message).toContain(workspace());
    expect(error.remediation).toBeTruthy();
    expect(await call('listAssociations', {})).toEqual([]);
  });

  it.skipIf(!existsSync('/proc/self'))('reports a failed write and rolls the association back', async () => {
    // /proc refuses new files even for root, so this fails the write itself, not the read before it.
    mkdirSync(join(harness.dataDir, 'workspaces'), { recursive: true });
    symlinkSync('/proc/self', workspace());
    const error = await failure('saveAssociation', awsInput(await group('A')));
    expect(error).toMatchObject({ code: 'WORKSPACE_NOT_WRITABLE', remediation: expect.any(String) });
    expect(error.message).toContain('cannot write');
    expect(await call('listAssociations', {})).toEqual([]);
  });
});

describe('validation', () => {
  it.each([
    ['accountId', { accountId: '12345' }],
    ['environment', { environment: 'not a host' }],
    ['auditLogRegions', { auditLogRegions: ['us-east-1'] }],
    ['auditLogRegions.0', { moduleVersion: '0.0.10', auditLogRegions: ['mars-1'] }],
    ['moduleVersion', { moduleVersion: '0.0.12' }],
    ['groupId', { groupId: 'f'.repeat(40) }],
  ])('refuses a bad %s with a field error', async (field, change) => {
    const input = { ...awsInput(await group('A')), ...change };
    expect((await failure('previewAssociation', input)).field).toBe(field);
  });

  it('refuses another environment for the legacy GCP module', async () => {
    const error = await failure('previewAssociation', {
      cloud: 'gcp',
      groupId: await group('A'),
      projectId: 'acme-prod',
      projectNumber: '123456789012',
      credential: { kind: 'adc' },
      moduleVersion: '0.0.11',
      environment: 'staging.enforce.dev',
    });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'environment' });
  });
});

describe('export', () => {
  it('exports the previewed files as a zip another implementation reads back exactly', async () => {
    const input = awsInput(await group('Zip'), { moduleVersion: '0.0.10', auditLogRegions: ['us-east-1'] });
    const preview = await call('previewAssociation', input);
    const zip = await call('exportAssociationZip', input);
    expect(zip.fileName).toBe('liaison-aws-123456789012.zip');
    const file = join(harness.dataDir, zip.fileName);
    writeFileSync(file, Buffer.from(zip.base64, 'base64'));
    const script =
      'import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n' +
      'print(json.dumps({i.filename: z.read(i).decode("utf-8") for i in z.infolist()}))';
    const read = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
    expect(read.status, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout)).toEqual(
      Object.fromEntries(preview.files.map((each) => [`aws-123456789012/${each.path}`, each.content])),
    );
    expect(existsSync(workspace())).toBe(false);
  });
});

describe('adopting an existing OIDC provider', () => {
  const ARN = 'arn:aws:iam::123456789012:oidc-provider/issuer.enforce.dev';
  const IMPORT_TO = 'to = module.aws-impersonation.aws_iam_openid_connect_provider.chainguard_idp';

  it('keeps the import block for the workspace when another group is added and one removed', async () => {
    const first = await group('Platform');
    const second = await group('Payments');
    await call('saveAssociation', awsInput(first, { adoptOidcProviderArn: ARN }));
    expect(mainTf()).toContain(IMPORT_TO);
    // The second association comes from a wizard that knew nothing of it: adoption is the workspace's.
    const added = await call('saveAssociation', awsInput(second, { adoptOidcProviderArn: ARN }));
    expect(mainTf()).toContain(`id = "${ARN}"`);
    await call('deleteAssociation', { id: added.association.id });
    expect(mainTf()).toContain(IMPORT_TO);
  });

  it('declining it on a later save takes the import out of the workspace', async () => {
    const first = await group('Platform');
    const saved = await call('saveAssociation', awsInput(first, { adoptOidcProviderArn: ARN }));
    await call('saveAssociation', awsInput(first, { id: saved.association.id }));
    expect(mainTf()).not.toContain('import {');
  });

  it('refuses a provider of another account on its field', async () => {
    const first = await group('Platform');
    const error = await failure(
      'saveAssociation',
      awsInput(first, { adoptOidcProviderArn: 'arn:aws:iam::999999999999:oidc-provider/issuer.enforce.dev' }),
    );
    expect(error.field).toBe('adoptOidcProviderArn');
    expect(error.message).toContain('account 999999999999');
    expect(existsSync(workspace())).toBe(false);
  });
});
