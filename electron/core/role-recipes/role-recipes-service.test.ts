import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../test-support/core/test-core';
import { roleGoldenCases } from '../../../test-support/terraform-files/role-golden-cases';

describe('role recipes service', () => {
  let test: ReturnType<typeof createTestCore> | undefined;
  afterEach(() => test?.dispose());

  it('generates strong External IDs that STS accepts', async () => {
    test = createTestCore();
    const first = await test.call('newExternalId', {});
    const second = await test.call('newExternalId', {});
    expect(first.externalId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.externalId).not.toBe(first.externalId);
  });

  it('saves a role in its own workspace; a second role of that name in the account is refused on roleName', async () => {
    test = createTestCore();
    const input = roleGoldenCases['third-party-managed-only']!;
    const saved = await test.call('saveRoleRecipe', input);
    expect(saved.association.values.kind).toBe('third-party-role');
    expect(saved.association.workspaceKey).toBe('aws-123456789012-role-VendorReadOnly');
    const main = readFileSync(join(saved.preview.workspaceDir, 'main.tf'), 'utf8');
    expect(main).toContain('"sts:ExternalId"');
    const clash = await test.callResult('saveRoleRecipe', input);
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.error.field).toBe('roleName');
    // Saving the same recipe again (by id) updates it in place.
    const again = await test.call('saveRoleRecipe', { ...input, id: saved.association.id, maxSessionSeconds: 7200 });
    expect(again.association.id).toBe(saved.association.id);
    expect(readFileSync(join(again.preview.workspaceDir, 'main.tf'), 'utf8')).toContain('max_session_duration = 7200');
  });

  it('removing a role keeps its workspace files (never rewritten as a platform workspace)', async () => {
    test = createTestCore();
    const saved = await test.call('saveRoleRecipe', roleGoldenCases['third-party-managed-only']!);
    const before = readFileSync(join(saved.preview.workspaceDir, 'main.tf'), 'utf8');
    const removed = await test.call('deleteAssociation', { id: saved.association.id });
    expect(removed.workspaceDir).toBe(saved.preview.workspaceDir);
    expect(readFileSync(join(saved.preview.workspaceDir, 'main.tf'), 'utf8')).toBe(before);
    expect(await test.call('listAssociations', {})).toEqual([]);
  });

  it('refuses bad input with the field named', async () => {
    test = createTestCore();
    const result = await test.callResult('saveRoleRecipe', {
      ...roleGoldenCases['third-party-managed-only']!,
      externalId: 'no spaces allowed',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.field).toBe('externalId');
  });
});
