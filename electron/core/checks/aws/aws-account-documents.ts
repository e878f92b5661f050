import { GetOpenIDConnectProviderCommand, GetRoleCommand, paginateListAttachedRolePolicies } from '@aws-sdk/client-iam';
import type { CheckScope, SharedRead } from '../check-scope';
import type { AwsCheckSession } from './aws-check-session';
import { isNoSuchEntity } from './describe-aws-check-error';

export interface OidcProviderDocument {
  url: string | undefined;
  clientIds: string[];
}

/**
 * The account-level IAM documents every check of an AWS account reads: the issuer's OIDC provider,
 * each module role's trust policy and its attached policies. The module creates one set of them per
 * account, trusting all the account's groups, so a run reads each once per session (through the
 * scope) and every group's check evaluates its own trust against the same document. `undefined`
 * means the entity does not exist; any other failure is the read's error.
 */
export class AwsAccountDocuments {
  readonly #scope: CheckScope;
  readonly #sessionKey: string;
  readonly #session: AwsCheckSession;

  constructor(scope: CheckScope, sessionKey: string, session: AwsCheckSession) {
    this.#scope = scope;
    this.#sessionKey = sessionKey;
    this.#session = session;
  }

  oidcProvider(arn: string): Promise<SharedRead<OidcProviderDocument | undefined>> {
    return this.#read(`oidc-provider\0${arn}`, async () => {
      const provider = await this.#session.iam.send(
        new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }),
      );
      return { url: provider.Url, clientIds: provider.ClientIDList ?? [] };
    });
  }

  trustPolicy(roleName: string): Promise<SharedRead<string | undefined>> {
    return this.#read(`role\0${roleName}`, async () => {
      const { Role } = await this.#session.iam.send(new GetRoleCommand({ RoleName: roleName }));
      return Role?.AssumeRolePolicyDocument ?? '';
    });
  }

  attachedPolicies(roleName: string): Promise<SharedRead<ReadonlySet<string>>> {
    return this.#scope.once(`${this.#sessionKey}\0attached-policies\0${roleName}`, async () => {
      const attached = new Set<string>();
      const pages = paginateListAttachedRolePolicies({ client: this.#session.iam }, { RoleName: roleName });
      for await (const page of pages) {
        for (const policy of page.AttachedPolicies ?? []) if (policy.PolicyArn) attached.add(policy.PolicyArn);
      }
      return attached;
    });
  }

  /** A read whose NoSuchEntity is a finding (`undefined`), not an error. */
  #read<T>(key: string, load: () => Promise<T>): Promise<SharedRead<T | undefined>> {
    return this.#scope.once(`${this.#sessionKey}\0${key}`, async () => {
      try {
        return await load();
      } catch (error) {
        if (isNoSuchEntity(error)) return undefined;
        throw error;
      }
    });
  }
}
