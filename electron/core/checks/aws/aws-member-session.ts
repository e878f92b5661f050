import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { memberRoleArn } from '../../../../shared/aws-access-path';
import type { PaceCalls } from '../check-scope';
import { paceClient, refreshing, sessionWith, type AwsCheckSession, type CheckCredentials } from './aws-check-session';

/** The role a member account is reached through, and the AssumeRole parameters Terraform uses too. */
export interface MemberRole {
  accountId: string;
  roleName: string;
  externalId?: string | undefined;
  sessionName: string;
  durationSeconds: number;
}

/** AssumeRole was refused or failed: kept apart from the source profile's own failures. */
export class AssumeRoleFailure extends Error {
  constructor(
    readonly roleArn: string,
    override readonly cause: unknown,
  ) {
    super(`AssumeRole ${roleArn} failed`);
  }

  get code(): string {
    return (this.cause as { name?: string } | undefined)?.name ?? 'Error';
  }
}

/**
 * A session in a member account, reached from `source` by AssumeRole (renewed by assuming again
 * before the credentials expire). The STS call signs with the source's credentials; everything the
 * session does after that signs with the member account's.
 */
export async function openAwsMemberSession(
  source: AwsCheckSession,
  role: MemberRole,
  pace?: PaceCalls,
): Promise<AwsCheckSession> {
  const roleArn = memberRoleArn(role.accountId, role.roleName, source.partition);
  const sts = paceClient(new STSClient({ ...source.clientConfig, credentials: source.credentials }), source.pace);
  const assume: CheckCredentials = async () => {
    let out;
    try {
      out = await sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: role.sessionName,
          DurationSeconds: role.durationSeconds,
          ...(role.externalId === undefined ? {} : { ExternalId: role.externalId }),
        }),
      );
    } catch (error) {
      throw new AssumeRoleFailure(roleArn, error);
    }
    const keys = out.Credentials;
    if (!keys?.AccessKeyId || !keys.SecretAccessKey) {
      throw new AssumeRoleFailure(roleArn, new Error('STS AssumeRole returned no credentials'));
    }
    return {
      accessKeyId: keys.AccessKeyId,
      secretAccessKey: keys.SecretAccessKey,
      ...(keys.SessionToken ? { sessionToken: keys.SessionToken } : {}),
      ...(keys.Expiration ? { expiration: keys.Expiration } : {}),
    };
  };
  const paceFor = (account: string | undefined) => (): Promise<void> =>
    account && pace ? pace(`aws:${account}`) : Promise.resolve();
  try {
    const session = await sessionWith(refreshing(await assume(), assume), source.clientConfig, paceFor, role.accountId);
    return {
      ...session,
      close: () => {
        session.close();
        sts.destroy();
      },
    };
  } catch (error) {
    sts.destroy();
    throw error;
  }
}
