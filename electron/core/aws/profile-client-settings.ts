import type { ParsedAwsFiles } from './classify-aws-profiles';

/**
 * The keys that say how a profile gets its credentials (`fromIni` reads them). Every other key of
 * the profile's sections may shape an SDK client (endpoint_url, services, retry_mode, max_attempts,
 * use_fips_endpoint, defaults_mode, sts_regional_endpoints, ... and any the SDK adds later).
 */
const CREDENTIAL_KEYS = new Set([
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  // The legacy name of the session token, still read by the SDK.
  'aws_security_token',
  'aws_credential_scope',
  'aws_account_id',
  'role_arn',
  'source_profile',
  'credential_source',
  'role_session_name',
  'external_id',
  'mfa_serial',
  'duration_seconds',
  'web_identity_token_file',
  'credential_process',
  'sso_session',
  'sso_start_url',
  'sso_region',
  'sso_account_id',
  'sso_role_name',
  'sso_registration_scopes',
  'login_session',
]);

/**
 * What an STS client built for `profile` reads from the files besides credentials: the profile's
 * sections in both files and the `[services ...]` section it names. Two profiles with the same key
 * get identically configured clients. Undefined when the files have no such profile.
 */
export function profileClientSettings(files: ParsedAwsFiles, profile: string): string | undefined {
  const config = files.configFile[profile];
  const credentials = files.credentialsFile[profile];
  if (!config && !credentials) return undefined;
  // The SDK's client settings merge the two sections with the config file's values winning.
  const services = config?.services ?? credentials?.services;
  return JSON.stringify([
    settingsOf(config),
    settingsOf(credentials),
    services === undefined ? null : sortedEntries(files.configFile[`services.${services}`]),
  ]);
}

function settingsOf(section: Record<string, string | undefined> | undefined): [string, string | undefined][] {
  return sortedEntries(section).filter(([key]) => !CREDENTIAL_KEYS.has(key));
}

function sortedEntries(section: Record<string, string | undefined> | undefined): [string, string | undefined][] {
  if (!section) return [];
  return Object.entries(section).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
