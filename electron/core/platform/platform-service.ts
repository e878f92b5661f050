import type { ParsedInput } from '../../../shared/api';
import type { platformMethods } from '../../../shared/contract/platform';
import type { ServiceFor } from '../contract-service';
import {
  platformErrorCodes,
  type PlatformConnection,
  type PlatformEnvironmentSetting,
  type PlatformGroup,
  type PlatformHolding,
  type PlatformSettings,
  type RegistrationPlanView,
} from '../../../shared/contract/platform';
import { derivedConsoleApiUrl } from '../../../shared/platform/console-api-url-rule';
import { associationInputSchema, type ParsedAssociationInput } from '../../../shared/contract/associations';
import { errorCodes } from '../../../shared/errors';
import { targetIdOf, targetKind } from '../../../shared/targets/target-kinds';
import {
  planRegistration,
  planUnset,
  type AccountAssociationsRecord,
  type CloudTarget,
} from '../../../shared/platform/association-record';
import { AssociationRepository } from '../associations/association-repository';
import { CoreError } from '../core-error';
import type { Logger } from '../logger';
import type { Store } from '../store/database';
import { ChainctlTokenSource, findChainctl, loginCommand, CHAINCTL_INSTALL } from './chainctl-token-source';
import { consoleApiFor, envOverride, type ConsoleApi } from './console-api-url';
import { PlatformClient } from './platform-client';
import { PlatformSettingsRepository } from './platform-settings-repository';
import type { PlatformCheckStatus } from './platform-wire';

export interface PlatformServiceOptions {
  store: Store;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  now?: () => Date;
  chainctlTimeoutMs?: number;
  requestTimeoutMs?: number;
  retryBaseMs?: number;
}

/** The platform side of Liaison: the operator's sign-in, the platform's groups, registration and its check. */
export class PlatformService implements ServiceFor<typeof platformMethods> {
  readonly #options: PlatformServiceOptions;
  readonly #tokens: ChainctlTokenSource;
  readonly #associations: AssociationRepository;
  readonly #settings: PlatformSettingsRepository;

  constructor(options: PlatformServiceOptions) {
    this.#options = options;
    this.#tokens = new ChainctlTokenSource({
      env: options.env,
      ...(options.chainctlTimeoutMs ? { timeoutMs: options.chainctlTimeoutMs } : {}),
    });
    this.#associations = new AssociationRepository(options.store);
    this.#settings = new PlatformSettingsRepository(options.store, options.now);
  }

  /** Whether chainctl is there at all; without it Liaison works offline and asks the platform nothing. */
  available(): boolean {
    return findChainctl(this.#options.env) !== undefined;
  }

  /** The API every call for `environment` goes to: CHAINGUARD_CONSOLE_API, the saved URL, or the derived one. */
  api(environment: string): ConsoleApi {
    return consoleApiFor(environment, this.#options.env, this.#settings.savedUrl(environment));
  }

  /** The environment chosen in Settings → Platform (enforce.dev until one is saved). */
  currentEnvironment(): string {
    return this.#settings.current();
  }

  client(environment: string): PlatformClient {
    return new PlatformClient({
      environment,
      api: this.api(environment),
      env: this.#options.env,
      tokens: this.#tokens,
      ...(this.#options.requestTimeoutMs ? { requestTimeoutMs: this.#options.requestTimeoutMs } : {}),
      ...(this.#options.retryBaseMs ? { retryBaseMs: this.#options.retryBaseMs } : {}),
    });
  }

  getPlatformSettings(): PlatformSettings {
    const current = this.#settings.current();
    const saved = this.#settings.list();
    const others = saved.map((row) => row.environment).filter((environment) => environment !== current);
    const override = envOverride(this.#options.env);
    return {
      current,
      environments: [current, ...others].map((environment) => this.#environmentSetting(environment, saved)),
      ...(override ? { envOverride: override } : {}),
    };
  }

  savePlatformSettings({ environment, apiUrl }: ParsedInput<'savePlatformSettings'>): PlatformSettings {
    // The derived URL is not saved as such: the environment keeps following its domain.
    const saved = apiUrl === undefined || apiUrl === derivedConsoleApiUrl(environment) ? undefined : apiUrl;
    this.#settings.save(environment, saved);
    this.#options.logger.info({ environment, apiUrl: saved ?? 'derived' }, 'platform environment saved');
    return this.getPlatformSettings();
  }

  #environmentSetting(
    environment: string,
    saved: readonly { environment: string; apiUrl?: string }[],
  ): PlatformEnvironmentSetting {
    const savedApiUrl = saved.find((row) => row.environment === environment)?.apiUrl;
    const api = consoleApiFor(environment, this.#options.env, savedApiUrl);
    return {
      environment,
      derivedApiUrl: derivedConsoleApiUrl(environment),
      ...(savedApiUrl ? { savedApiUrl } : {}),
      apiUrl: api.url,
      apiUrlSource: api.source,
    };
  }

  async getPlatformConnection({ environment }: ParsedInput<'getPlatformConnection'>): Promise<PlatformConnection> {
    const api = this.api(environment);
    const base = { environment, apiUrl: api.url, apiUrlSource: api.source, loginCommand: loginCommand(api.url) };
    if (!this.available()) {
      return {
        ...base,
        state: 'chainctl-missing',
        message: 'chainctl was not found on PATH.',
        remediation: CHAINCTL_INSTALL,
      };
    }
    try {
      // Asked fresh: the status line must say what chainctl holds now (a sign-out in a terminal, say).
      const token = await this.#tokens.token(api.url, true);
      const { subject, email, expiresAt } = token.claims;
      return {
        ...base,
        state: 'signed-in',
        identity: {
          subject,
          ...(email ? { email } : {}),
          ...(expiresAt ? { expiresAt: new Date(expiresAt * 1000).toISOString() } : {}),
        },
        message: `Signed in as ${email ?? subject}.`,
      };
    } catch (error) {
      if (!(error instanceof CoreError)) throw error;
      const state =
        error.code === platformErrorCodes.signedOut
          ? 'signed-out'
          : error.code === platformErrorCodes.chainctlMissing
            ? 'chainctl-missing'
            : 'chainctl-failed';
      return {
        ...base,
        state,
        message: error.message,
        ...(error.remediation ? { remediation: error.remediation } : {}),
      };
    }
  }

  async signInToPlatform({ environment }: ParsedInput<'signInToPlatform'>): Promise<PlatformConnection> {
    const api = this.api(environment);
    await this.#tokens.login(api.url);
    return this.getPlatformConnection({ environment });
  }

  async listPlatformGroups({ environment }: ParsedInput<'listPlatformGroups'>): Promise<PlatformGroup[]> {
    const groups = await this.client(environment).listGroups();
    return groups
      .filter((g) => /^[0-9a-f]{40}(\/[0-9a-f]{16})*$/.test(g.id))
      .map((g) => ({ id: g.id, name: g.name, description: g.description }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  async listPlatformAssociations({ environment }: ParsedInput<'listPlatformAssociations'>): Promise<PlatformHolding[]> {
    const records = await this.client(environment).listAssociations();
    return records.map((record) => ({
      group: record.group,
      ...(record.amazon?.account ? { aws: record.amazon.account } : {}),
      ...(record.google?.projectId ? { gcp: record.google.projectId } : {}),
    }));
  }

  async createPlatformFolder(input: ParsedInput<'createPlatformFolder'>): Promise<PlatformGroup> {
    const { environment, parentId, name, description } = input;
    const created = await this.client(environment).createGroup(parentId, { name, description });
    this.#options.logger.info({ environment, parentId, id: created.id }, 'platform folder created');
    return { id: created.id, name: created.name, description: created.description };
  }

  async planPlatformRegistration({
    associationId,
  }: ParsedInput<'planPlatformRegistration'>): Promise<RegistrationPlanView> {
    const target = this.#target(associationId);
    const existing = await this.client(target.environment).readAssociation(target.groupId);
    return view(associationId, target, existing);
  }

  /** Writes the record (create, add this cloud, or replace after confirmation), then asks the platform's check. */
  async registerPlatformAssociation({
    associationId,
    confirmReplace,
  }: ParsedInput<'registerPlatformAssociation'>): Promise<{ plan: RegistrationPlanView; check?: PlatformCheckStatus }> {
    const target = this.#target(associationId);
    const client = this.client(target.environment);
    const existing = await client.readAssociation(target.groupId);
    const plan = planRegistration(target.groupId, existing, cloudTarget(target));
    if (plan.kind === 'replace' && confirmReplace !== plan.replaces) {
      throw new CoreError({
        code: platformErrorCodes.replaceNotConfirmed,
        field: 'confirmReplace',
        message: `The platform holds ${plan.replaces} for group ${target.groupId}; a group has one ${targetKind(target.cloud).label}, so registering replaces it.`,
        remediation: `Confirm replacing ${plan.replaces}, or choose another group for this ${targetKind(target.cloud).noun}.`,
      });
    }
    if (plan.kind === 'create') await client.createAssociation(plan.record);
    else if (plan.kind !== 'unchanged') await client.updateAssociation(plan.record);
    this.#options.logger.info(
      { associationId, group: target.groupId, cloud: target.cloud, kind: plan.kind },
      'association registered on the platform',
    );
    const check = await client
      .check(target.groupId, targetKind(target.cloud).platformAccountType)
      .catch((error: unknown) => {
        this.#options.logger.warn({ associationId, err: String(error) }, 'platform check after registration failed');
        return undefined;
      });
    return { plan: view(associationId, target, existing), ...(check ? { check } : {}) };
  }

  /** Takes this association's cloud out of the group's record, keeping the other cloud's half. */
  async unsetPlatformAssociation({
    associationId,
  }: ParsedInput<'unsetPlatformAssociation'>): Promise<{ outcome: 'deleted' | 'updated' | 'nothing'; detail: string }> {
    const target = this.#target(associationId);
    const client = this.client(target.environment);
    const existing = await client.readAssociation(target.groupId);
    const wanted = targetIdOf(target) ?? '';
    const plan = planUnset(existing, target.cloud, wanted);
    if (plan.kind === 'nothing') return { outcome: 'nothing', detail: plan.reason };
    if (plan.kind === 'delete') {
      await client.deleteAssociation(target.groupId);
      return {
        outcome: 'deleted',
        detail: `The platform no longer associates group ${target.groupId} with ${wanted}.`,
      };
    }
    await client.updateAssociation(plan.record);
    return {
      outcome: 'updated',
      detail: `The platform no longer associates group ${target.groupId} with ${wanted}; the other cloud's half is kept.`,
    };
  }

  #target(associationId: string): ParsedAssociationInput {
    const association = this.#associations.find(associationId);
    const parsed = association ? associationInputSchema.safeParse(association.values) : undefined;
    if (!association || !parsed?.success) {
      throw new CoreError({
        code: errorCodes.notFound,
        field: 'associationId',
        message: association ? 'Only a complete association can be registered' : 'The association does not exist',
        remediation: 'Finish the wizard and save the association first.',
      });
    }
    return parsed.data;
  }
}

export function cloudTarget(target: ParsedAssociationInput): CloudTarget {
  const cloudTarget = targetKind(target.cloud).platformTarget(target);
  // A parsed input names its whole target (the contract requires each id).
  if (!cloudTarget) throw new Error(`Association for group ${target.groupId} names no whole target`);
  return cloudTarget;
}

function view(
  associationId: string,
  target: ParsedAssociationInput,
  existing: AccountAssociationsRecord | undefined,
): RegistrationPlanView {
  const plan = planRegistration(target.groupId, existing, cloudTarget(target));
  const halves = (record: AccountAssociationsRecord) => ({
    ...(record.amazon ? { amazon: { account: record.amazon.account } } : {}),
    ...(record.google
      ? {
          google: {
            projectId: record.google.projectId,
            ...(record.google.projectNumber ? { projectNumber: record.google.projectNumber } : {}),
          },
        }
      : {}),
  });
  return {
    associationId,
    group: target.groupId,
    cloud: target.cloud,
    kind: plan.kind,
    ...(existing ? { before: halves(existing) } : {}),
    after: halves(plan.record),
    ...(plan.kind === 'replace' ? { replaces: plan.replaces } : {}),
  };
}
