import { fromIni } from '@aws-sdk/credential-providers';
import type { AwsConfigPaths } from './aws-config-paths';

export interface AwsProviderOptions {
  paths: AwsConfigPaths;
  /** The profile's region, else this (STS needs one). */
  region: string;
  /** Asked for a code when a role in the chain has mfa_serial; without it the SDK refuses such a profile. */
  mfaCodeProvider?: (mfaSerial: string) => Promise<string>;
  requestHandler: { requestTimeout: number; connectionTimeout: number; throwOnRequestTimeout: boolean };
}

/**
 * The SDK's own resolution of a profile, exactly as the CLI does it (role chains, SSO,
 * credential_process, web identity, MFA): one place, so verifying and Terraform resolve alike.
 */
export function awsProfileCredentialProvider(profile: string, options: AwsProviderOptions) {
  return fromIni({
    profile,
    filepath: options.paths.credentialsFile,
    configFilepath: options.paths.configFile,
    ...(options.mfaCodeProvider ? { mfaCodeProvider: options.mfaCodeProvider } : {}),
    // No region here: the SSO client would take it over the profile's sso_region.
    clientConfig: { requestHandler: options.requestHandler },
    parentClientConfig: { region: options.region },
  });
}
