import { ORGANIZATION_ACCESS_ROLE } from '../../../../shared/aws-access-path';
import { evaluateTrustPolicy, explainTrustEvaluation } from '../../../../shared/trust-policy/evaluate-trust-policy';
import { PolicyDocumentError } from '../../../../shared/trust-policy/policy-document';

/** One AssumeRole from a source identity into a member account's role. */
export interface AssumeRequest {
  /** Who asks: the source profile's identity (`arn:aws:iam::…:user/x`, `arn:aws:sts::…:assumed-role/R/s`). */
  sourceArn: string;
  sourceAccount: string;
  roleArn: string;
  roleName: string;
  memberAccount: string;
  externalId: string | undefined;
}

/** What both sides need for the AssumeRole to be allowed, in the operator's terms (seeds 001 and 002). */
export function explainAssumeRefusal(request: AssumeRequest, code: string): { detail: string; remediation: string } {
  const root = accountRootArn(request);
  const trust = request.externalId
    ? `its trust policy must allow sts:AssumeRole for ${root} (or ${principalOf(request.sourceArn)}) with the condition StringEquals sts:ExternalId = "${request.externalId}"`
    : `its trust policy must allow sts:AssumeRole for ${root} (or ${principalOf(request.sourceArn)})`;
  const invited =
    request.roleName === ORGANIZATION_ACCESS_ROLE
      ? ` Accounts invited into an organization (rather than created by it) have no ${ORGANIZATION_ACCESS_ROLE}: create it there, or choose another role.`
      : '';
  return {
    detail: `AWS refused ${request.sourceArn} assuming ${request.roleArn} (${code}).`,
    remediation:
      `In account ${request.memberAccount}, the role ${request.roleName} must exist and ${trust} — never a "*" principal. ` +
      `In account ${request.sourceAccount}, ${request.sourceArn} needs an IAM policy allowing sts:AssumeRole on ${request.roleArn}.${invited}`,
  };
}

/**
 * The member role's trust policy judged for this request, with the statement that refuses it (or
 * the warning that it admits anyone); undefined when the document cannot be read as a policy.
 */
export function judgeMemberTrust(
  document: string,
  request: AssumeRequest,
): { allowed: boolean; sentence: string; admitsAnyone: boolean } | undefined {
  const ask = (principal: string, externalId: string | undefined) =>
    evaluateTrustPolicy(document, {
      principal: { type: 'AWS', id: principal },
      action: 'sts:AssumeRole',
      context: {
        'aws:PrincipalAccount': principal.split(':')[4] ?? '',
        ...(externalId === undefined ? {} : { 'sts:ExternalId': externalId }),
      },
    });
  try {
    const evaluation = ask(request.sourceArn, request.externalId);
    const stranger = ask(
      `arn:${partitionOf(request.sourceArn)}:iam::999999999999:user/liaison-probe-stranger`,
      request.externalId,
    );
    return {
      allowed: evaluation.decision === 'allowed',
      sentence: `The trust policy of ${request.roleName}: ${explainTrustEvaluation(evaluation)}`,
      admitsAnyone: stranger.decision === 'allowed',
    };
  } catch (error) {
    if (error instanceof PolicyDocumentError) return undefined;
    throw error;
  }
}

/** The source account as a trust policy names it, in the source's partition (aws, aws-us-gov, aws-cn). */
export function accountRootArn(request: Pick<AssumeRequest, 'sourceArn' | 'sourceAccount'>): string {
  return `arn:${partitionOf(request.sourceArn)}:iam::${request.sourceAccount}:root`;
}

function partitionOf(arn: string): string {
  return /^arn:([\w-]+):/.exec(arn)?.[1] ?? 'aws';
}

/** An assumed-role session's principal is its role (`arn:aws:iam::A:role/R`); a user is itself. */
function principalOf(arn: string): string {
  const session = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn);
  return session ? `arn:${session[1]}:iam::${session[2]}:role/${session[3]}` : arn;
}
