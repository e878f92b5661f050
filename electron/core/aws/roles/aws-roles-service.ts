import { userInfo } from 'node:os';
import type { MethodOutput, ParsedInput } from '../../../../shared/api';
import { defaultSessionName, memberAccessErrorCodes, memberRoleArn } from '../../../../shared/aws-access-path';
import type { RoleAccess, roleMethods } from '../../../../shared/contract/roles';
import {
  clientConfig,
  DEFAULT_AWS_CHECK_TIMEOUTS,
  sessionWith,
  type AwsCheckSession,
} from '../../checks/aws/aws-check-session';
import { AssumeRoleFailure, openAwsMemberSession } from '../../checks/aws/aws-member-session';
import type { ServiceFor } from '../../contract-service';
import { CoreError } from '../../core-error';
import { explainAssumeRefusal } from '../access-path/explain-assume-refusal';
import type { AwsProfileCatalog } from '../aws-profile-catalog';
import type { AwsSessionCredentials } from '../aws-session-credentials';
import { describeAwsError } from '../describe-aws-error';
import { describeIamCallError, IamCallError } from './describe-iam-error';
import { listAccountRoles } from './list-account-roles';
import { readRolePolicies } from './read-role-policies';

/** The role inspector's calls: an account's roles and one role's policies, read with the operator's credentials. */
export class AwsRolesService implements ServiceFor<typeof roleMethods> {
  constructor(
    private readonly keys: AwsSessionCredentials,
    private readonly catalog: AwsProfileCatalog,
    private readonly localUser: () => string = () => userInfo().username,
  ) {}

  async listAccountRoles(input: ParsedInput<'listAccountRoles'>): Promise<MethodOutput<'listAccountRoles'>> {
    return this.#withSession(input, async (session) => ({
      accountId: session.account,
      readAs: session.arn,
      roles: await listAccountRoles(session.iam, session.account),
    }));
  }

  async describeRolePolicies(
    input: ParsedInput<'describeRolePolicies'>,
  ): Promise<MethodOutput<'describeRolePolicies'>> {
    return this.#withSession(input, (session) => readRolePolicies(session.iam, input.roleName));
  }

  async #withSession<T>(access: RoleAccess, work: (session: AwsCheckSession) => Promise<T>): Promise<T> {
    const session = await this.#open(access);
    try {
      return await work(session);
    } catch (error) {
      if (error instanceof IamCallError)
        throw new CoreError(describeIamCallError(error, session.arn), { cause: error });
      throw error;
    } finally {
      session.close();
    }
  }

  /** The profile's session (the one credential provider; MFA or SSO asked for, as the operator started this), or the member account's through its role. */
  async #open(access: RoleAccess): Promise<AwsCheckSession> {
    const keys = await this.keys.resolve(access.profile, { interactive: true });
    const config = clientConfig(access.profile, keys.region, DEFAULT_AWS_CHECK_TIMEOUTS);
    const credentials = () =>
      Promise.resolve({
        accessKeyId: keys.accessKeyId,
        secretAccessKey: keys.secretAccessKey,
        ...(keys.sessionToken ? { sessionToken: keys.sessionToken } : {}),
        ...(keys.expiresAt ? { expiration: keys.expiresAt } : {}),
      });
    const unpaced = () => () => Promise.resolve();
    let source: AwsCheckSession;
    try {
      source = await sessionWith(credentials, config, unpaced, undefined);
    } catch (error) {
      const profile = await this.catalog.profile(access.profile);
      if (!profile) throw error;
      throw new CoreError(describeAwsError(error, profile), { cause: error });
    }
    if (!access.member) return source;
    const path = access.member.accessPath;
    try {
      return await openAwsMemberSession(source, {
        accountId: access.member.accountId,
        roleName: path.roleName,
        externalId: path.externalId,
        sessionName: path.sessionName ?? defaultSessionName(this.localUser()),
        durationSeconds: path.durationSeconds,
      });
    } catch (error) {
      if (!(error instanceof AssumeRoleFailure)) throw error;
      const roleArn = memberRoleArn(access.member.accountId, path.roleName, source.partition);
      const explained = explainAssumeRefusal(
        {
          sourceArn: source.arn,
          sourceAccount: source.account,
          roleArn,
          roleName: path.roleName,
          memberAccount: access.member.accountId,
          externalId: path.externalId,
        },
        error.code,
      );
      throw new CoreError(
        {
          code: error.code.startsWith('AccessDenied') ? memberAccessErrorCodes.refused : memberAccessErrorCodes.failed,
          message: explained.detail,
          remediation: explained.remediation,
        },
        { cause: error },
      );
    } finally {
      source.close();
    }
  }
}
