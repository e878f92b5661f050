import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { memberAccessErrorCodes, memberRoleArn, type AwsPartition } from '../../../../shared/aws-access-path';
import { errorCodes } from '../../../../shared/errors';
import { CoreError } from '../../core-error';
import { redactSecrets } from '../redact-secrets';
import { explainAssumeRefusal } from './explain-assume-refusal';

export interface SourceKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region: string;
}

export interface MemberAccessTarget {
  /** The source profile: its endpoint settings apply to the STS calls, as the CLI would. */
  profile: string;
  accountId: string;
  roleName: string;
  externalId?: string | undefined;
  sessionName: string;
  durationSeconds: number;
  /** The partition the generated role_arn names; absent: aws. */
  partition?: AwsPartition | undefined;
}

/** What a preflight proves: who the source is, and who it becomes in the member account. */
export interface MemberAccessProof {
  sourceArn: string;
  memberArn: string;
}

const REFUSED = new Set(['AccessDenied', 'AccessDeniedException']);

/**
 * Before Terraform runs through a role: AssumeRole with the source profile's keys exactly as the
 * provider's assume_role will, then GetCallerIdentity as the role, which must be in the member
 * account. A refusal becomes an error that says what each side needs, rather than a provider error
 * halfway through a plan.
 */
export async function preflightMemberAccess(
  keys: SourceKeys,
  target: MemberAccessTarget,
  options: { requestTimeoutMs?: number } = {},
): Promise<MemberAccessProof> {
  const config = {
    region: keys.region,
    profile: target.profile,
    requestHandler: { requestTimeout: options.requestTimeoutMs ?? 15_000, connectionTimeout: 5_000 },
  };
  const source = new STSClient({
    ...config,
    credentials: {
      accessKeyId: keys.accessKeyId,
      secretAccessKey: keys.secretAccessKey,
      ...(keys.sessionToken ? { sessionToken: keys.sessionToken } : {}),
    },
  });
  try {
    const who = await source.send(new GetCallerIdentityCommand({}));
    const sourceArn = who.Arn ?? 'the source profile';
    const partition = sourceArn.split(':')[1] ?? 'aws';
    // AWS cannot assume a role across partitions, and the workspace's role_arn names one.
    if (partition !== (target.partition ?? 'aws')) {
      throw new CoreError({
        code: errorCodes.invalidInput,
        field: 'accessPath.partition',
        message: `The source profile signs in to partition ${partition} (${sourceArn}), but the role is set in partition ${target.partition ?? 'aws'}.`,
        remediation: `Set the partition to ${partition}, or use a source profile in ${target.partition ?? 'aws'}: a role can be assumed only from its own partition.`,
      });
    }
    const roleArn = memberRoleArn(target.accountId, target.roleName, partition);
    let assumed;
    try {
      assumed = await source.send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: target.sessionName,
          DurationSeconds: target.durationSeconds,
          ...(target.externalId === undefined ? {} : { ExternalId: target.externalId }),
        }),
      );
    } catch (error) {
      throw describeAssumeFailure(error, {
        sourceArn,
        sourceAccount: who.Account ?? '',
        roleArn,
        roleName: target.roleName,
        memberAccount: target.accountId,
        externalId: target.externalId,
      });
    }
    const memberArn = await memberIdentity(assumed.Credentials, config, target.accountId, roleArn);
    return { sourceArn, memberArn };
  } finally {
    source.destroy();
  }
}

async function memberIdentity(
  credentials: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined,
  config: ConstructorParameters<typeof STSClient>[0],
  accountId: string,
  roleArn: string,
): Promise<string> {
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) {
    throw new CoreError({
      code: memberAccessErrorCodes.failed,
      message: `STS returned no credentials for ${roleArn}.`,
      remediation: 'Try again; if it repeats, try the same AssumeRole with the AWS CLI.',
    });
  }
  const member = new STSClient({
    ...config,
    credentials: {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      ...(credentials.SessionToken ? { sessionToken: credentials.SessionToken } : {}),
    },
  });
  try {
    const who = await member.send(new GetCallerIdentityCommand({}));
    if (who.Account !== accountId) {
      throw new CoreError({
        code: memberAccessErrorCodes.wrongAccount,
        field: 'accountId',
        message: `Assuming ${roleArn} gave credentials for account ${who.Account ?? 'unknown'}, not ${accountId}.`,
        remediation: 'Check the account id and the role name of this association.',
      });
    }
    return who.Arn ?? roleArn;
  } finally {
    member.destroy();
  }
}

function describeAssumeFailure(error: unknown, request: Parameters<typeof explainAssumeRefusal>[0]): CoreError {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as { name?: string; message?: string };
  const code = shape.name ?? 'Error';
  if (REFUSED.has(code)) {
    const explained = explainAssumeRefusal(request, code);
    return new CoreError({
      code: memberAccessErrorCodes.refused,
      field: 'accessPath.roleName',
      message: explained.detail,
      remediation: explained.remediation,
    });
  }
  return new CoreError({
    code: code === 'ValidationError' ? errorCodes.invalidInput : memberAccessErrorCodes.failed,
    message: `AssumeRole ${request.roleArn} failed: ${code}: ${redactSecrets(shape.message ?? String(error))}`,
    remediation:
      code === 'ValidationError'
        ? "Check the duration against the role's maximum session duration, and the External ID."
        : 'Try again; if it keeps failing, try the same AssumeRole with the AWS CLI.',
  });
}
