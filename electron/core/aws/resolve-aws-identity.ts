import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsConfigPaths } from './aws-config-paths';
import { awsProfileCredentialProvider } from './aws-credential-provider';

export interface ResolvedIdentity {
  account: string;
  arn: string;
  userId: string;
  /** When the credentials behind it stop working; undefined for long-term keys. */
  expiresAt: Date | undefined;
}

export interface ResolveIdentityOptions {
  paths: AwsConfigPaths;
  /** The profile's region, else this (STS needs one). */
  region: string;
  /** Asked for a code when a role in the chain has mfa_serial; without it the SDK refuses such a profile. */
  mfaCodeProvider?: (mfaSerial: string) => Promise<string>;
  requestTimeoutMs: number;
  connectionTimeoutMs: number;
}

/**
 * The SDK resolves the profile exactly as the CLI would (role chains, SSO, credential_process, web
 * identity) and STS says whose credentials they are. The credentials never leave this function.
 */
export async function resolveAwsIdentity(profile: string, options: ResolveIdentityOptions): Promise<ResolvedIdentity> {
  const requestHandler = {
    requestTimeout: options.requestTimeoutMs,
    connectionTimeout: options.connectionTimeoutMs,
    // Without this the SDK only logs a warning and keeps waiting.
    throwOnRequestTimeout: true,
  };
  const provider = awsProfileCredentialProvider(profile, {
    paths: options.paths,
    region: options.region,
    ...(options.mfaCodeProvider ? { mfaCodeProvider: options.mfaCodeProvider } : {}),
    requestHandler,
  });
  const credentials = await provider();
  // `profile` lets the client honour the profile's endpoint_url / services section, as the CLI does.
  const sts = new STSClient({ region: options.region, profile, credentials, requestHandler });
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    if (!identity.Account || !identity.Arn || !identity.UserId) {
      throw new Error('STS GetCallerIdentity returned an incomplete identity');
    }
    return {
      account: identity.Account,
      arn: identity.Arn,
      userId: identity.UserId,
      expiresAt: credentials.expiration,
    };
  } finally {
    sts.destroy();
  }
}
