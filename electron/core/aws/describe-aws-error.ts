import { awsErrorCodes, type AwsProfile } from '../../../shared/contract/aws';
import type { ApiError } from '../../../shared/errors';
import { CoreError } from '../core-error';
import { CREDENTIAL_PROCESS_FAILURE } from './credential-process-runner';
import { redactSecrets } from './redact-secrets';

interface ErrorShape {
  name?: string;
  message?: string;
  code?: string | number;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
  cause?: unknown;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ECONNRESET',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const THROTTLE_NAMES = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
  'ProvisionedThroughputExceededException',
]);
const DENIED_NAMES = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'ForbiddenException']);
const EXPIRED_NAMES = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const INVALID_NAMES = new Set([
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
  'InvalidAccessKeyId',
  'IncompleteSignature',
]);

/**
 * Turns whatever the SDK threw while verifying `profile` into the typed error the UI shows, with a
 * remediation. Messages pass through redaction: an SDK message can quote a config value.
 */
export function describeAwsError(error: unknown, profile: AwsProfile): ApiError {
  if (error instanceof CoreError) return error.toApiError();
  const shape = innermost(error);
  const message = redactSecrets(shape.message ?? String(error));
  // `new CredentialsProviderError(serviceError)` stringifies it: "UnauthorizedException: ...".
  const wrapped = /ProviderError$/.test(shape.name ?? '') ? /^([A-Z]\w+): /.exec(message)?.[1] : undefined;
  const name = wrapped ?? shape.name ?? '';
  const label = `"${profile.name}"`;

  if (CREDENTIAL_PROCESS_FAILURE.test(message) || /credential_process (returned|did not return)/.test(message)) {
    return {
      code: awsErrorCodes.credentialProcessFailed,
      message: message.replace(/^credential_process/, `credential_process for ${label}`),
      remediation: 'Run the credential_process command in a terminal to see what it needs, then verify again.',
    };
  }
  if (isSsoSignInMessage(message) || (name === 'UnauthorizedException' && isSso(profile))) {
    const session = profile.ssoSession ? `--sso-session ${profile.ssoSession}` : `--profile ${profile.name}`;
    return {
      code: awsErrorCodes.ssoSignInRequired,
      message: `${label} needs an SSO sign-in: ${isSsoSignInMessage(message) ? message.replace(/ ?To refresh this SSO session run '?aws sso login'? with the corresponding profile\.?/, '').trim() : 'the SSO token was refused'}`,
      remediation: `Use Sign in (or run \`aws sso login ${session}\`), then verify again.`,
    };
  }
  if (NOT_AN_AWS_ANSWER.test(message) || name === 'SyntaxError') {
    const status = shape.$metadata?.httpStatusCode;
    return {
      code: awsErrorCodes.serviceError,
      message: `${answeringEndpoint(profile)} answered the request for ${label} with something that is not an AWS response${status ? ` (HTTP ${status})` : ''}, most likely a web page: a proxy's, a captive portal's, or that of a wrong endpoint URL`,
      remediation: isSso(profile)
        ? 'Check the sso_start_url and sso_region of the profile (or its sso-session), any endpoint_url or AWS_ENDPOINT_URL_SSO, and your proxy (HTTPS_PROXY); then sign in again.'
        : 'Check the endpoint_url of the profile or AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_STS, and your proxy (HTTPS_PROXY); then verify again.',
    };
  }
  if (/requires multi-factor authentication/.test(message)) {
    return {
      code: awsErrorCodes.mfaRequired,
      message: `${label} needs an MFA code, which is only asked for when you verify one profile`,
      remediation: 'Verify this profile on its own to enter the code from your MFA device.',
    };
  }
  if (/Detected a cycle/.test(message)) {
    return { code: awsErrorCodes.profileInvalid, message, remediation: 'Break the source_profile loop.' };
  }
  if (THROTTLE_NAMES.has(name)) {
    return {
      code: awsErrorCodes.throttled,
      message: `AWS throttled the requests for ${label}, even after the SDK's retries`,
      remediation: 'Wait a minute and verify again, or verify fewer profiles at once.',
    };
  }
  if (DENIED_NAMES.has(name)) {
    return {
      code: awsErrorCodes.accessDenied,
      message: `Access denied for ${label}: ${message}`,
      remediation: profile.roleArn
        ? `Check that ${profile.sourceChain[0] ?? 'the source'} may assume ${profile.roleArn} (its trust policy and your permissions).`
        : 'Check the permissions of these credentials.',
    };
  }
  if (EXPIRED_NAMES.has(name) || /expired credentials|token included in the request is expired/i.test(message)) {
    return {
      code: awsErrorCodes.expiredCredentials,
      message: `The credentials for ${label} have expired`,
      remediation: isSso(profile)
        ? 'Use Sign in, then verify again.'
        : 'Refresh the credentials (new keys or session token), then verify again.',
    };
  }
  if (INVALID_NAMES.has(name)) {
    return {
      code: awsErrorCodes.invalidCredentials,
      message: `AWS does not recognise the credentials for ${label} (${name})`,
      remediation: 'Check the access key and secret in the credentials file; they may have been deleted or rotated.',
    };
  }
  if (TIMEOUT_NAMES.has(name) || shape.code === 'ETIMEDOUT' || /timed? ?out/i.test(message)) {
    return {
      code: awsErrorCodes.timeout,
      message: `AWS did not answer in time for ${label}`,
      remediation: 'Check your network or proxy, then verify again.',
    };
  }
  if (NETWORK_CODES.has(String(shape.code ?? '')) || NETWORK_CODES.has(name)) {
    return {
      code: awsErrorCodes.network,
      message: `Could not reach AWS for ${label} (${String(shape.code ?? name)})`,
      remediation: 'Check your network, proxy or endpoint_url, then verify again.',
    };
  }
  if (name === 'CredentialsProviderError' || name === 'TokenProviderError') {
    if (profile.kind === 'web-identity') {
      return {
        code: awsErrorCodes.webIdentityFailed,
        message: `Web identity for ${label} failed: ${message}`,
        remediation: 'Check web_identity_token_file and role_arn.',
      };
    }
    return {
      code: awsErrorCodes.credentialsUnresolved,
      message: `The SDK could not resolve credentials for ${label}: ${message}`,
      remediation:
        'Check the profile in your AWS config; `aws sts get-caller-identity --profile NAME` shows the same problem.',
    };
  }
  const status = shape.$metadata?.httpStatusCode;
  return {
    code: awsErrorCodes.serviceError,
    message: `AWS refused the request for ${label}${status ? ` (HTTP ${status})` : ''}: ${name ? `${name}: ` : ''}${message}`,
    remediation: 'Verify again; if it keeps failing, check the profile with the AWS CLI.',
  };
}

/** What the SDK says when an endpoint answered HTML (or anything else) where AWS JSON or XML was due. */
const NOT_AN_AWS_ANSWER =
  /Unexpected token '?<|is not valid JSON|Deserialization error|\$response|Unexpected end of JSON input|returned an incomplete identity/;

/** The endpoint that answered, in words the operator can check. */
function answeringEndpoint(profile: AwsProfile): string {
  if (isSso(profile)) {
    const region = profile.ssoRegion ?? 'its region';
    return `The AWS IAM Identity Center (SSO) endpoint for ${region} (portal.sso.${profile.ssoRegion ?? '<region>'}.amazonaws.com unless an endpoint URL overrides it)`;
  }
  return 'The AWS STS endpoint (sts.amazonaws.com or the regional one, unless an endpoint URL overrides it)';
}

function isSso(profile: AwsProfile): boolean {
  return profile.leafKind === 'sso' || profile.leafKind === 'sso-legacy';
}

function isSsoSignInMessage(message: string): boolean {
  return /SSO session|aws sso login|SSO Token|Token is expired/i.test(message);
}

/** The SDK sometimes wraps the real error (as `cause`, or as the message object); read the innermost. */
function innermost(error: unknown): ErrorShape {
  let current = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorShape;
  for (let depth = 0; depth < 3; depth += 1) {
    const cause = current.cause;
    if (typeof cause !== 'object' || cause === null || !('name' in cause)) break;
    const causeShape = cause as ErrorShape;
    if (!causeShape.$metadata && !causeShape.code && current.name !== 'CredentialsProviderError') break;
    current = causeShape;
  }
  return current;
}
