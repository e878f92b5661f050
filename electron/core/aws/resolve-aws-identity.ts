import type { AwsConfigPaths } from './aws-config-paths';
import { awsProfileCredentialProvider, type AwsProviderOptions } from './aws-credential-provider';
import type { StsClientPool } from './sts-client-pool';

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
  requestHandler: AwsProviderOptions['requestHandler'];
  /** Sends GetCallerIdentity on a client configured for the profile, signed with its credentials. */
  sts: StsClientPool;
  /** The profile's client settings (`profileClientSettings`), from the files being resolved. */
  clientSettings: string;
}

/**
 * The SDK resolves the profile exactly as the CLI would (role chains, SSO, credential_process, web
 * identity) and STS says whose credentials they are. The credentials never leave this function.
 */
export async function resolveAwsIdentity(profile: string, options: ResolveIdentityOptions): Promise<ResolvedIdentity> {
  const provider = awsProfileCredentialProvider(profile, {
    paths: options.paths,
    region: options.region,
    ...(options.mfaCodeProvider ? { mfaCodeProvider: options.mfaCodeProvider } : {}),
    requestHandler: options.requestHandler,
  });
  const credentials = await provider();
  const identity = await options.sts.getCallerIdentity(
    { profile, settings: options.clientSettings, region: options.region },
    credentials,
  );
  if (!identity.Account || !identity.Arn || !identity.UserId) {
    throw new Error('STS GetCallerIdentity returned an incomplete identity');
  }
  return { account: identity.Account, arn: identity.Arn, userId: identity.UserId, expiresAt: credentials.expiration };
}
