import type { z } from 'zod';
import { platformErrorCodes } from '../../../shared/contract/platform';
import type { AccountAssociationsRecord } from '../../../shared/platform/association-record';
import { redactSecrets } from '../aws/redact-secrets';
import { CoreError } from '../core-error';
import type { ChainctlTokenSource } from './chainctl-token-source';
import { consoleApiFor, type ConsoleApi } from './console-api-url';
import {
  emptySchema,
  wireAccountAssociationsListSchema,
  wireAccountAssociationsSchema,
  wireCheckStatusSchema,
  wireErrorSchema,
  wireGroupListSchema,
  wireGroupSchema,
  type PlatformCheckStatus,
} from './platform-wire';

/*
 * Liaison speaks the platform's IAM API v1 (chainguard.platform.iam, /iam/v1/...), not v2: v1's
 * GroupAccountAssociations keeps exactly one record per group keyed by the group's UIDP (the "one AWS
 * account and one GCP project per group" rule Liaison enforces), its check answers Ready/NotReady
 * with the platform's reason and message, and it is what chainctl's `set-aws`/`check-aws` and the
 * Terraform provider's account-associations resource use. Paths and JSON follow the proto's
 * google.api.http annotations: POST/PUT/DELETE /iam/v1/account_associations/{group=**},
 * GET /iam/v1/account_associations?group=, POST /iam/v1/account_associations/{group=**}:check,
 * GET /iam/v1/groups, POST /iam/v1/groups/{parent=**} (body: the group).
 */

export interface PlatformClientOptions {
  environment: string;
  /** The API this environment uses (CHAINGUARD_CONSOLE_API, its saved URL, or derived); derived when absent. */
  api?: ConsoleApi;
  env: NodeJS.ProcessEnv;
  tokens: ChainctlTokenSource;
  /** Per request; a hung platform is reported, not waited on forever. */
  requestTimeoutMs?: number;
  /** Retries of 429 and 5xx answers, with exponential backoff from `retryBaseMs`. */
  maxRetries?: number;
  retryBaseMs?: number;
  signal?: AbortSignal;
}

interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** The capability the call needs, named when the platform answers 403. */
  capability: string;
  /** What the call is about, for messages ("group 3f2a…", "the association record of …"). */
  subject: string;
  schema: z.ZodType<T>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_RETRY_BASE_MS = 250;
const MAX_RETRY_AFTER_MS = 10_000;

export class PlatformClient {
  readonly api: ConsoleApi;
  readonly #options: PlatformClientOptions;

  constructor(options: PlatformClientOptions) {
    this.#options = options;
    this.api = options.api ?? consoleApiFor(options.environment, options.env);
  }

  async listGroups(filter: { id?: string; descendantsOf?: string } = {}): Promise<z.infer<typeof wireGroupSchema>[]> {
    const query: Record<string, string> = {};
    if (filter.id) query.id = filter.id;
    if (filter.descendantsOf) query['uidp.descendantsOf'] = filter.descendantsOf;
    const list = await this.#request({
      method: 'GET',
      path: '/iam/v1/groups',
      query,
      capability: 'groups.list',
      subject: 'the groups',
      schema: wireGroupListSchema,
    });
    return list.items;
  }

  createGroup(parent: string, group: { name: string; description: string }): Promise<z.infer<typeof wireGroupSchema>> {
    return this.#request({
      method: 'POST',
      path: `/iam/v1/groups/${parent}`,
      body: { name: group.name, description: group.description },
      capability: 'groups.create',
      subject: `a folder under ${parent}`,
      schema: wireGroupSchema,
    });
  }

  /** Every record the caller can see. */
  async listAssociations(): Promise<AccountAssociationsRecord[]> {
    const list = await this.#request({
      method: 'GET',
      path: '/iam/v1/account_associations',
      capability: 'account_associations.list',
      subject: 'the association records',
      schema: wireAccountAssociationsListSchema,
    });
    return list.items as AccountAssociationsRecord[];
  }

  /** The group's record, or undefined when the platform has none. */
  async readAssociation(group: string): Promise<AccountAssociationsRecord | undefined> {
    const list = await this.#request({
      method: 'GET',
      path: '/iam/v1/account_associations',
      query: { group },
      capability: 'account_associations.list',
      subject: `the association record of group ${group}`,
      schema: wireAccountAssociationsListSchema,
    });
    return list.items.find((item) => item.group === group) as AccountAssociationsRecord | undefined;
  }

  createAssociation(record: AccountAssociationsRecord): Promise<AccountAssociationsRecord> {
    return this.#writeAssociation('POST', record, 'account_associations.create');
  }

  updateAssociation(record: AccountAssociationsRecord): Promise<AccountAssociationsRecord> {
    return this.#writeAssociation('PUT', record, 'account_associations.update');
  }

  async deleteAssociation(group: string): Promise<void> {
    await this.#request({
      method: 'DELETE',
      path: `/iam/v1/account_associations/${group}`,
      capability: 'account_associations.delete',
      subject: `the association record of group ${group}`,
      schema: emptySchema,
    });
  }

  /** The platform's own live check of the group's AWS or GCP association. */
  check(group: string, accountType: 'AMAZON' | 'GOOGLE'): Promise<PlatformCheckStatus> {
    return this.#request({
      method: 'POST',
      path: `/iam/v1/account_associations/${group}:check`,
      body: { group, accountType },
      capability: 'account_associations.list',
      subject: `the association of group ${group}`,
      schema: wireCheckStatusSchema,
    });
  }

  async #writeAssociation(
    method: 'POST' | 'PUT',
    record: AccountAssociationsRecord,
    capability: string,
  ): Promise<AccountAssociationsRecord> {
    const written = await this.#request({
      method,
      path: `/iam/v1/account_associations/${record.group}`,
      body: record,
      capability,
      subject: `the association record of group ${record.group}`,
      schema: wireAccountAssociationsSchema,
    });
    return written as AccountAssociationsRecord;
  }

  async #request<T>(spec: RequestSpec<T>): Promise<T> {
    // Group ids are validated UIDPs (hex and "/"), placed in the path as the {group=**} template expects.
    const url = new URL(`${this.api.url}${spec.path}`);
    for (const [name, value] of Object.entries(spec.query ?? {})) url.searchParams.set(name, value);
    const maxRetries = this.#options.maxRetries ?? DEFAULT_RETRIES;
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      const token = await this.#options.tokens.token(this.api.url, refreshed);
      const response = await this.#send(url, spec, token.value);
      if (response.status === 401 && !refreshed) {
        // Once: chainctl may hold a newer token than the one this process cached.
        refreshed = true;
        attempt--;
        await response.body?.cancel();
        continue;
      }
      if ((response.status === 429 || response.status >= 500) && attempt < maxRetries) {
        await response.body?.cancel();
        await this.#sleep(this.#backoff(attempt, response.headers.get('retry-after')));
        continue;
      }
      const text = await this.#read(response, spec);
      if (!response.ok) throw this.#statusError(response.status, text, spec, attempt);
      return this.#parse(text, spec);
    }
  }

  async #send(url: URL, spec: RequestSpec<unknown>, token: string): Promise<Response> {
    const timeout = AbortSignal.timeout(this.#options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS);
    const signal = this.#options.signal ? AbortSignal.any([timeout, this.#options.signal]) : timeout;
    try {
      return await fetch(url, {
        method: spec.method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(spec.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
        signal,
        redirect: 'error',
      });
    } catch (error) {
      const timedOut = timeout.aborted;
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new CoreError(
        {
          code: platformErrorCodes.unreachable,
          message: timedOut
            ? `The platform at ${this.api.url} did not answer within ${Math.round((this.#options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s.`
            : `The platform at ${this.api.url} could not be reached (${cause}).`,
          remediation:
            'Check the network connection (and a proxy, if one is needed), then try again; what does not need the platform still works.',
        },
        { cause: error },
      );
    }
  }

  async #read(response: Response, spec: RequestSpec<unknown>): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      throw new CoreError(
        {
          code: platformErrorCodes.unreachable,
          message: `The platform's answer about ${spec.subject} was cut off.`,
          remediation: 'Try again.',
        },
        { cause: error },
      );
    }
  }

  #parse<T>(text: string, spec: RequestSpec<T>): T {
    let json: unknown;
    try {
      json = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      throw this.#badResponse(spec, 'it is not JSON');
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) throw this.#badResponse(spec, parsed.error.issues[0]?.message ?? 'unexpected shape');
    return parsed.data;
  }

  #badResponse(spec: RequestSpec<unknown>, why: string): CoreError {
    return new CoreError({
      code: platformErrorCodes.badResponse,
      message: `The platform's answer about ${spec.subject} could not be read (${why}).`,
      remediation: `Check that ${this.api.url} is the platform API (CHAINGUARD_CONSOLE_API overrides it), then try again.`,
    });
  }

  #statusError(status: number, text: string, spec: RequestSpec<unknown>, retries: number): CoreError {
    const said = platformMessage(text);
    const suffix = said ? ` The platform said: ${said}` : '';
    const login = `chainctl auth login${this.api.url === 'https://console-api.enforce.dev' ? '' : ` --audience ${this.api.url}`}`;
    if (status === 401) {
      return new CoreError({
        code: platformErrorCodes.unauthenticated,
        message: `Needs sign-in: the platform did not accept your sign-in for ${spec.subject}.${suffix}`,
        remediation: `Run \`${login}\` (or Sign in in Settings → Platform), then try again.`,
      });
    }
    if (status === 403) {
      return new CoreError({
        code: platformErrorCodes.forbidden,
        message: `You lack the capability ${spec.capability} for ${spec.subject}.${suffix}`,
        remediation: `Ask an owner of the group for a role with ${spec.capability} (viewers and editors cannot register associations).`,
      });
    }
    if (status === 404) {
      return new CoreError({
        code: platformErrorCodes.notFound,
        message: `The platform does not know ${spec.subject}.${suffix}`,
        remediation: 'Check the group id (Groups lists what the platform holds) and the environment.',
      });
    }
    if (status === 409) {
      return new CoreError({
        code: platformErrorCodes.conflict,
        message: `The platform refused to change ${spec.subject}: it was changed meanwhile or already exists.${suffix}`,
        remediation: 'Read the record again and retry.',
      });
    }
    if (status === 429 || status >= 500) {
      return new CoreError({
        code: platformErrorCodes.unavailable,
        message: `The platform answered ${status} for ${spec.subject}${retries > 0 ? ` ${retries + 1} times` : ''}.${suffix}`,
        remediation: 'The platform is busy or failing; try again in a minute.',
      });
    }
    return new CoreError({
      code: platformErrorCodes.badRequest,
      message: `The platform refused the request about ${spec.subject} (HTTP ${status}).${suffix}`,
      remediation: 'Check the values and try again.',
    });
  }

  #backoff(attempt: number, retryAfter: string | null): number {
    const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
    const base = (this.#options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS) * 2 ** attempt;
    // Half fixed, half random, so many checks retrying together spread out.
    return base / 2 + Math.random() * (base / 2);
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const signal = this.#options.signal;
      if (signal?.aborted) return reject(signal.reason as Error);
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      });
    });
  }
}

/** The `message` of a google.rpc.Status body, redacted and capped; empty when there is none. */
function platformMessage(text: string): string {
  try {
    const parsed = wireErrorSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.message ? redactSecrets(parsed.data.message).slice(0, 500) : '';
  } catch {
    return '';
  }
}
