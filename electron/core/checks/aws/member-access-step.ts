import { GetRoleCommand } from '@aws-sdk/client-iam';
import { memberRoleArn } from '../../../../shared/aws-access-path';
import {
  accountRootArn,
  explainAssumeRefusal,
  judgeMemberTrust,
  type AssumeRequest,
} from '../../aws/access-path/explain-assume-refusal';
import type { Reached } from '../check-kind';
import { failed, passed } from '../check-run';
import { sharedNote, type CheckScope } from '../check-scope';
import type { AwsCheckSession } from './aws-check-session';
import { AssumeRoleFailure, openAwsMemberSession, type MemberRole } from './aws-member-session';
import { describeAwsStepError } from './describe-aws-check-error';

const REFUSED = new Set(['AccessDenied', 'AccessDeniedException']);

export interface KeyedSession {
  value: AwsCheckSession;
  key: string;
}

/**
 * The AWS kind's second reach step, in a check through a role (and the preflight before a plan):
 * AssumeRole into the member account, then GetCallerIdentity there, which must name that account. A
 * refusal says what each side needs; where the role's trust policy can be read it is evaluated and
 * the refusing (or too-wide) statement is named.
 */
export async function memberAccessStep(
  source: KeyedSession,
  role: MemberRole,
  scope: CheckScope,
): Promise<Reached<KeyedSession>> {
  const key = [source.key, 'member', role.accountId, role.roleName, role.externalId ?? '', role.sessionName].join('\0');
  const opened = await scope.once(
    key,
    () => openAwsMemberSession(source.value, role, scope.pace),
    (session) => session.close(),
  );
  const note = opened.shared ? ` ${sharedNote('Resolved', `${role.roleName} in account ${role.accountId}`)}` : '';
  const request: AssumeRequest = {
    sourceArn: source.value.arn,
    sourceAccount: source.value.account,
    roleArn: memberRoleArn(role.accountId, role.roleName, source.value.partition),
    roleName: role.roleName,
    memberAccount: role.accountId,
    externalId: role.externalId,
  };
  if (!opened.ok) {
    const error = opened.error;
    if (error instanceof AssumeRoleFailure && REFUSED.has(error.code)) {
      const explained = explainAssumeRefusal(request, error.code);
      const trust = await readableTrust(source.value, request);
      return { outcome: failed(`${explained.detail}${trust ? ` ${trust}` : ''}${note}`, explained.remediation) };
    }
    const outcome = describeAwsStepError(error instanceof AssumeRoleFailure ? error.cause : error, false);
    return { outcome: { ...outcome, detail: `${outcome.detail}${note}` } };
  }
  const member = opened.value;
  if (member.account !== role.accountId) {
    return {
      outcome: failed(
        `Assuming ${request.roleArn} gave credentials for account ${member.account} (${member.arn}), not ${role.accountId}.`,
        `Check the account id and the role name of this association.`,
      ),
    };
  }
  const acting = `Assumed ${request.roleArn} from ${source.value.arn}: acting as ${member.arn}.`;
  const trust = await ownTrust(member, request);
  if (trust?.admitsAnyone) {
    return {
      outcome: {
        status: 'warning',
        detail: `${acting} ${trust.sentence} It also admits principals outside account ${request.sourceAccount}: never trust "*" for a role like this.${note}`,
        remediation: `Narrow the trust policy of ${role.roleName} to ${accountRootArn(request)} or the source role${role.externalId ? ', with sts:ExternalId' : ''}.`,
      },
      session: { value: member, key },
    };
  }
  return { outcome: passed(`${acting}${note}`), session: { value: member, key } };
}

/**
 * IAM answers GetRole only for the caller's own account, so the source can read the member role's
 * trust policy only when the role is in its account.
 */
async function readableTrust(source: AwsCheckSession, request: AssumeRequest): Promise<string | undefined> {
  if (source.account !== request.memberAccount) return undefined;
  const document = await roleTrust(source, request.roleName);
  if (document === undefined) return undefined;
  return judgeMemberTrust(document, request)?.sentence;
}

/** Once in, the member role usually may read itself: its trust is judged for a `*` that admits anyone. */
async function ownTrust(member: AwsCheckSession, request: AssumeRequest) {
  const document = await roleTrust(member, request.roleName);
  return document === undefined ? undefined : judgeMemberTrust(document, request);
}

async function roleTrust(session: AwsCheckSession, roleName: string): Promise<string | undefined> {
  try {
    const { Role } = await session.iam.send(new GetRoleCommand({ RoleName: roleName }));
    return Role?.AssumeRolePolicyDocument;
  } catch {
    // Reading the trust is a bonus: a role that may not read itself (or does not exist) says nothing more.
    return undefined;
  }
}
