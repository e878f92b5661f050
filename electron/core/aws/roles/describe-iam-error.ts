import { roleErrorCodes } from '../../../../shared/contract/roles';
import type { ApiError } from '../../../../shared/errors';
import { redactSecrets } from '../redact-secrets';

const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);
const NOT_FOUND = new Set(['NoSuchEntity', 'NoSuchEntityException']);

/** An IAM call of the inspector failed: which call, on what, and the SDK's error as the cause. */
export class IamCallError extends Error {
  constructor(
    readonly operation: string,
    readonly target: string,
    override readonly cause: unknown,
  ) {
    super(`${operation} ${target} failed`);
  }
}

function errorName(error: unknown): string {
  return (error as { name?: string } | undefined)?.name ?? 'Error';
}

function errorMessage(error: unknown): string {
  return redactSecrets((error as { message?: string } | undefined)?.message ?? String(error));
}

/** One line for a policy row that could not be read: names the permission a refusal lacks. */
export function describeIamRefusal(operation: string, target: string, error: unknown): string {
  const name = errorName(error);
  if (DENIED.has(name)) return `Access denied: reading ${target} needs iam:${operation}.`;
  return `${operation} failed (${name}): ${errorMessage(error)}`;
}

/** The typed error for a failed listing, with the permission a refusal lacks (as describe-aws-error.ts does). */
export function describeIamCallError(failure: IamCallError, readAs: string): ApiError {
  const name = errorName(failure.cause);
  if (DENIED.has(name)) {
    return {
      code: roleErrorCodes.accessDenied,
      message: `Access denied: ${readAs} may not call iam:${failure.operation} (${failure.target}).`,
      remediation: `Grant iam:${failure.operation} to ${readAs} (IAMReadOnlyAccess has every permission the inspector uses: iam:ListRoles, iam:ListAttachedRolePolicies, iam:GetPolicy, iam:GetPolicyVersion, iam:ListRolePolicies, iam:GetRolePolicy).`,
    };
  }
  if (NOT_FOUND.has(name)) {
    return {
      code: roleErrorCodes.notFound,
      message: `There is no role ${failure.target} in the account (it may have been deleted since the list was read).`,
      remediation: 'Reload the roles.',
    };
  }
  return {
    code: roleErrorCodes.failed,
    message: `iam:${failure.operation} failed for ${failure.target} (${name}): ${errorMessage(failure.cause)}`,
    remediation: 'Try again; if it keeps failing, check the profile and its endpoint settings with the AWS CLI.',
  };
}
