import { randomBytes, randomUUID } from 'node:crypto';
import type { MethodOutput, ParsedInput } from '../../../shared/api';
import type { Association, WorkspacePreview } from '../../../shared/contract/associations';
import {
  roleWorkspaceKey,
  valuesOfRoleRecipe,
  type RoleRecipe,
  type roleRecipeMethods,
} from '../../../shared/contract/role-recipes';
import { errorCodes } from '../../../shared/errors';
import { roleRecipeFiles } from '../../../shared/terraform/role-recipe-files';
import { type AwsSessionCredentials } from '../aws/aws-session-credentials';
import { listEksClusters } from '../aws/eks-clusters';
import { redactSecrets } from '../aws/redact-secrets';
import { AssociationRepository } from '../associations/association-repository';
import { foreignFiles, readWorkspaceFiles, workspaceDir, writeWorkspaceFiles } from '../associations/workspace-files';
import type { ServiceFor } from '../contract-service';
import { CoreError } from '../core-error';
import type { EventBus } from '../event-bus';
import type { Store } from '../store/database';

export interface RoleRecipesServiceOptions {
  store: Store;
  /** Resolves a profile's keys for the EKS cluster picker. */
  awsKeys: AwsSessionCredentials;
  events: EventBus;
  dataDir: string;
  now?: () => Date;
  newId?: () => string;
}

/** The wizard's last step, as a saved platform association records it. */
const LAST_STEP = 3;
/** 32 random bytes: far beyond guessing, and base64url keeps to the characters STS allows in an External ID. */
const EXTERNAL_ID_BYTES = 32;

/**
 * Role recipes (issue 18): each role is its own workspace (`aws-<account>-role-<name>`) and one row
 * among the associations (its recipe kind, no group), so Apply, Check and the dashboard treat
 * it like any association.
 */
export class RoleRecipesService implements ServiceFor<typeof roleRecipeMethods> {
  readonly #store: Store;
  readonly #awsKeys: AwsSessionCredentials;
  readonly #repository: AssociationRepository;
  readonly #events: EventBus;
  readonly #dataDir: string;
  readonly #now: () => Date;
  readonly #newId: () => string;

  constructor(options: RoleRecipesServiceOptions) {
    this.#store = options.store;
    this.#awsKeys = options.awsKeys;
    this.#repository = new AssociationRepository(options.store);
    this.#events = options.events;
    this.#dataDir = options.dataDir;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
  }

  async listEksClusters({
    accountId,
    profile,
    region,
  }: ParsedInput<'listEksClusters'>): Promise<MethodOutput<'listEksClusters'>> {
    const keys = await this.#awsKeys.resolve(profile, { interactive: true });
    try {
      return { clusters: await listEksClusters({ ...keys, region }, { profile, region, accountId }) };
    } catch (error) {
      throw new CoreError({
        code: errorCodes.transport,
        field: 'clusterName',
        message: `Could not list the EKS clusters in ${region}: ${redactSecrets(error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''}`,
        remediation: 'Check the profile and region, or type the issuer URL instead.',
      });
    }
  }

  newExternalId(): MethodOutput<'newExternalId'> {
    return { externalId: randomBytes(EXTERNAL_ID_BYTES).toString('base64url') };
  }

  previewRoleRecipe(role: ParsedInput<'previewRoleRecipe'>): WorkspacePreview {
    return this.#preview(role);
  }

  saveRoleRecipe(input: ParsedInput<'saveRoleRecipe'>): { association: Association; preview: WorkspacePreview } {
    const { replaceForeignFiles, ...role } = input;
    const { association, preview } = this.#store.transaction(() => {
      const existing = role.id === undefined ? undefined : this.#repository.find(role.id);
      const preview = this.#preview(role);
      const other = this.#repository.listGenerated(preview.workspaceKey).find((each) => each.id !== existing?.id);
      if (other) {
        throw new CoreError({
          code: errorCodes.conflict,
          field: 'roleName',
          message: `A role named ${role.roleName} is already set up in account ${role.accountId} (workspace ${preview.workspaceKey})`,
          remediation: 'Choose another role name, or open that role from the dashboard to change it.',
        });
      }
      const timestamp = this.#now().toISOString();
      const saved: Association = {
        id: existing?.id ?? this.#newId(),
        status: 'generated',
        step: LAST_STEP,
        values: valuesOfRoleRecipe(role),
        workspaceKey: preview.workspaceKey,
        createdAt: existing?.createdAt ?? timestamp,
        updatedAt: timestamp,
        generatedAt: timestamp,
      };
      this.#repository.upsert(saved);
      writeWorkspaceFiles(preview.workspaceDir, preview.files, replaceForeignFiles);
      return { association: saved, preview };
    });
    this.#events.emit('associationsChanged', { ids: [association.id] });
    return {
      association,
      preview: { ...preview, current: readWorkspaceFiles(preview.workspaceDir), foreignFiles: [] },
    };
  }

  #preview(role: RoleRecipe): WorkspacePreview {
    const key = roleWorkspaceKey(role.accountId, role.roleName);
    const dir = workspaceDir(this.#dataDir, key);
    const current = readWorkspaceFiles(dir);
    return {
      workspaceKey: key,
      workspaceDir: dir,
      files: roleRecipeFiles(role),
      current,
      groups: [],
      foreignFiles: foreignFiles(current),
    };
  }
}
