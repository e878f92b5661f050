import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { associationMethods } from '../../../shared/contract/associations';
import type { ServiceFor } from '../contract-service';
import type { MethodOutput, ParsedInput } from '../../../shared/api';
import {
  draftTarget,
  type Association,
  type ParsedAssociationInput,
  type WorkspacePreview,
} from '../../../shared/contract/associations';
import { associationKindRecord } from '../../../shared/contract/association-kinds';
import { errorCodes } from '../../../shared/errors';
import { defaultSessionName } from '../../../shared/aws-access-path';
import { defaultStateKey } from '../../../shared/terraform/backend';
import { CoreError } from '../core-error';
import type { EventBus } from '../event-bus';
import { GroupRepository } from '../groups/group-repository';
import type { Store } from '../store/database';
import { findTargetClash, targetClashError } from './one-target-per-group';
import { AssociationRepository } from './association-repository';
import { zipFiles } from './workspace-zip';
import { foreignFiles, readWorkspaceFiles, workspaceDir, writeWorkspaceFiles } from './workspace-files';
import {
  generateFiles,
  keyOf,
  otherMembers,
  settingsFromValues,
  settingsOf,
  sharedValues,
  valuesOf,
} from './workspace-plan';

export interface AssociationsServiceOptions {
  store: Store;
  events: EventBus;
  dataDir: string;
  now?: () => Date;
  newId?: () => string;
  /** Whose name a default AssumeRole session carries (`liaison-<user>`); the OS user by default. */
  localUser?: () => string;
}

const LAST_STEP = 3;

/**
 * Associations and their workspaces. A workspace belongs to an account or project, not to one
 * association: saving or removing an association regenerates the whole workspace from every
 * generated association in it, inside the same transaction as the rows.
 */
export class AssociationsService implements ServiceFor<typeof associationMethods> {
  readonly #store: Store;
  readonly #repository: AssociationRepository;
  readonly #groups: GroupRepository;
  readonly #events: EventBus;
  readonly #dataDir: string;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #localUser: () => string;

  constructor(options: AssociationsServiceOptions) {
    this.#store = options.store;
    this.#repository = new AssociationRepository(options.store);
    this.#groups = new GroupRepository(options.store);
    this.#events = options.events;
    this.#dataDir = options.dataDir;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
    this.#localUser = options.localUser ?? localUserName;
  }

  listAssociations(): Association[] {
    return this.#repository.list();
  }

  saveAssociationDraft(input: ParsedInput<'saveAssociationDraft'>): Association {
    const draft = this.#store.transaction(() => {
      const existing = input.id === undefined ? undefined : this.#require(input.id);
      if (existing?.status === 'generated') {
        throw new CoreError({
          code: errorCodes.conflict,
          field: 'id',
          message: 'This association has already been generated; it is changed by saving it again, not as a draft.',
        });
      }
      const timestamp = this.#now().toISOString();
      const saved: Association = {
        id: existing?.id ?? this.#newId(),
        status: 'draft',
        step: input.step,
        values: input.values,
        createdAt: existing?.createdAt ?? timestamp,
        updatedAt: timestamp,
      };
      this.#repository.upsert(saved);
      return { saved, replaced: this.#dropOtherDrafts(saved) };
    });
    this.#events.emit('associationsChanged', { ids: [draft.saved.id, ...draft.replaced] });
    return draft.saved;
  }

  /** Deletes every draft; generated associations are untouched. */
  discardAssociationDrafts(): MethodOutput<'discardAssociationDrafts'> {
    const deletedIds = this.#store.transaction(() => {
      const drafts = this.#repository.listDrafts();
      for (const draft of drafts) this.#repository.delete(draft.id);
      return drafts.map((draft) => draft.id);
    });
    if (deletedIds.length > 0) this.#events.emit('associationsChanged', { ids: deletedIds });
    return { deletedIds };
  }

  /** One draft per group and target: the others on the same target are superseded by `kept`. */
  #dropOtherDrafts(kept: Association): string[] {
    const target = draftTarget(kept.values);
    const others = this.#repository
      .listDrafts()
      .filter((draft) => draft.id !== kept.id && draftTarget(draft.values) === target);
    for (const other of others) this.#repository.delete(other.id);
    return others.map((other) => other.id);
  }

  previewAssociation(input: ParsedInput<'previewAssociation'>): WorkspacePreview {
    return this.#plan(this.#withSessionName(input)).preview;
  }

  saveAssociation(given: ParsedInput<'saveAssociation'>): { association: Association; preview: WorkspacePreview } {
    const input = this.#withSessionName(given);
    const { association, preview, changed } = this.#store.transaction(() => {
      const existing = input.id === undefined ? undefined : this.#repository.find(input.id);
      const clash = findTargetClash(this.#repository.list(), input, existing?.id);
      if (clash) throw targetClashError(input, clash);
      const plan = this.#plan(input);
      const timestamp = this.#now().toISOString();
      const saved: Association = {
        id: existing?.id ?? this.#newId(),
        status: 'generated',
        step: LAST_STEP,
        values: valuesOf(input),
        workspaceKey: plan.preview.workspaceKey,
        createdAt: existing?.createdAt ?? timestamp,
        updatedAt: timestamp,
        generatedAt: timestamp,
      };
      this.#repository.upsert(saved);
      // The others share the module instance, so they take this association's workspace settings.
      for (const other of plan.others)
        this.#repository.upsert({ ...other, values: { ...other.values, ...plan.shared } });
      writeWorkspaceFiles(plan.preview.workspaceDir, plan.preview.files, input.replaceForeignFiles);
      // An edit that moved the association to another account takes its group out of the old one.
      if (existing?.workspaceKey !== undefined && existing.workspaceKey !== saved.workspaceKey) {
        this.#rewrite(existing.workspaceKey, existing);
      }
      // Once saved, a draft for the same group and target has nothing left to resume.
      const dropped = this.#dropOtherDrafts(saved);
      return {
        association: saved,
        preview: plan.preview,
        changed: [saved.id, ...plan.others.map((o) => o.id), ...dropped],
      };
    });
    this.#events.emit('associationsChanged', { ids: changed });
    return {
      association,
      preview: { ...preview, current: readWorkspaceFiles(preview.workspaceDir), foreignFiles: [] },
    };
  }

  exportAssociationZip(input: ParsedInput<'exportAssociationZip'>): MethodOutput<'exportAssociationZip'> {
    const { preview } = this.#plan(this.#withSessionName(input));
    const zip = zipFiles(
      preview.files.map((file) => ({ path: `${preview.workspaceKey}/${file.path}`, content: file.content })),
      this.#now(),
    );
    return { fileName: `liaison-${preview.workspaceKey}.zip`, base64: Buffer.from(zip).toString('base64') };
  }

  deleteAssociation({ id }: ParsedInput<'deleteAssociation'>): MethodOutput<'deleteAssociation'> {
    const result = this.#store.transaction(() => {
      const existing = this.#require(id);
      this.#repository.delete(id);
      if (existing.status !== 'generated' || existing.workspaceKey === undefined) return { deletedId: id };
      // A workspace of its own (a role recipe's): its files stay as they are (Workspaces → Destroy removes the role).
      if (!associationKindRecord(existing.values).sharesWorkspace) {
        return { deletedId: id, workspaceDir: workspaceDir(this.#dataDir, existing.workspaceKey) };
      }
      return { deletedId: id, workspaceDir: this.#rewrite(existing.workspaceKey, existing) };
    });
    this.#events.emit('associationsChanged', { ids: [id] });
    return result;
  }

  /** An AssumeRole without a session name gets `liaison-<local user>`, written into main.tf and stored. */
  #withSessionName<T extends ParsedAssociationInput>(input: T): T {
    // Only a target reached through an access path has one (an AWS account's).
    if (!('accessPath' in input) || input.accessPath.kind !== 'assume-role' || input.accessPath.sessionName) {
      return input;
    }
    return { ...input, accessPath: { ...input.accessPath, sessionName: defaultSessionName(this.#localUser()) } };
  }

  /** The files a workspace gets once `input` is saved, beside the files it has now. */
  #plan(input: ParsedAssociationInput) {
    if (!this.#groups.find(input.groupId)) {
      throw new CoreError({
        code: errorCodes.notFound,
        field: 'groupId',
        message: 'The group does not exist',
        remediation: 'Pick a group from the list or create it first.',
      });
    }
    const settings = settingsOf(input);
    const key = keyOf(settings);
    this.#requireOwnState(key, input.backend);
    const others = otherMembers(this.#repository.listGenerated(key), input);
    const groupIds = [input.groupId, ...others.map((other) => other.values.groupId ?? '')];
    const files = generateFiles(settings, this.#named(groupIds));
    const dir = workspaceDir(this.#dataDir, key);
    const current = readWorkspaceFiles(dir);
    const preview: WorkspacePreview = {
      workspaceKey: key,
      workspaceDir: dir,
      files,
      current,
      groups: this.#named(groupIds).sort((a, b) => a.id.localeCompare(b.id)),
      foreignFiles: foreignFiles(current),
    };
    return { preview, others, shared: sharedValues(settings, input) };
  }

  /**
   * A shared backend must not point at another workspace's state: its init would read that state and
   * its apply would overwrite it. Compared with what every other workspace's associations store.
   */
  #requireOwnState(key: string, backend: ParsedAssociationInput['backend']): void {
    if (backend.type === 'local') return;
    const place =
      backend.type === 's3' ? `${backend.bucket}\0${backend.key}` : `${backend.bucket}\0${backend.prefix ?? ''}`;
    for (const other of this.#repository.list()) {
      const theirs = other.values.backend;
      if (other.status !== 'generated' || other.workspaceKey === key || theirs?.type !== backend.type) continue;
      const their =
        backend.type === 's3' ? `${theirs.bucket}\0${theirs.key}` : `${theirs.bucket}\0${theirs.prefix ?? ''}`;
      if (their !== place) continue;
      throw new CoreError({
        code: errorCodes.invalidInput,
        field: backend.type === 's3' ? 'backend.key' : 'backend.prefix',
        message: `Workspace ${other.workspaceKey ?? ''} keeps its state here; each workspace needs its own ${backend.type === 's3' ? 'state key' : 'prefix'}`,
        remediation: `Use ${defaultStateKey(key)} or another path no workspace uses.`,
      });
    }
  }

  /** Regenerates a workspace from the associations left in it (after `removed` leaves it). */
  #rewrite(key: string, removed: Association): string {
    const members = this.#repository.listGenerated(key).filter((each) => each.id !== removed.id);
    const settings = settingsFromValues(members[0]?.values ?? removed.values);
    const dir = workspaceDir(this.#dataDir, key);
    if (!settings) return dir;
    const files = generateFiles(settings, this.#named(members.map((each) => each.values.groupId ?? '')));
    // Only ever rewriting Liaison's own file here: a foreign main.tf still needs an explicit replace.
    writeWorkspaceFiles(dir, files, false);
    return dir;
  }

  #named(ids: readonly string[]): { id: string; name: string }[] {
    return ids.map((id) => ({ id, name: this.#groups.find(id)?.name ?? '' }));
  }

  #require(id: string): Association {
    const association = this.#repository.find(id);
    if (!association) {
      throw new CoreError({
        code: errorCodes.notFound,
        field: 'id',
        message: 'The association does not exist',
        remediation: 'Refresh the list; it may have been deleted.',
      });
    }
    return association;
  }
}

function localUserName(): string {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry (some containers): the session name still says who ran it.
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}
