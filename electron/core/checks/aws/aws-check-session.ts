import { IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsConfigPaths } from '../../aws/aws-config-paths';
import { awsProfileCredentialProvider } from '../../aws/aws-credential-provider';
import type { PaceCalls } from '../check-scope';

export interface AwsCheckTimeouts {
  requestTimeoutMs: number;
  connectionTimeoutMs: number;
  /** Attempts per call, the first included: the SDK's standard retry backs off on throttling and 5xx. */
  maxAttempts: number;
}

export const DEFAULT_AWS_CHECK_TIMEOUTS: AwsCheckTimeouts = {
  requestTimeoutMs: 15_000,
  connectionTimeoutMs: 5_000,
  maxAttempts: 4,
};

/** Resolved AWS credentials, renewed by whoever made them; they stay in the main process. */
export type CheckCredentials = () => Promise<{
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}>;

export interface AwsCheckSession {
  account: string;
  arn: string;
  partition: string;
  iam: IAMClient;
  /** An STS client that sends no credentials: AssumeRoleWithWebIdentity is authorised by the token alone. */
  anonymousSts: STSClient;
  clientConfig: ReturnType<typeof clientConfig>;
  /** The session's credentials (renewed before they expire): the source of an AssumeRole into a member account. */
  credentials: CheckCredentials;
  /** Counts one API call against the account's rate limit; every client of the session calls it per attempt. */
  pace: () => Promise<void>;
  close(): void;
}

type PassThrough = <Args, Result>(next: (args: Args) => Promise<Result>) => (args: Args) => Promise<Result>;
interface PacedClient {
  middlewareStack: {
    addRelativeTo(middleware: PassThrough, options: { relation: 'after'; toMiddleware: string; name: string }): void;
  };
}

/**
 * Makes `client` wait for `pace` before every attempt it sends (after the SDK's retry middleware),
 * so the run's rate limit counts real API calls, retries included, not checks.
 */
export function paceClient<Client extends PacedClient>(client: Client, pace: () => Promise<void>): Client {
  const paced: PassThrough = (next) => async (args) => {
    await pace();
    return next(args);
  };
  client.middlewareStack.addRelativeTo(paced, {
    relation: 'after',
    toMiddleware: 'retryMiddleware',
    name: 'liaisonPaceMiddleware',
  });
  return client;
}

export function clientConfig(profile: string, region: string, timeouts: AwsCheckTimeouts) {
  return {
    region,
    // Lets the clients honour the profile's endpoint_url / services section, as the CLI does.
    profile,
    maxAttempts: timeouts.maxAttempts,
    retryMode: 'standard',
    requestHandler: {
      requestTimeout: timeouts.requestTimeoutMs,
      connectionTimeout: timeouts.connectionTimeoutMs,
      throwOnRequestTimeout: true,
    },
  } as const;
}

/** How long before expiry credentials are renewed: the SDK's own margin for refreshing an identity. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** While the held credentials are still valid, a renewal is tried at most this often. */
const RENEW_INTERVAL_MS = 60_000;

/**
 * The credentials already resolved, renewed through `provider` once they are about to expire: a
 * session lives for a whole run, which may outlast temporary credentials. Every client of the
 * session shares one holder, so a renewal (an AssumeRole, an SSO call) happens once for all of them.
 * A renewal that fails leaves the held credentials in use while they are valid (and is tried again a
 * minute later); credentials that live less than the margin are not renewed on every call either.
 */
export function refreshing<Credentials extends { expiration?: Date }>(
  resolved: Credentials,
  provider: () => Promise<Credentials>,
  now: () => number = Date.now,
): () => Promise<Credentials> {
  let current: Promise<Credentials> = Promise.resolve(resolved);
  let renewedAt = Number.NEGATIVE_INFINITY;
  return async () => {
    const held = current;
    const credentials = await held;
    const left = credentials.expiration ? credentials.expiration.getTime() - now() : Number.POSITIVE_INFINITY;
    if (left > REFRESH_MARGIN_MS) return credentials;
    // The first caller to see them expiring starts the renewal; the others join it.
    if (current === held) {
      if (left > 0 && now() - renewedAt < RENEW_INTERVAL_MS) return credentials;
      renewedAt = now();
      current = provider().catch((error: unknown) => {
        current = held;
        throw error;
      });
    }
    try {
      return await current;
    } catch (error) {
      if (left > 0) return credentials;
      throw error;
    }
  };
}

/**
 * Resolves the profile through the one credential provider (as verification and Terraform do) but never prompts:
 * without an MFA callback the SDK refuses a profile that needs a code, and an SSO profile without a
 * valid cached token fails; both surface as sign-in errors. The credentials stay in the clients.
 */
export async function openAwsCheckSession(
  profile: string,
  options: {
    paths: AwsConfigPaths;
    region: string;
    timeouts: AwsCheckTimeouts;
    /** The run's per-account pacing; GetCallerIdentity is counted against `expectedAccount`, the rest against the account it names. */
    pace?: PaceCalls;
    expectedAccount?: string;
  },
): Promise<AwsCheckSession> {
  const paceFor = (account: string | undefined) => (): Promise<void> =>
    account && options.pace ? options.pace(`aws:${account}`) : Promise.resolve();
  const config = clientConfig(profile, options.region, options.timeouts);
  const provider = awsProfileCredentialProvider(profile, {
    paths: options.paths,
    region: options.region,
    requestHandler: config.requestHandler,
  });
  const credentials = refreshing(await provider(), provider);
  return sessionWith(credentials, config, paceFor, options.expectedAccount);
}

/**
 * The session for credentials already resolved: who they are (GetCallerIdentity, counted against
 * `expectedAccount`) and the clients that sign with them. Also used for a member account reached
 * through a role, whose credentials come from AssumeRole.
 */
export async function sessionWith(
  credentials: CheckCredentials,
  config: ReturnType<typeof clientConfig>,
  paceFor: (account: string | undefined) => () => Promise<void>,
  expectedAccount: string | undefined,
): Promise<AwsCheckSession> {
  const sts = paceClient(new STSClient({ ...config, credentials }), paceFor(expectedAccount));
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    if (!identity.Account || !identity.Arn) throw new Error('STS GetCallerIdentity returned an incomplete identity');
    const pace = paceFor(identity.Account);
    const iam = paceClient(new IAMClient({ ...config, credentials }), pace);
    const anonymousSts = paceClient(
      new STSClient({
        ...config,
        credentials: { accessKeyId: '', secretAccessKey: '' },
        // AssumeRoleWithWebIdentity is unsigned; this keeps the operator's keys off that request entirely.
        signer: { sign: (request) => Promise.resolve(request) },
      }),
      pace,
    );
    return {
      account: identity.Account,
      arn: identity.Arn,
      partition: identity.Arn.split(':')[1] ?? 'aws',
      iam,
      anonymousSts,
      clientConfig: config,
      credentials,
      pace,
      close: () => {
        iam.destroy();
        anonymousSts.destroy();
      },
    };
  } finally {
    sts.destroy();
  }
}
