import { gcpErrorCodes, type GcpCredentialRef } from '../../../shared/contract/gcp';
import { CoreError } from '../core-error';

/** What the call was doing, so the error can say what to run and which field is wrong. */
export interface GoogleCallContext {
  credential: GcpCredentialRef;
  /** The configuration's account, or the type of the ADC file. */
  account?: string;
  adcType?: string;
  /** Short, e.g. "look up project my-project". */
  action: string;
  /** The input field a NOT_FOUND or PERMISSION_DENIED most likely points at. */
  field?: string;
  /** What a missing permission should be granted on, for the remediation. */
  resource?: string;
}

/** google.rpc.Status as Google's JSON APIs return it inside `{ "error": … }`. */
interface GoogleStatus {
  code?: number;
  message?: string;
  status?: string;
  details?: { '@type'?: string; reason?: string; domain?: string; metadata?: Record<string, string> }[];
}

/** An OAuth 2.0 / STS token endpoint failure (RFC 6749 §5.2). */
interface OAuthErrorBody {
  error: string;
  error_description?: string;
  error_subtype?: string;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH']);

/**
 * Turns a failure from google-auth-library or a Google API into an error that names the cause and
 * what to do. Always returns a CoreError: the raw error carries request headers and bodies (tokens)
 * and must never reach a log.
 */
export function googleErrorToCoreError(error: unknown, context: GoogleCallContext): CoreError {
  if (error instanceof CoreError) return error;
  const data = responseData(error);
  if (isGoogleStatusBody(data)) return fromGoogleStatus(data.error, context);
  if (isOAuthErrorBody(data)) return fromOAuthError(data, context);
  const networkCode = errorCode(error);
  if (networkCode && NETWORK_CODES.has(networkCode)) {
    return new CoreError({
      code: gcpErrorCodes.unreachable,
      message: `Liaison could not reach Google to ${context.action} (${networkCode}${requestHost(error)}).`,
      remediation:
        'Check the network connection and proxy settings; CLOUDSDK_API_ENDPOINT_OVERRIDES_* and CLOUDSDK_AUTH_TOKEN_HOST point Liaison at private endpoints.',
    });
  }
  const status = responseStatus(error);
  return new CoreError({
    code: gcpErrorCodes.requestFailed,
    message: `Could not ${context.action}: ${status ? `HTTP ${status}` : safeMessage(error)}.`,
    remediation: 'Try again; if it keeps failing, check the credentials with Verify.',
  });
}

function fromGoogleStatus(status: GoogleStatus, context: GoogleCallContext): CoreError {
  const info = status.details?.find((detail) => detail['@type']?.endsWith('google.rpc.ErrorInfo'));
  const googleMessage = status.message ?? 'no message';
  if (info?.reason === 'SERVICE_DISABLED') return serviceDisabled(info.metadata ?? {}, googleMessage, context);
  if (status.status === 'PERMISSION_DENIED' || info?.reason === 'IAM_PERMISSION_DENIED') {
    const permission = info?.metadata?.permission ?? /Permission '([^']+)'/.exec(googleMessage)?.[1];
    return new CoreError({
      code: gcpErrorCodes.permissionDenied,
      message: permission
        ? `${principalName(context)} lacks the permission ${permission} needed to ${context.action}.`
        : `Google refused to ${context.action}: ${googleMessage}`,
      ...(context.field ? { field: context.field } : {}),
      remediation: permissionRemediation(permission, googleMessage, context),
    });
  }
  if (status.status === 'NOT_FOUND') {
    return new CoreError({
      code: gcpErrorCodes.notFound,
      message: `Not found while trying to ${context.action}: ${googleMessage}`,
      ...(context.field ? { field: context.field } : {}),
      remediation: 'Check the spelling; the name must match exactly.',
    });
  }
  if (status.status === 'UNAUTHENTICATED') return reauthRequired(context, googleMessage);
  if (status.status === 'RESOURCE_EXHAUSTED' || status.code === 429) {
    return new CoreError({
      code: gcpErrorCodes.requestFailed,
      message: `Google kept rate-limiting the calls to ${context.action}, after retrying: ${googleMessage}`,
      remediation:
        'Wait a minute and try again; a quota increase for the Cloud Resource Manager API helps large organizations.',
    });
  }
  return new CoreError({
    code: gcpErrorCodes.requestFailed,
    message: `Google refused to ${context.action}: ${status.status ?? status.code ?? 'error'}: ${googleMessage}`,
    remediation: 'Try again in a moment; if it keeps failing the message above says what Google expects.',
  });
}

function serviceDisabled(
  metadata: Record<string, string>,
  googleMessage: string,
  context: GoogleCallContext,
): CoreError {
  const service = metadata.service ?? 'the API';
  const title = metadata.serviceTitle ?? service;
  const project = metadata.consumer?.replace(/^projects\//, '') ?? metadata.containerInfo;
  const enable = `gcloud services enable ${service}${project ? ` --project=${project}` : ''}`;
  const url = metadata.activationUrl ?? /https:\/\/\S+[^.\s]/.exec(googleMessage)?.[0];
  return new CoreError({
    code: gcpErrorCodes.serviceDisabled,
    message: `The ${title} (${service}) is not enabled${project ? ` in project ${project}` : ''}, so Liaison cannot ${context.action}.`,
    remediation: `Enable it with \`${enable}\`${url ? ` or at ${url}` : ''}, wait a minute for it to take effect, and try again.`,
  });
}

function permissionRemediation(
  permission: string | undefined,
  googleMessage: string,
  context: GoogleCallContext,
): string {
  if (permission === 'iam.serviceAccounts.getAccessToken') {
    return `Grant ${principalName(context)} the Service Account Token Creator role (roles/iam.serviceAccountTokenCreator) on ${context.resource ?? 'the service account'}, or check that the service account exists.`;
  }
  if (permission === 'resourcemanager.projects.get') {
    return 'Check the project ID (Google answers the same way for a project that does not exist); otherwise ask for a role that includes resourcemanager.projects.get on it, such as Browser (roles/browser).';
  }
  if (permission === 'resourcemanager.projects.list' || permission === 'resourcemanager.folders.list') {
    return `Ask an administrator for a role that includes ${permission} on ${context.resource ?? 'the organization or folder'}, such as Browser (roles/browser) or Folder Viewer (roles/resourcemanager.folderViewer); check the number too (Google answers the same way for one that does not exist).`;
  }
  if (permission)
    return `Ask an administrator for a role that includes ${permission}${context.resource ? ` on ${context.resource}` : ''}.`;
  return `Google said: ${googleMessage}`;
}

function fromOAuthError(body: OAuthErrorBody, context: GoogleCallContext): CoreError {
  const description = body.error_description ?? body.error;
  if (context.adcType === 'external_account' && body.error !== 'invalid_rapt') {
    return new CoreError({
      code: gcpErrorCodes.credentialsInvalid,
      message: `The security token service refused the workload identity token: ${description}`,
      remediation:
        "Check that the credential configuration's audience names an existing workload identity provider and that the provider accepts this token's issuer and audience.",
    });
  }
  if (context.adcType === 'service_account' && body.error === 'invalid_grant') {
    return new CoreError({
      code: gcpErrorCodes.credentialsInvalid,
      message: `Google refused the service account key: ${description}`,
      remediation:
        'The key may have been deleted or disabled: create a new key, or point GOOGLE_APPLICATION_CREDENTIALS at another credential.',
    });
  }
  if (body.error === 'invalid_grant' || body.error === 'invalid_rapt' || body.error_subtype === 'invalid_rapt') {
    return reauthRequired(context, description);
  }
  return new CoreError({
    code: gcpErrorCodes.credentialsInvalid,
    message: `Google refused the credentials (${body.error}): ${description}`,
    remediation: loginCommand(context),
  });
}

export function reauthRequired(context: GoogleCallContext, detail: string): CoreError {
  return new CoreError({
    code: gcpErrorCodes.reauthRequired,
    message: `The sign-in for ${principalName(context)} has expired or was revoked (${detail}).`,
    remediation: loginCommand(context),
  });
}

export function loginCommand(context: Pick<GoogleCallContext, 'credential' | 'account'>): string {
  if (context.credential.kind === 'adc') return 'Run `gcloud auth application-default login`, then Verify again.';
  const account = context.account ? ` ${context.account}` : '';
  return `Run \`gcloud auth login${account}\` (for configuration ${context.credential.name}), then Verify again.`;
}

function principalName(context: GoogleCallContext): string {
  if (context.account) return context.account;
  return context.credential.kind === 'adc'
    ? 'the application default credentials'
    : `configuration ${context.credential.name}`;
}

function responseData(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('response' in error)) return undefined;
  const response = (error as { response?: { data?: unknown } }).response;
  const data = response?.data;
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

function responseStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('response' in error)) return undefined;
  const status = (error as { response?: { status?: unknown } }).response?.status;
  return typeof status === 'number' ? status : undefined;
}

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current !== 'object') return undefined;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function requestHost(error: unknown): string {
  const url = (error as { config?: { url?: unknown } }).config?.url;
  try {
    return url ? ` at ${new URL(String(url)).host}` : '';
  } catch {
    return '';
  }
}

/** An error message without anything that looks like a token. */
function safeMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/(ya29\.|1\/\/)[\w.-]+/g, '[redacted]')
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[redacted]')
    .slice(0, 300);
}

function isGoogleStatusBody(data: unknown): data is { error: GoogleStatus } {
  return (
    typeof data === 'object' &&
    data !== null &&
    'error' in data &&
    typeof data.error === 'object' &&
    data.error !== null
  );
}

function isOAuthErrorBody(data: unknown): data is OAuthErrorBody {
  return typeof data === 'object' && data !== null && 'error' in data && typeof data.error === 'string';
}
