import { gcpErrorCodes } from '../../../../shared/contract/gcp';
import { CoreError } from '../../core-error';
import type { StepOutcome } from '../check-run';

const SIGN_IN: ReadonlySet<string> = new Set([gcpErrorCodes.reauthRequired, gcpErrorCodes.noCredentials]);

/** A CoreError from the credentials service or a Google call, as a step: sign-in, a refused live call, or an error. */
export function describeGcpStepError(error: unknown, live: boolean): StepOutcome {
  const core =
    error instanceof CoreError
      ? error
      : new CoreError({
          code: gcpErrorCodes.requestFailed,
          message: error instanceof Error ? error.message : String(error),
        });
  if (SIGN_IN.has(core.code)) {
    return {
      status: 'needs-sign-in',
      detail: core.message,
      remediation: core.remediation ?? 'Sign in with gcloud, then check again.',
    };
  }
  if (live && (core.code === gcpErrorCodes.permissionDenied || core.code === gcpErrorCodes.credentialsInvalid)) {
    return {
      status: 'failed',
      detail: `Google refused the impersonation: ${core.code}: ${core.message}`,
      remediation:
        'Google evaluated the bindings differently from the static check (or the token is not the one the provider expects): check the token and the bindings, then run Apply.',
      error: { code: core.code, message: core.message },
    };
  }
  return {
    status: 'error',
    detail: core.message,
    ...(core.remediation ? { remediation: core.remediation } : {}),
    error: { code: core.code, message: core.message },
  };
}
