import { IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import type { AwsConfigPaths } from '../../aws/aws-config-paths';

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

export interface AwsCheckSession {
  account: string;
  arn: string;
  partition: string;
  iam: IAMClient;
  /** An STS client that sends no credentials: AssumeRoleWithWebIdentity is authorised by the token alone. */
  anonymousSts: STSClient;
  clientConfig: ReturnType<typeof clientConfig>;
  close(): void;
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

/**
 * Resolves the profile as the SDK does (the same `fromIni` path as verification) but never prompts:
 * without an MFA callback the SDK refuses a profile that needs a code, and an SSO profile without a
 * valid cached token fails; both surface as sign-in errors. The credentials stay in the clients.
 */
export async function openAwsCheckSession(
  profile: string,
  options: { paths: AwsConfigPaths; region: string; timeouts: AwsCheckTimeouts },
): Promise<AwsCheckSession> {
  const config = clientConfig(profile, options.region, options.timeouts);
  const provider = fromIni({
    profile,
    filepath: options.paths.credentialsFile,
    configFilepath: options.paths.configFile,
    clientConfig: { requestHandler: config.requestHandler },
    parentClientConfig: { region: options.region },
  });
  const credentials = await provider();
  const sts = new STSClient({ ...config, credentials });
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    if (!identity.Account || !identity.Arn) throw new Error('STS GetCallerIdentity returned an incomplete identity');
    const iam = new IAMClient({ ...config, credentials });
    const anonymousSts = new STSClient({
      ...config,
      credentials: { accessKeyId: '', secretAccessKey: '' },
      // AssumeRoleWithWebIdentity is unsigned; this keeps the operator's keys off that request entirely.
      signer: { sign: (request) => Promise.resolve(request) },
    });
    return {
      account: identity.Account,
      arn: identity.Arn,
      partition: identity.Arn.split(':')[1] ?? 'aws',
      iam,
      anonymousSts,
      clientConfig: config,
      close: () => {
        iam.destroy();
        anonymousSts.destroy();
      },
    };
  } finally {
    sts.destroy();
  }
}
