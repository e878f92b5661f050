import { GetOpenIDConnectProviderCommand, IAMClient, ListOpenIDConnectProvidersCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { memberRoleArn, type AccessPath } from '../../../shared/aws-access-path';
import type { ExistingOidcProvider } from '../../../shared/contract/adoption';
import { issuerUrl } from '../../../shared/terraform/platform-environment';
import { redactSecrets } from './redact-secrets';

export interface LookupKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region: string;
}

export interface OidcProviderTarget {
  /** The profile the keys came from: its endpoint settings apply, as the CLI would have them. */
  profile: string;
  accountId: string;
  environment: string;
  accessPath: AccessPath;
}

const REFUSED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);

/**
 * Looks in the association's account for an IAM OIDC provider for the issuer, as the module would
 * create it: ListOpenIDConnectProviders (which gives ARNs only), then GetOpenIDConnectProvider on the
 * one whose ARN ends in the issuer host, for its URL, audiences and age. Through a role, the lookup
 * runs as the role in the member account, like Terraform. Never throws: a lookup that cannot be made
 * says why, and the plan goes ahead as generated.
 */
export async function findExistingOidcProvider(
  keys: LookupKeys,
  target: OidcProviderTarget,
  options: { requestTimeoutMs?: number } = {},
): Promise<ExistingOidcProvider> {
  const config = {
    region: keys.region,
    profile: target.profile,
    maxAttempts: 3,
    requestHandler: { requestTimeout: options.requestTimeoutMs ?? 15_000, connectionTimeout: 5_000 },
  };
  const host = issuerUrl(target.environment).replace(/^https:\/\//, '');
  let iam: IAMClient | undefined;
  try {
    const credentials = await accountCredentials(keys, target, config);
    iam = new IAMClient({ ...config, credentials });
    const { OpenIDConnectProviderList: listed = [] } = await iam.send(new ListOpenIDConnectProvidersCommand({}));
    const arn = listed
      .map((each) => each.Arn ?? '')
      .find((each) => each.endsWith(`:oidc-provider/${host}`) && each.split(':')[4] === target.accountId);
    if (!arn) return { status: 'none' };
    const provider = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    return {
      status: 'found',
      arn,
      // IAM answers the URL without its scheme.
      url: provider.Url ? `https://${provider.Url.replace(/^https:\/\//, '')}` : issuerUrl(target.environment),
      clientIds: provider.ClientIDList ?? [],
      ...(provider.CreateDate ? { createdAt: provider.CreateDate.toISOString() } : {}),
    };
  } catch (error) {
    return couldNotLook(error, target);
  } finally {
    iam?.destroy();
  }
}

/** The keys as they are, or the member role's (AssumeRole, exactly as the provider's assume_role does). */
async function accountCredentials(
  keys: LookupKeys,
  target: OidcProviderTarget,
  config: { region: string; profile: string },
): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }> {
  const own = {
    accessKeyId: keys.accessKeyId,
    secretAccessKey: keys.secretAccessKey,
    ...(keys.sessionToken ? { sessionToken: keys.sessionToken } : {}),
  };
  const path = target.accessPath;
  if (path.kind !== 'assume-role') return own;
  const sts = new STSClient({ ...config, credentials: own });
  try {
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: memberRoleArn(target.accountId, path.roleName),
        RoleSessionName: path.sessionName ?? 'liaison-lookup',
        DurationSeconds: path.durationSeconds,
        ...(path.externalId === undefined ? {} : { ExternalId: path.externalId }),
      }),
    );
    const assumed = out.Credentials;
    if (!assumed?.AccessKeyId || !assumed.SecretAccessKey) throw new Error('STS AssumeRole returned no credentials');
    return {
      accessKeyId: assumed.AccessKeyId,
      secretAccessKey: assumed.SecretAccessKey,
      ...(assumed.SessionToken ? { sessionToken: assumed.SessionToken } : {}),
    };
  } finally {
    sts.destroy();
  }
}

function couldNotLook(error: unknown, target: OidcProviderTarget): ExistingOidcProvider {
  const name = (error as { name?: string } | undefined)?.name ?? 'Error';
  const text = redactSecrets(error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  if (REFUSED.has(name)) {
    return {
      status: 'unknown',
      message: `Could not look for an existing OIDC provider in account ${target.accountId}: the credentials may not list IAM OIDC providers (${name}).`,
      remediation:
        'Grant iam:ListOpenIDConnectProviders and iam:GetOpenIDConnectProvider, or go ahead: if the apply fails because a provider exists, Liaison offers to adopt it then.',
    };
  }
  return {
    status: 'unknown',
    message: `Could not look for an existing OIDC provider in account ${target.accountId}: ${name}: ${text}`,
    remediation:
      'Look again, or go ahead: if the apply fails because a provider exists, Liaison offers to adopt it then.',
  };
}
