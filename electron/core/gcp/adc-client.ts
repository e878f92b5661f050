import { ExternalAccountClient, Impersonated, JWT, UserRefreshClient, type AuthClient } from 'google-auth-library';
import { gcpErrorCodes } from '../../../shared/contract/gcp';
import { CoreError } from '../core-error';
import { adcType, impersonationTarget, stringField, type AdcJson } from './adc-file';
import { applyEndpointOverride, DEFAULT_OAUTH_TOKEN_URL, type GoogleEndpoints } from './google-endpoints';

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

/**
 * A google-auth-library client for an ADC object, with every Google URL it calls pointed at the
 * configured endpoints. Built per type (not through `GoogleAuth.fromJSON`) because that path drops
 * endpoint options for impersonated credentials' source and for user credentials.
 */
export function createAdcClient(json: AdcJson, endpoints: GoogleEndpoints): AuthClient {
  try {
    return buildClient(json, endpoints, 0);
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw invalidCredentials(error instanceof Error ? error.message : 'the file could not be used');
  }
}

function buildClient(json: AdcJson, endpoints: GoogleEndpoints, depth: number): AuthClient {
  const type = adcType(json);
  switch (type) {
    case 'authorized_user':
      return userClient(json, endpoints);
    case 'service_account':
      return serviceAccountClient(json, endpoints);
    case 'external_account':
      return externalAccountClient(json, endpoints);
    case 'impersonated_service_account':
      if (depth > 0) throw invalidCredentials('impersonated credentials cannot be the source of impersonation');
      return impersonatedClient(json, endpoints, depth);
    case 'external_account_authorized_user':
      throw invalidCredentials(
        'workforce identity federation user credentials (external_account_authorized_user) are not supported yet',
      );
    case 'unknown':
      throw invalidCredentials(`the credential type ${JSON.stringify(json.type ?? null)} is not one Liaison knows`);
  }
}

function userClient(json: AdcJson, endpoints: GoogleEndpoints): UserRefreshClient {
  const clientId = required(json, 'client_id');
  const clientSecret = required(json, 'client_secret');
  const refreshToken = required(json, 'refresh_token');
  const client = new UserRefreshClient({
    clientId,
    clientSecret,
    refreshToken,
    endpoints: { oauth2TokenUrl: endpoints.oauthToken, tokenInfoUrl: endpoints.tokenInfo },
  });
  const quotaProjectId = stringField(json, 'quota_project_id');
  if (quotaProjectId) client.quotaProjectId = quotaProjectId;
  return client;
}

function serviceAccountClient(json: AdcJson, endpoints: GoogleEndpoints): JWT {
  const keyId = stringField(json, 'private_key_id');
  const client = new JWT({
    email: required(json, 'client_email'),
    key: required(json, 'private_key'),
    ...(keyId === undefined ? {} : { keyId }),
    scopes: [CLOUD_PLATFORM_SCOPE],
  });
  const quotaProjectId = stringField(json, 'quota_project_id');
  if (quotaProjectId) client.quotaProjectId = quotaProjectId;
  // google-auth-library hard-codes the token URL for key files (the key's token_uri is ignored), so an
  // override can only be applied to the outgoing request.
  if (endpoints.oauthToken !== DEFAULT_OAUTH_TOKEN_URL) {
    client.transporter.interceptors.request.add({
      resolved: (config) => {
        if (config.url.toString() === DEFAULT_OAUTH_TOKEN_URL) config.url = new URL(endpoints.oauthToken);
        return Promise.resolve(config);
      },
    });
  }
  return client;
}

function externalAccountClient(json: AdcJson, endpoints: GoogleEndpoints): AuthClient {
  const impersonationUrl = stringField(json, 'service_account_impersonation_url');
  const client = ExternalAccountClient.fromJSON({
    ...(json as unknown as Parameters<typeof ExternalAccountClient.fromJSON>[0]),
    token_url: applyEndpointOverride(
      stringField(json, 'token_url') ?? `https://sts.googleapis.com/v1/token`,
      endpoints,
    ),
    ...(impersonationUrl === undefined
      ? {}
      : { service_account_impersonation_url: applyEndpointOverride(impersonationUrl, endpoints) }),
    scopes: [CLOUD_PLATFORM_SCOPE],
  });
  if (!client) throw invalidCredentials('the external account configuration is incomplete');
  return client;
}

function impersonatedClient(json: AdcJson, endpoints: GoogleEndpoints, depth: number): Impersonated {
  const url = required(json, 'service_account_impersonation_url');
  const targetPrincipal = impersonationTarget(url);
  if (!targetPrincipal) throw invalidCredentials('service_account_impersonation_url names no service account');
  const source = json.source_credentials;
  if (typeof source !== 'object' || source === null) throw invalidCredentials('source_credentials is missing');
  const resolved = applyEndpointOverride(url, endpoints);
  const cut = resolved.indexOf('/v1/');
  const delegates = Array.isArray(json.delegates) ? json.delegates.filter((d) => typeof d === 'string') : [];
  return new Impersonated({
    sourceClient: buildClient(source as AdcJson, endpoints, depth + 1),
    targetPrincipal,
    delegates,
    targetScopes: [CLOUD_PLATFORM_SCOPE],
    endpoint: cut > 0 ? resolved.slice(0, cut) : endpoints.iamCredentials,
  });
}

function required(json: AdcJson, key: string): string {
  const value = stringField(json, key);
  if (value === undefined) throw invalidCredentials(`the field ${key} is missing`);
  return value;
}

function invalidCredentials(problem: string): CoreError {
  return new CoreError({
    code: gcpErrorCodes.credentialsInvalid,
    message: `The application default credentials cannot be used: ${problem}.`,
    remediation:
      'Run `gcloud auth application-default login` to write new ones, or point GOOGLE_APPLICATION_CREDENTIALS at a valid file.',
  });
}
