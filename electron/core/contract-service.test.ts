import { describe, expect, it } from 'vitest';
import { groupMethods } from '../../shared/contract/groups';
import type { Group } from '../../shared/model';
import { serveContract, type ServiceFor } from './contract-service';

const GROUP: Group = {
  id: '0123456789abcdef0123456789abcdef01234567',
  name: 'platform',
  description: '',
  createdAt: '2026-12-05T00:00:00.000Z',
  updatedAt: '2026-12-05T00:00:00.000Z',
};

/** A service with private state, a contract method per group call, and one method the contract lacks. */
class RecordingGroups implements ServiceFor<typeof groupMethods> {
  readonly #groups: Group[] = [GROUP];
  readonly calls: string[] = [];

  listGroups(): Group[] {
    this.calls.push('listGroups');
    return this.#groups;
  }
  createGroup(): Group {
    throw new Error('not used');
  }
  updateGroup(): Group {
    throw new Error('not used');
  }
  deleteGroup({ id }: { id: string }): { deletedIds: string[] } {
    this.calls.push(`deleteGroup ${id}`);
    return { deletedIds: [id] };
  }
  close(): void {
    this.calls.push('close');
  }
}

describe('serveContract', () => {
  it('serves each named call with the service itself as `this`', async () => {
    const service = new RecordingGroups();
    const handlers = serveContract(service, groupMethods);
    expect(await handlers.listGroups({})).toEqual([GROUP]);
    expect(await handlers.deleteGroup({ id: GROUP.id })).toEqual({ deletedIds: [GROUP.id] });
    expect(service.calls).toEqual(['listGroups', `deleteGroup ${GROUP.id}`]);
  });

  it('exposes the contract calls and nothing else of the service', () => {
    const handlers = serveContract(new RecordingGroups(), groupMethods);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(groupMethods).sort());
    expect(handlers).not.toHaveProperty('close');
    expect(handlers).not.toHaveProperty('calls');
  });

  it('serves a subset of calls when given their names', async () => {
    const handlers = serveContract(new RecordingGroups(), ['listGroups']);
    expect(Object.keys(handlers)).toEqual(['listGroups']);
    expect(await handlers.listGroups({})).toEqual([GROUP]);
  });
});
