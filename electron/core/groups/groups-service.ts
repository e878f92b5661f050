import { randomBytes } from 'node:crypto';
import type { groupMethods } from '../../../shared/contract/groups';
import type { ServiceFor } from '../contract-service';
import type { MethodOutput, ParsedInput } from '../../../shared/api';
import { errorCodes } from '../../../shared/errors';
import { DEFAULT_TARGET_CLOUD, describeTarget } from '../../../shared/targets/target-kinds';
import type { Association } from '../../../shared/contract/associations';
import type { Group } from '../../../shared/model';
import { AssociationRepository } from '../associations/association-repository';
import { CoreError } from '../core-error';
import type { EventBus } from '../event-bus';
import type { Store } from '../store/database';
import { GroupRepository } from './group-repository';

export interface GroupsServiceOptions {
  store: Store;
  events: EventBus;
  now?: () => Date;
  randomHex?: (bytes: number) => string;
}

/** Groups: create (root, child, or a pasted existing id), edit, delete with descendants. */
export class GroupsService implements ServiceFor<typeof groupMethods> {
  readonly #repository: GroupRepository;
  readonly #associations: AssociationRepository;
  readonly #store: Store;
  readonly #events: EventBus;
  readonly #now: () => Date;
  readonly #randomHex: (bytes: number) => string;

  constructor(options: GroupsServiceOptions) {
    this.#store = options.store;
    this.#repository = new GroupRepository(options.store);
    this.#associations = new AssociationRepository(options.store);
    this.#events = options.events;
    this.#now = options.now ?? (() => new Date());
    this.#randomHex = options.randomHex ?? ((bytes) => randomBytes(bytes).toString('hex'));
  }

  listGroups(): Group[] {
    return this.#repository.list();
  }

  createGroup(input: ParsedInput<'createGroup'>): Group {
    const group = this.#store.transaction(() => {
      const id = this.#newId(input);
      const timestamp = this.#now().toISOString();
      const created: Group = {
        id,
        name: input.name,
        description: input.description,
        createdAt: timestamp,
        updatedAt: timestamp,
      };
      this.#repository.insert(created);
      return created;
    });
    this.#events.emit('groupsChanged', { ids: [group.id] });
    return group;
  }

  updateGroup(input: ParsedInput<'updateGroup'>): Group {
    const group = this.#store.transaction(() => {
      const existing = this.#require(input.id, 'id');
      const updated: Group = {
        ...existing,
        name: input.name ?? existing.name,
        description: input.description ?? existing.description,
        updatedAt: this.#now().toISOString(),
      };
      this.#repository.update(updated);
      return updated;
    });
    this.#events.emit('groupsChanged', { ids: [group.id] });
    return group;
  }

  /**
   * Deletes a group with its descendants, and the unfinished wizard drafts that named them. A group
   * that a workspace's main.tf still trusts is refused: deleting it here would leave the cloud
   * trusting a group Liaison no longer shows; its association is removed (and applied) first.
   */
  deleteGroup({ id }: ParsedInput<'deleteGroup'>): MethodOutput<'deleteGroup'> {
    const { deletedIds, discardedDrafts } = this.#store.transaction(() => {
      this.#require(id, 'id');
      const ids = this.#repository.listSubtreeIds(id);
      const associations = this.#associations.listForGroups(ids);
      const generated = associations.filter((each) => each.status === 'generated');
      if (generated.length > 0) throw this.#stillAssociated(id, generated);
      const drafts = associations.filter((each) => each.status === 'draft');
      for (const draft of drafts) this.#associations.delete(draft.id);
      for (const each of ids) this.#repository.delete(each);
      return { deletedIds: ids, discardedDrafts: drafts.map((draft) => draft.id) };
    });
    this.#events.emit('groupsChanged', { ids: deletedIds });
    if (discardedDrafts.length > 0) this.#events.emit('associationsChanged', { ids: discardedDrafts });
    return { deletedIds };
  }

  #stillAssociated(id: string, generated: Association[]): CoreError {
    const targets = generated.map((each) => {
      const group =
        each.values.groupId === id
          ? ''
          : ` (subgroup ${this.#repository.find(each.values.groupId ?? '')?.name ?? each.values.groupId})`;
      return `${describeTarget({ ...each.values, cloud: each.values.cloud ?? DEFAULT_TARGET_CLOUD })}${group}`;
    });
    const count = generated.length === 1 ? 'an association' : `${generated.length} associations`;
    return new CoreError({
      code: errorCodes.conflict,
      field: 'id',
      message: `This group still has ${count}: ${targets.join(', ')}`,
      remediation:
        'Remove the association on the Onboard page (that takes the group out of the workspace’s main.tf), apply the workspace, then delete the group.',
    });
  }

  #newId(input: ParsedInput<'createGroup'>): string {
    switch (input.mode) {
      case 'root':
        return this.#unused(this.#randomHex(20), 'name');
      case 'child':
        this.#require(input.parentId, 'parentId');
        return this.#unused(`${input.parentId}/${this.#randomHex(8)}`, 'parentId');
      case 'existing':
        if (this.#repository.find(input.id)) {
          throw new CoreError({
            code: errorCodes.conflict,
            field: 'id',
            message: 'A group with this id is already registered',
          });
        }
        return input.id;
    }
  }

  #unused(id: string, field: string): string {
    // 160 (or 64) random bits do not collide in practice; this guards a broken random source.
    if (this.#repository.find(id)) {
      throw new CoreError({
        code: errorCodes.conflict,
        field,
        message: `Generated id ${id} is already in use; try again`,
      });
    }
    return id;
  }

  #require(id: string, field: string): Group {
    const group = this.#repository.find(id);
    if (!group) {
      throw new CoreError({
        code: errorCodes.notFound,
        field,
        message: field === 'parentId' ? 'The parent group does not exist' : 'The group does not exist',
        remediation: 'Refresh the group list; it may have been deleted.',
      });
    }
    return group;
  }
}
