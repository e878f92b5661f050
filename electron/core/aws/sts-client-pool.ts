import { AsyncLocalStorage } from 'node:async_hooks';
import {
  GetCallerIdentityCommand,
  STSClient,
  type GetCallerIdentityCommandOutput,
  type STSClientConfig,
} from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/** Variables that hold credentials, not client settings: they never go into a key. */
const SECRET_VARIABLES = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']);

/** The process's client-relevant environment (AWS_ENDPOINT_URL*, AWS_MAX_ATTEMPTS, HOME, ...). */
function environmentSettings(env: NodeJS.ProcessEnv): string {
  const entries: string[] = [];
  // Names first, values only for the few that matter: reading all of process.env costs ~3x as much.
  for (const name of Object.keys(env)) {
    if (
      (name.startsWith('AWS_') && !SECRET_VARIABLES.has(name)) ||
      ['HOME', 'USERPROFILE', 'HOMEPATH', 'HOMEDRIVE'].includes(name)
    ) {
      entries.push(`${name}=${env[name] ?? ''}`);
    }
  }
  return entries.sort().join('\n');
}

export interface StsCall {
  /** The profile whose settings the client follows (retries, FIPS, dual-stack, ...). */
  profile: string;
  /** `profileClientSettings` of that profile, from the files the credentials were resolved from. */
  settings: string;
  region: string;
}

export interface StsClientPoolOptions {
  requestHandler: NonNullable<STSClientConfig['requestHandler']>;
  env?: NodeJS.ProcessEnv;
}

/**
 * STS clients shared between verifications, so a batch pays for client set-up and connections once
 * rather than per profile. A client is built for the first profile with given settings, region and
 * environment, so it resolves exactly what a client built for any of those profiles would; the
 * credentials are not the client's: each call signs with the ones it passes, never another's.
 */
export class StsClientPool {
  readonly #options: StsClientPoolOptions;
  readonly #clients = new Map<string, PooledClient>();
  readonly #callCredentials = new AsyncLocalStorage<AwsCredentialIdentity>();
  /** Hands the SDK the credentials of the call being signed. */
  readonly #credentials: AwsCredentialIdentityProvider;

  constructor(options: StsClientPoolOptions) {
    this.#options = options;
    const storage = this.#callCredentials;
    // `memoized` tells the SDK not to wrap this in its cache, which would keep (and share between
    // concurrent calls) whichever credentials it saw first.
    this.#credentials = Object.assign(
      (): Promise<AwsCredentialIdentity> => {
        const credentials = storage.getStore();
        return credentials
          ? Promise.resolve(credentials)
          : Promise.reject(new Error('StsClientPool: a request was signed outside getCallerIdentity'));
      },
      { memoized: true },
    );
  }

  /** How many clients are open (for tests). */
  get size(): number {
    return this.#clients.size;
  }

  async getCallerIdentity(call: StsCall, credentials: AwsCredentialIdentity): Promise<GetCallerIdentityCommandOutput> {
    const pooled = this.#client(call);
    pooled.inFlight += 1;
    try {
      return await this.#callCredentials.run(credentials, () => pooled.client.send(new GetCallerIdentityCommand({})));
    } finally {
      pooled.inFlight -= 1;
      if (pooled.retired && pooled.inFlight === 0) pooled.client.destroy();
    }
  }

  /**
   * Retires every client (the files changed, or the app is closing): later calls get new ones; each
   * old one closes its connections once its calls in flight have landed.
   */
  clear(): void {
    for (const pooled of this.#clients.values()) {
      pooled.retired = true;
      if (pooled.inFlight === 0) pooled.client.destroy();
    }
    this.#clients.clear();
  }

  #client(call: StsCall): PooledClient {
    // Read per call, as a client made per call would: the environment may change between calls.
    const key = `${call.region}\n${call.settings}\n${environmentSettings(this.#options.env ?? process.env)}`;
    let pooled = this.#clients.get(key);
    if (!pooled) {
      const client = new STSClient({
        region: call.region,
        // The client reads the profile's own settings (max_attempts, retry_mode, use_fips_endpoint, ...)
        // as a client made for it would; endpoint_url, as the SDK has it, from AWS_ENDPOINT_URL* or
        // the active profile.
        profile: call.profile,
        credentials: this.#credentials,
        requestHandler: this.#options.requestHandler,
      });
      pooled = { client, inFlight: 0, retired: false };
      this.#clients.set(key, pooled);
    }
    return pooled;
  }
}

interface PooledClient {
  client: STSClient;
  inFlight: number;
  retired: boolean;
}
