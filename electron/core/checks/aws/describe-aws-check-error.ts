import { awsErrorCodes, type AwsProfile } from '../../../../shared/contract/aws';
import { describeAwsError } from '../../aws/describe-aws-error';
import { redactSecrets } from '../../aws/redact-secrets';
import { CoreError } from '../../core-error';
import type { StepOutcome } from '../check-run';

const SIGN_IN_CODES: ReadonlySet<string> = new Set([awsErrorCodes.mfaRequired, awsErrorCodes.ssoSignInRequired]);

/** The profile could not be resolved: a sign-in the operator must do, or an error with its code. */
export function describeAwsCheckError(error: unknown, profile: AwsProfile): StepOutcome {
  const described = describeAwsError(error, profile);
  const expiredSso =
    described.code === awsErrorCodes.expiredCredentials &&
    (profile.leafKind === 'sso' || profile.leafKind === 'sso-legacy');
  if (SIGN_IN_CODES.has(described.code) || expiredSso) {
    return {
      status: 'needs-sign-in',
      detail: described.message,
      remediation:
        described.code === awsErrorCodes.mfaRequired
          ? `Verify "${profile.name}" on the Credentials page and enter the MFA code, then check again (checks never prompt).`
          : (described.remediation ?? 'Sign in, then check again.'),
    };
  }
  return {
    status: 'error',
    detail: described.message,
    ...(described.remediation ? { remediation: described.remediation } : {}),
    error: { code: described.code, message: described.message },
  };
}

interface AwsServiceErrorShape {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

export function isNoSuchEntity(error: unknown): boolean {
  return (
    (error as AwsServiceErrorShape | undefined)?.name === 'NoSuchEntity' ||
    (error as AwsServiceErrorShape | undefined)?.name === 'NoSuchEntityException'
  );
}

const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'InvalidIdentityToken',
  'IDPRejectedClaim',
  'ExpiredTokenException',
]);

/**
 * A call during the check failed. A refusal of the live assume is a finding about the association
 * (Failing, with the AWS code); a token command that failed, a timeout or any other API failure is
 * an Error: the check could not finish.
 */
export function describeAwsStepError(error: unknown, live: boolean): StepOutcome {
  if (error instanceof CoreError) {
    return {
      status: 'error',
      detail: error.message,
      ...(error.remediation ? { remediation: error.remediation } : {}),
      error: { code: error.code, message: error.message },
    };
  }
  const shape = (typeof error === 'object' && error !== null ? error : {}) as AwsServiceErrorShape;
  const name = shape.name ?? 'Error';
  const message = redactSecrets(shape.message ?? String(error));
  if (live && DENIED.has(name)) {
    return {
      status: 'failed',
      detail: `AWS refused AssumeRoleWithWebIdentity: ${name}: ${message}`,
      remediation:
        "AWS evaluated the trust policy differently from the static check (or the token is not the one the role expects): check the token's sub and aud, and the role's trust policy, then run Apply.",
      error: { code: name, message },
    };
  }
  const timedOut = name === 'TimeoutError' || /timed? ?out/i.test(message);
  const code = timedOut ? awsErrorCodes.timeout : name;
  const status = shape.$metadata?.httpStatusCode;
  const detail = timedOut
    ? `AWS did not answer in time (${message}).`
    : `AWS returned ${name}${status ? ` (HTTP ${status})` : ''}: ${message}`;
  return {
    status: 'error',
    detail,
    remediation: timedOut
      ? 'Check your network or proxy, then check again.'
      : name.startsWith('AccessDenied')
        ? 'The profile needs iam:GetRole, iam:GetOpenIDConnectProvider and iam:ListAttachedRolePolicies to check the association.'
        : 'Check again; if it keeps failing, try the same call with the AWS CLI.',
    error: { code, message },
  };
}
