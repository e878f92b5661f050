import { gcpErrorCodes } from '../../../shared/contract/gcp';
import { CoreError } from '../core-error';

/** Base URLs (no trailing slash) of the Google APIs Liaison calls, plus the OAuth token URL. */
export interface GoogleEndpoints {
  oauthToken: string;
  tokenInfo: string;
  iam: string;
  iamCredentials: string;
  cloudResourceManager: string;
  sts: string;
}

export const DEFAULT_OAUTH_TOKEN_URL = 'https://oauth2.googleapis.com/token';

const SERVICES = {
  iam: { env: 'CLOUDSDK_API_ENDPOINT_OVERRIDES_IAM', base: 'https://iam.googleapis.com' },
  iamCredentials: {
    env: 'CLOUDSDK_API_ENDPOINT_OVERRIDES_IAMCREDENTIALS',
    base: 'https://iamcredentials.googleapis.com',
  },
  cloudResourceManager: {
    env: 'CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER',
    base: 'https://cloudresourcemanager.googleapis.com',
  },
  sts: { env: 'CLOUDSDK_API_ENDPOINT_OVERRIDES_STS', base: 'https://sts.googleapis.com' },
} as const;

/**
 * gcloud's own override convention, so one environment points both gcloud and Liaison elsewhere
 * (a private endpoint, or a test fake): `CLOUDSDK_API_ENDPOINT_OVERRIDES_<API>` for each API and
 * `CLOUDSDK_AUTH_TOKEN_HOST` (a full URL, as gcloud takes it) for the OAuth token endpoint.
 */
export function resolveGoogleEndpoints(env: NodeJS.ProcessEnv): GoogleEndpoints {
  const oauthToken = checkedUrl('CLOUDSDK_AUTH_TOKEN_HOST', env.CLOUDSDK_AUTH_TOKEN_HOST) ?? DEFAULT_OAUTH_TOKEN_URL;
  const base = (service: keyof typeof SERVICES): string =>
    trimSlash(checkedUrl(SERVICES[service].env, env[SERVICES[service].env]) ?? SERVICES[service].base);
  return {
    oauthToken,
    tokenInfo: new URL('tokeninfo', oauthToken).toString(),
    iam: base('iam'),
    iamCredentials: base('iamCredentials'),
    cloudResourceManager: base('cloudResourceManager'),
    sts: base('sts'),
  };
}

/**
 * Points a Google API URL found in a credential file (an external account's `token_url`, an
 * impersonation URL) at the configured override for that API; any other URL is left as it is.
 */
export function applyEndpointOverride(url: string, endpoints: GoogleEndpoints): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.href === DEFAULT_OAUTH_TOKEN_URL) return endpoints.oauthToken;
  for (const [service, { base }] of Object.entries(SERVICES)) {
    if (parsed.origin === base)
      return `${endpoints[service as keyof typeof SERVICES]}${parsed.pathname}${parsed.search}`;
  }
  return url;
}

/** A setting that is not an https URL (plain http only to this machine) is refused, not silently ignored. */
function checkedUrl(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw endpointError(name, value, 'is not a URL');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw endpointError(name, value, 'must be an https URL (plain http is allowed only for 127.0.0.1)');
  }
  if (url.username || url.password) throw endpointError(name, value, 'must not contain credentials');
  return url.toString();
}

function endpointError(name: string, value: string, problem: string): CoreError {
  return new CoreError({
    code: gcpErrorCodes.endpointInvalid,
    message: `${name}=${value.slice(0, 200)} ${problem}`,
    remediation: `Fix or unset ${name} in the environment Liaison starts from.`,
  });
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
