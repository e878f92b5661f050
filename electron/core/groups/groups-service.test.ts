import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGroupInputSchema, updateGroupInputSchema } from '../../../shared/model';
import { UIDP_PATTERN } from '../../../shared/validation';
import { CoreError } from '../core-error';
import { EventBus } from '../event-bus';
import { openStore, type Store } from '../store/database';
import { AssociationRepository } from '../associations/association-repository';
import { GroupsService } from './groups-service';

const ROOT = 'a'.repeat(40);

let dir: string;
let store: Store;
let events: EventBus;
let emitted: unknown[];
let service: GroupsService;
let clock: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-groups-'));
  store = openStore(join(dir, 'liaison.db'));
  events = new EventBus();
  emitted = [];
  events.subscribe((name, payload) => emitted.push({ name, payload }));
  clock = Date.parse('2026-11-21T10:00:00.000Z');
  service = new GroupsService({ store, events, now: () => new Date((clock += 1000)) });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const create = (input: unknown) => service.createGroup(createGroupInputSchema.parse(input));

function codeOf(action: () => unknown): { code: string; field: string | undefined } {
  try {
    action();
  } catch (error) {
    if (error instanceof CoreError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected a CoreError');
}

describe('GroupsService', () => {
  it('creates a root group with a fresh 40-hex id and trimmed name', () => {
    const group = create({ mode: 'root', name: '  Platform team  ' });
    expect(group.id).toMatch(/^[0-9a-f]{40}$/);
    expect(group.name).toBe('Platform team');
    expect(group.description).toBe('');
    expect(group.createdAt).toBe('2026-11-21T10:00:01.000Z');
    expect(service.listGroups()).toEqual([group]);
    expect(emitted).toEqual([{ name: 'groupsChanged', payload: { ids: [group.id] } }]);
  });

  it('creates a child as parent id + "/" + 16 fresh hex', () => {
    const parent = create({ mode: 'root', name: 'Parent' });
    const child = create({ mode: 'child', parentId: parent.id, name: 'Child' });
    expect(child.id).toMatch(new RegExp(`^${parent.id}/[0-9a-f]{16}$`));
    expect(child.id).toMatch(UIDP_PATTERN);
  });

  it('refuses a child of a group that does not exist, writing nothing', () => {
    expect(codeOf(() => create({ mode: 'child', parentId: ROOT, name: 'Orphan' }))).toEqual({
      code: 'NOT_FOUND',
      field: 'parentId',
    });
    expect(service.listGroups()).toEqual([]);
    expect(emitted).toEqual([]);
  });

  it('registers a pasted id and refuses the same id twice', () => {
    const id = `${ROOT}/0123456789abcdef`;
    expect(create({ mode: 'existing', id, name: 'Pasted' }).id).toBe(id);
    expect(codeOf(() => create({ mode: 'existing', id, name: 'Again' }))).toEqual({ code: 'CONFLICT', field: 'id' });
    expect(service.listGroups()).toHaveLength(1);
  });

  it('renames and edits the description, keeping the creation time', () => {
    const group = create({ mode: 'root', name: 'Before', description: 'old' });
    const renamed = service.updateGroup(updateGroupInputSchema.parse({ id: group.id, name: 'After' }));
    expect(renamed).toMatchObject({ name: 'After', description: 'old', createdAt: group.createdAt });
    expect(renamed.updatedAt > group.updatedAt).toBe(true);
    const described = service.updateGroup(updateGroupInputSchema.parse({ id: group.id, description: '' }));
    expect(described).toMatchObject({ name: 'After', description: '' });
  });

  it('deletes a group with its descendants and nothing else', () => {
    const a = create({ mode: 'root', name: 'A' });
    const a1 = create({ mode: 'child', parentId: a.id, name: 'A1' });
    const a11 = create({ mode: 'child', parentId: a1.id, name: 'A11' });
    const b = create({ mode: 'root', name: 'B' });
    // An id that shares A's characters but is not below it.
    const lookalike = create({
      mode: 'existing',
      id: `${a.id.slice(0, 39)}${a.id.endsWith('0') ? '1' : '0'}`,
      name: 'L',
    });
    const { deletedIds } = service.deleteGroup({ id: a.id });
    expect(deletedIds.sort()).toEqual([a.id, a1.id, a11.id].sort());
    expect(
      service
        .listGroups()
        .map((g) => g.id)
        .sort(),
    ).toEqual([b.id, lookalike.id].sort());
  });

  it('reports deleting or editing a missing group as not found', () => {
    expect(codeOf(() => service.deleteGroup({ id: ROOT })).code).toBe('NOT_FOUND');
    expect(codeOf(() => service.updateGroup({ id: ROOT, name: 'x' })).code).toBe('NOT_FOUND');
  });

  describe('delete with associations', () => {
    const T = '2026-11-21T10:00:00.000Z';
    const associate = (id: string, groupId: string, status: 'draft' | 'generated', accountId = '123456789012') =>
      new AssociationRepository(store).upsert({
        id,
        status,
        step: status === 'draft' ? 1 : 3,
        values: { groupId, cloud: 'aws', accountId, profile: 'admin' },
        ...(status === 'generated' ? { workspaceKey: `aws-${accountId}`, generatedAt: T } : {}),
        createdAt: T,
        updatedAt: T,
      });

    it('refuses a group that a workspace still trusts, naming the account, and changes nothing', () => {
      const a = create({ mode: 'root', name: 'A' });
      const a1 = create({ mode: 'child', parentId: a.id, name: 'A1' });
      associate('assoc-gen', a1.id, 'generated', '111122223333');
      associate('assoc-draft', a.id, 'draft');
      emitted.length = 0;
      let error: unknown;
      try {
        service.deleteGroup({ id: a.id });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(CoreError);
      const api = (error as CoreError).toApiError();
      expect(api.code).toBe('CONFLICT');
      expect(api.field).toBe('id');
      expect(api.message).toBe('This group still has an association: AWS account 111122223333 (subgroup A1)');
      expect(api.remediation).toMatch(/Remove the association on the Onboard page/);
      // The refusal rolled back: both groups and the draft are still there, and nothing was announced.
      expect(
        service
          .listGroups()
          .map((g) => g.id)
          .sort(),
      ).toEqual([a.id, a1.id].sort());
      expect(new AssociationRepository(store).find('assoc-draft')).toBeDefined();
      expect(emitted).toEqual([]);
    });

    it('discards the drafts that named the deleted groups, and keeps everyone else’s', () => {
      const a = create({ mode: 'root', name: 'A' });
      const a1 = create({ mode: 'child', parentId: a.id, name: 'A1' });
      const b = create({ mode: 'root', name: 'B' });
      associate('draft-a1', a1.id, 'draft');
      associate('gen-b', b.id, 'generated');
      emitted.length = 0;
      expect(service.deleteGroup({ id: a.id }).deletedIds.sort()).toEqual([a.id, a1.id].sort());
      const repository = new AssociationRepository(store);
      expect(repository.find('draft-a1')).toBeUndefined();
      expect(repository.find('gen-b')?.values.groupId).toBe(b.id);
      expect(emitted).toEqual([
        { name: 'groupsChanged', payload: { ids: expect.arrayContaining([a.id, a1.id]) as unknown } },
        { name: 'associationsChanged', payload: { ids: ['draft-a1'] } },
      ]);
    });
  });
});
