import { awsErrorCodes, type AwsIdentity, type AwsProfile, type AwsVerification } from '../../../shared/contract/aws';
import type { ApiError } from '../../../shared/errors';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import type { AwsMfaPrompts } from './aws-mfa-prompts';
import type { AwsProfileCatalog } from './aws-profile-catalog';
import { describeAwsError } from './describe-aws-error';
import { resolveAwsIdentity, type ResolvedIdentity, type ResolveIdentityOptions } from './resolve-aws-identity';
import { runBounded } from './run-bounded';
import { StsClientPool } from './sts-client-pool';

export const DEFAULT_VERIFY_CONCURRENCY = 8;
/** A cached identity is dropped this long before its credentials expire. */
const EXPIRY_MARGIN_MS = 60_000;

export interface AwsIdentityVerifierOptions {
  catalog: AwsProfileCatalog;
  events: EventBus;
  mfa: AwsMfaPrompts;
  logger?: Logger;
  defaultRegion?: string;
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
  now?: () => Date;
}

interface CachedIdentity {
  identity: AwsIdentity;
  expiresAt: number;
}

/**
 * Verifies profiles: who each one really is. Caches identities until their credentials expire (or
 * the files change), shares one resolution between concurrent requests for a profile, and runs
 * batches with a concurrency limit, never prompting in them.
 */
export class AwsIdentityVerifier {
  readonly #options: AwsIdentityVerifierOptions;
  readonly #cache = new Map<string, CachedIdentity>();
  readonly #inFlight = new Map<string, Promise<AwsVerification>>();
  readonly #batches = new Map<string, AbortController>();
  readonly #requestHandler: ResolveIdentityOptions['requestHandler'];
  readonly #sts: StsClientPool;

  constructor(options: AwsIdentityVerifierOptions) {
    this.#options = options;
    this.#requestHandler = {
      requestTimeout: options.requestTimeoutMs ?? 15_000,
      connectionTimeout: options.connectionTimeoutMs ?? 5_000,
      // Without this the SDK only logs a warning and keeps waiting.
      throwOnRequestTimeout: true,
    };
    this.#sts = new StsClientPool({ requestHandler: this.#requestHandler });
  }

  /** Drops every cached identity and STS client (the files changed, or an SSO sign-in happened). */
  forget(): void {
    this.#cache.clear();
    this.#sts.clear();
  }

  /** Ends every batch and closes the STS clients once their calls land (the app is closing). */
  close(): void {
    this.cancelAll();
    this.#sts.clear();
  }

  cachedIdentity(profile: string): AwsIdentity | undefined {
    const cached = this.#cache.get(profile);
    return cached && cached.expiresAt > this.#now() ? cached.identity : undefined;
  }

  async verify(name: string, options: { refresh?: boolean; interactive: boolean }): Promise<AwsVerification> {
    const cached = options.refresh ? undefined : this.cachedIdentity(name);
    if (cached) return this.#publish({ profile: name, ok: true, identity: cached, cached: true });
    // An interactive request joins a running one; a batch never joins one that may be waiting on a prompt.
    const key = `${options.interactive ? 'i' : 'b'}:${name}`;
    const running = this.#inFlight.get(key);
    if (running) return running;
    const verification = this.#resolve(name, options.interactive)
      .then((result) => this.#publish(result))
      .finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, verification);
    return verification;
  }

  async verifyMany(
    batchId: string,
    names: string[],
    options: { concurrency?: number; refresh?: boolean },
  ): Promise<{ results: AwsVerification[]; cancelled: boolean }> {
    const controller = new AbortController();
    this.#batches.get(batchId)?.abort();
    this.#batches.set(batchId, controller);
    const unique = [...new Set(names)];
    let failed = 0;
    this.#options.events.emit('awsVerifyProgress', { batchId, done: 0, failed: 0, total: unique.length });
    try {
      const results = await runBounded(
        unique,
        options.concurrency ?? DEFAULT_VERIFY_CONCURRENCY,
        async (name) => this.verify(name, { interactive: false, ...(options.refresh ? { refresh: true } : {}) }),
        (result, done) => {
          if (!result.ok) failed += 1;
          this.#options.events.emit('awsVerifyProgress', { batchId, done, failed, total: unique.length });
        },
        controller.signal,
      );
      return { results, cancelled: controller.signal.aborted };
    } finally {
      if (this.#batches.get(batchId) === controller) this.#batches.delete(batchId);
    }
  }

  cancelBatch(batchId: string): boolean {
    const controller = this.#batches.get(batchId);
    controller?.abort();
    return controller !== undefined;
  }

  cancelAll(): void {
    for (const controller of this.#batches.values()) controller.abort();
  }

  async #resolve(name: string, interactive: boolean): Promise<AwsVerification> {
    const [profile, clientSettings] = await Promise.all([
      this.#options.catalog.profile(name),
      this.#options.catalog.clientSettings(name),
    ]);
    if (!profile || clientSettings === undefined) {
      return failure(name, {
        code: awsErrorCodes.profileNotFound,
        message: `There is no AWS profile named "${name}"`,
        remediation: `Check ${this.#options.catalog.paths.configFile} and ${this.#options.catalog.paths.credentialsFile}.`,
      });
    }
    const blocked = blockingProblem(profile);
    if (blocked) return failure(name, blocked);
    try {
      const resolved = await resolveAwsIdentity(name, {
        paths: this.#options.catalog.paths,
        region: profile.region ?? this.#options.defaultRegion ?? 'us-east-1',
        ...(interactive && profile.mfaSerial
          ? { mfaCodeProvider: (serial: string) => this.#options.mfa.ask(name, serial) }
          : {}),
        requestHandler: this.#requestHandler,
        sts: this.#sts,
        clientSettings,
      });
      const identity = this.#remember(name, resolved);
      return { profile: name, ok: true, identity, cached: false };
    } catch (error) {
      const described = describeAwsError(error, profile);
      this.#options.logger?.info({ profile: name, code: described.code }, 'AWS profile verification failed');
      return failure(name, described);
    }
  }

  #remember(name: string, resolved: ResolvedIdentity): AwsIdentity {
    const identity: AwsIdentity = {
      account: resolved.account,
      arn: resolved.arn,
      userId: resolved.userId,
      verifiedAt: new Date(this.#now()).toISOString(),
      ...(resolved.expiresAt ? { expiresAt: resolved.expiresAt.toISOString() } : {}),
    };
    const expiresAt = resolved.expiresAt ? resolved.expiresAt.getTime() - EXPIRY_MARGIN_MS : Number.POSITIVE_INFINITY;
    if (expiresAt > this.#now()) this.#cache.set(name, { identity, expiresAt });
    return identity;
  }

  #publish(verification: AwsVerification): AwsVerification {
    this.#options.events.emit('awsProfileVerified', verification);
    return verification;
  }

  #now(): number {
    return (this.#options.now?.() ?? new Date()).getTime();
  }
}

function failure(profile: string, error: ApiError): AwsVerification {
  return { profile, ok: false, error };
}

/** A profile the SDK certainly cannot resolve fails with its classification warning, not an SDK message. */
function blockingProblem(profile: AwsProfile): ApiError | undefined {
  if (profile.leafKind !== 'none') return undefined;
  const warning =
    profile.warnings.find((w) => w.code.startsWith('SOURCE_PROFILE') || w.code === 'CREDENTIAL_SOURCE_UNSUPPORTED') ??
    profile.warnings[0];
  return {
    code: profile.kind === 'none' ? awsErrorCodes.noCredentials : awsErrorCodes.profileInvalid,
    message: warning?.message ?? `"${profile.name}" has no credentials the SDK can use`,
    ...(warning?.remediation ? { remediation: warning.remediation } : {}),
  };
}
