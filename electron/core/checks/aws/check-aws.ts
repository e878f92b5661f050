import {
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  paginateListAttachedRolePolicies,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { TokenCommand } from '../../../../shared/contract/checks';
import {
  CANARY_COMPONENT,
  MODULE_IDENTITIES,
  type AwsModuleVersion,
  type ModuleIdentity,
} from '../../../../shared/terraform/module-catalog';
import { evaluateTrustPolicy, explainTrustEvaluation } from '../../../../shared/trust-policy/evaluate-trust-policy';
import { PolicyDocumentError } from '../../../../shared/trust-policy/policy-document';
import type { AwsProfileCatalog } from '../../aws/aws-profile-catalog';
import { type CheckRun, failed, passed, type StepOutcome } from '../check-run';
import { runLiveStep } from '../live-step';
import { describeToken, runTokenCommand } from '../token-command';
import { describeAwsCheckError, isNoSuchEntity } from './describe-aws-check-error';
import { openAwsCheckSession, type AwsCheckSession, type AwsCheckTimeouts } from './aws-check-session';

export const AWS_AUDIENCE = 'amazon';
const WEB_IDENTITY_ACTION = 'sts:AssumeRoleWithWebIdentity';

export interface AwsCheckTarget {
  groupId: string;
  accountId: string;
  profile: string;
  moduleVersion: AwsModuleVersion;
  environment: string;
}

export interface AwsCheckOptions {
  catalog: AwsProfileCatalog;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  timeouts: AwsCheckTimeouts;
  defaultRegion: string;
}

const APPLY = 'Run Apply for this association (or terraform apply in its workspace), then check again.';

/**
 * check-aws: the profile is the account's; the issuer's OIDC provider exists for audience `amazon`;
 * every role the module version creates exists, its trust policy admits `<component>:<GROUP>` from
 * that provider (evaluated), and its policies are attached; then, with a token, a live
 * AssumeRoleWithWebIdentity on the canary. Records every step on `run`.
 */
export async function checkAws(
  target: AwsCheckTarget,
  tokenCommand: TokenCommand | undefined,
  run: CheckRun,
  options: AwsCheckOptions,
): Promise<{ liveAt: Date | undefined }> {
  const host = `issuer.${target.environment}`;
  let session: AwsCheckSession | undefined;
  const credentials = await run.step(
    'credentials',
    `Profile ${target.profile} resolves for account ${target.accountId}`,
    async () => {
      const profile = await options.catalog.profile(target.profile);
      if (!profile) {
        return failed(
          `There is no AWS profile named "${target.profile}" in ${options.catalog.paths.configFile} or ${options.catalog.paths.credentialsFile}.`,
          'Add the profile, or edit the association to use another profile for this account.',
        );
      }
      try {
        session = await openAwsCheckSession(target.profile, {
          paths: options.catalog.paths,
          region: profile.region ?? options.defaultRegion,
          timeouts: options.timeouts,
        });
      } catch (error) {
        return describeAwsCheckError(error, profile);
      }
      if (session.account !== target.accountId) {
        return failed(
          `The profile "${target.profile}" signs in to account ${session.account} (${session.arn}), not ${target.accountId}.`,
          `Use a profile for account ${target.accountId} (edit the association), or fix the profile's credentials.`,
        );
      }
      return passed(`Signed in as ${session.arn}.`);
    },
  );
  const open = session as AwsCheckSession | undefined;
  if (credentials.status !== 'passed' || !open) {
    run.skip(
      'static',
      'Association resources',
      "Not checked: the profile did not resolve to the association's account.",
    );
    return { liveAt: undefined };
  }
  try {
    const providerArn = `arn:${open.partition}:iam::${target.accountId}:oidc-provider/${host}`;
    await run.step('oidc-provider', `OIDC provider for https://${host}`, () =>
      checkOidcProvider(open.iam, providerArn, host),
    );
    const identities = MODULE_IDENTITIES[target.moduleVersion];
    for (const identity of identities) {
      const exists = await run.step(
        `role:${identity.name}`,
        `Role ${identity.name} trusts ${identity.component}:${target.groupId}`,
        () => checkRoleTrust(open.iam, identity, providerArn, host, target.groupId),
      );
      if (identity.awsPolicies.length === 0) continue;
      if (exists.status === 'failed' && exists.detail.includes('does not exist')) {
        run.skip(
          `policies:${identity.name}`,
          `Policies attached to ${identity.name}`,
          `Not checked: ${identity.name} does not exist.`,
        );
        continue;
      }
      await run.step(`policies:${identity.name}`, `Policies attached to ${identity.name}`, () =>
        checkAttachedPolicies(open.iam, identity, open.partition, target.accountId),
      );
    }
    const canary = `chainguard-${CANARY_COMPONENT}`;
    return await runLiveStep(run, {
      title: `Live: impersonate ${canary} with a token from https://${host}`,
      environment: target.environment,
      tokenCommand,
      now: options.now,
      impersonate: (command) =>
        impersonateCanary(open, command, options.env, `arn:${open.partition}:iam::${target.accountId}:role/${canary}`),
    });
  } finally {
    open.close();
  }
}

async function checkOidcProvider(iam: IAMClient, arn: string, host: string): Promise<StepOutcome> {
  let provider;
  try {
    provider = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
  } catch (error) {
    if (!isNoSuchEntity(error)) throw error;
    return failed(`There is no OIDC provider ${arn}.`, APPLY);
  }
  const url = (provider.Url ?? '').replace(/^https:\/\//, '').replace(/\/+$/, '');
  if (url !== host) return failed(`The provider's URL is ${provider.Url ?? '(none)'}, not https://${host}.`, APPLY);
  const clients = provider.ClientIDList ?? [];
  if (!clients.includes(AWS_AUDIENCE)) {
    return failed(
      `The provider's client ids are ${clients.length ? clients.join(', ') : '(none)'}; tokens for audience "${AWS_AUDIENCE}" are refused without it.`,
      APPLY,
    );
  }
  return passed(`${arn} exists for https://${host} with client id ${AWS_AUDIENCE}.`);
}

async function checkRoleTrust(
  iam: IAMClient,
  identity: ModuleIdentity,
  providerArn: string,
  host: string,
  groupId: string,
): Promise<StepOutcome> {
  let role;
  try {
    role = (await iam.send(new GetRoleCommand({ RoleName: identity.name }))).Role;
  } catch (error) {
    if (!isNoSuchEntity(error)) throw error;
    return failed(`The role ${identity.name} does not exist.`, APPLY);
  }
  const subject = `${identity.component}:${groupId}`;
  const request = (sub: string, aud = AWS_AUDIENCE) => ({
    principal: { type: 'Federated' as const, id: providerArn },
    action: WEB_IDENTITY_ACTION,
    context: { [`${host}:aud`]: aud, [`${host}:sub`]: sub },
  });
  let evaluation;
  try {
    evaluation = evaluateTrustPolicy(role?.AssumeRolePolicyDocument ?? '', request(subject));
  } catch (error) {
    if (!(error instanceof PolicyDocumentError)) throw error;
    return failed(`The trust policy of ${identity.name} cannot be read: ${error.message}.`, APPLY);
  }
  if (evaluation.decision !== 'allowed') {
    return failed(
      `The trust policy of ${identity.name} does not admit ${subject} from ${providerArn}. ${explainTrustEvaluation(evaluation)}`,
      APPLY,
    );
  }
  // A policy that also admits strangers works, but is wider than the module writes it.
  const stranger = evaluateTrustPolicy(
    role?.AssumeRolePolicyDocument ?? '',
    request(`${identity.component}:liaison-probe-other-group`),
  );
  const otherAudience = evaluateTrustPolicy(
    role?.AssumeRolePolicyDocument ?? '',
    request(subject, 'liaison-probe-audience'),
  );
  if (stranger.decision === 'allowed' || otherAudience.decision === 'allowed') {
    return {
      status: 'warning',
      detail: `Admits ${subject}. ${explainTrustEvaluation(evaluation)} It also admits ${stranger.decision === 'allowed' ? 'other groups' : 'other audiences'}: the trust is wider than the module writes it.`,
      remediation: APPLY,
    };
  }
  return passed(
    `Admits ${subject} from ${providerArn} for ${WEB_IDENTITY_ACTION}. ${explainTrustEvaluation(evaluation)}`,
  );
}

async function checkAttachedPolicies(
  iam: IAMClient,
  identity: ModuleIdentity,
  partition: string,
  accountId: string,
): Promise<StepOutcome> {
  const attached = new Set<string>();
  for await (const page of paginateListAttachedRolePolicies({ client: iam }, { RoleName: identity.name })) {
    for (const policy of page.AttachedPolicies ?? []) if (policy.PolicyArn) attached.add(policy.PolicyArn);
  }
  const expected = identity.awsPolicies.map(
    (policy) => `arn:${partition}:iam::${policy.owner === 'aws' ? 'aws' : accountId}:policy/${policy.name}`,
  );
  const missing = expected.filter((arn) => !attached.has(arn));
  if (missing.length > 0) {
    return failed(
      `${identity.name} lacks ${missing.map((arn) => arn.slice(arn.lastIndexOf('/') + 1)).join(', ')} (attached: ${attached.size ? [...attached].join(', ') : 'none'}).`,
      APPLY,
    );
  }
  return passed(
    `${identity.name} has ${expected.map((arn) => arn.slice(arn.lastIndexOf('/') + 1)).join(', ')} attached.`,
  );
}

async function impersonateCanary(
  session: AwsCheckSession,
  tokenCommand: TokenCommand,
  env: NodeJS.ProcessEnv,
  roleArn: string,
): Promise<StepOutcome> {
  const token = await runTokenCommand(tokenCommand, AWS_AUDIENCE, env);
  const assumed = await session.anonymousSts.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: roleArn,
      RoleSessionName: 'liaison-check',
      WebIdentityToken: token.token,
      DurationSeconds: 900,
    }),
  );
  const keys = assumed.Credentials;
  if (!keys?.AccessKeyId || !keys.SecretAccessKey) {
    return failed('AssumeRoleWithWebIdentity returned no credentials.', 'Check again; if it repeats, report it.');
  }
  const sts = new STSClient({
    ...session.clientConfig,
    credentials: {
      accessKeyId: keys.AccessKeyId,
      secretAccessKey: keys.SecretAccessKey,
      sessionToken: keys.SessionToken,
    },
  });
  try {
    const who = await sts.send(new GetCallerIdentityCommand({}));
    const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
    if (!who.Arn?.includes(`:assumed-role/${roleName}/`)) {
      return failed(
        `The credentials AWS returned are for ${who.Arn ?? 'an unknown identity'}, not ${roleName}.`,
        APPLY,
      );
    }
    return passed(`Exchanged ${describeToken(token)} for ${who.Arn}.`);
  } finally {
    sts.destroy();
  }
}
