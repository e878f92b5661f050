import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DEFAULT_SESSION_SECONDS, type AccessPath } from '../../../../shared/aws-access-path';
import type { AwsProfile } from '../../../../shared/contract/aws';
import type { StoredTokenCommand } from '../token-command';
import {
  CANARY_COMPONENT,
  MODULE_IDENTITIES,
  type AwsModuleVersion,
  type ModuleIdentity,
} from '../../../../shared/terraform/module-catalog';
import { evaluateTrustPolicy, explainTrustEvaluation } from '../../../../shared/trust-policy/evaluate-trust-policy';
import { PolicyDocumentError } from '../../../../shared/trust-policy/policy-document';
import { awsAssociationInputSchema } from '../../../../shared/contract/associations';
import type { AssociationCheckKind, CheckContext, CheckStepSpec, JudgeRead, Reached } from '../check-kind';
import { failed, missing, passed, type StepOutcome } from '../check-run';
import { type CheckScope, sharedNote } from '../check-scope';
import { describeToken, runTokenCommand } from '../token-command';
import { AwsAccountDocuments, type OidcProviderDocument } from './aws-account-documents';
import { describeAwsCheckError, describeAwsStepError } from './describe-aws-check-error';
import { openAwsCheckSession, paceClient, type AwsCheckSession } from './aws-check-session';
import type { MemberRole } from './aws-member-session';
import { memberAccessStep, type KeyedSession } from './member-access-step';

export const AWS_AUDIENCE = 'amazon';
const WEB_IDENTITY_ACTION = 'sts:AssumeRoleWithWebIdentity';

export interface AwsCheckTarget {
  groupId: string;
  accountId: string;
  profile: string;
  moduleVersion: AwsModuleVersion;
  environment: string;
  /** Absent or `profile`: the profile is the account's own; `assume-role`: it is the role's source. */
  accessPath?: AccessPath;
}

const APPLY = 'Run Apply for this association (or terraform apply in its workspace), then check again.';

/**
 * check-aws: the profile is the account's (or, through a role, the member account is reached by
 * AssumeRole from it); the issuer's OIDC provider exists for audience `amazon`; every role the module
 * version creates exists, its trust policy admits `<component>:<GROUP>` from that provider
 * (evaluated), and its policies are attached; then, with a token, a live AssumeRoleWithWebIdentity on
 * the canary.
 */
export const awsCheckKind: AssociationCheckKind<AwsCheckTarget, KeyedSession> = {
  cloud: 'aws',
  label: 'AWS',
  noun: 'AWS account',
  platformCloud: 'AMAZON',
  targetOf: (values) => awsAssociationInputSchema.safeParse(values).data,
  groupOf: ({ groupId, environment }) => ({ groupId, environment }),
  targetId: (target) => target.accountId,
  describeError: describeAwsStepError,
  plan(target, context) {
    const host = `issuer.${target.environment}`;
    const role = memberRoleOf(target);
    const canary = `chainguard-${CANARY_COMPONENT}`;
    return {
      reach: [
        {
          id: 'credentials',
          title: role
            ? `Profile ${target.profile} resolves (the source of ${role.roleName} in account ${target.accountId})`
            : `Profile ${target.profile} resolves for account ${target.accountId}`,
          open: () => openProfileSession(target, role, context),
        },
        // Through a role: the member account is reached by AssumeRole from the source, first thing.
        ...(role
          ? [
              {
                id: 'access-role',
                title: `Assume ${role.roleName} in account ${target.accountId}`,
                open: (source: KeyedSession) => memberAccessStep(source, role, context.scope),
              },
            ]
          : []),
      ],
      unreached: role
        ? `Not checked: account ${target.accountId} could not be reached through ${role.roleName}.`
        : "Not checked: the profile did not resolve to the association's account.",
      readsOf: `account ${target.accountId}`,
      steps: (session, judge) => staticSteps(target, session, context.scope, judge, host),
      live: {
        title: `Live: impersonate ${canary} with a token from https://${host}`,
        environment: target.environment,
        impersonate: ({ value: open }, command) =>
          impersonateCanary(
            open,
            command,
            context.env,
            `arn:${open.partition}:iam::${target.accountId}:role/${canary}`,
          ),
      },
    };
  },
};

/** The first step: the profile resolves (without prompting) and, unless it is a role's source, is the account's own. */
export async function openProfileSession(
  target: Pick<AwsCheckTarget, 'accountId' | 'profile'>,
  role: MemberRole | undefined,
  context: CheckContext,
): Promise<Reached<KeyedSession>> {
  const { catalog, timeouts, defaultRegion } = context.aws;
  const profile = await catalog.profile(target.profile);
  if (!profile) {
    return {
      outcome: failed(
        `There is no AWS profile named "${target.profile}" in ${catalog.paths.configFile} or ${catalog.paths.credentialsFile}.`,
        'Add the profile, or edit the association to use another profile for this account.',
      ),
    };
  }
  const region = profile.region ?? defaultRegion;
  const key = sessionKey(profile, region, context.env);
  const opened = await context.scope.once(
    key,
    () =>
      openAwsCheckSession(target.profile, {
        paths: catalog.paths,
        region,
        timeouts,
        pace: context.scope.pace,
        ...(role ? {} : { expectedAccount: target.accountId }),
      }),
    (open) => open.close(),
  );
  const note = opened.shared ? ` ${sharedNote('Resolved', `profile ${target.profile}`)}` : '';
  if (!opened.ok) {
    const outcome = describeAwsCheckError(opened.error, profile);
    return { outcome: { ...outcome, detail: `${outcome.detail}${note}` } };
  }
  if (!role && opened.value.account !== target.accountId) {
    return {
      outcome: failed(
        `The profile "${target.profile}" signs in to account ${opened.value.account} (${opened.value.arn}), not ${target.accountId}.`,
        `Use a profile for account ${target.accountId} (edit the association), or fix the profile's credentials.`,
      ),
    };
  }
  return { outcome: passed(`Signed in as ${opened.value.arn}.${note}`), session: { value: opened.value, key } };
}

/** The account's documents, judged: the OIDC provider, then each module role's trust and its attached policies. */
function staticSteps(
  target: AwsCheckTarget,
  session: KeyedSession,
  scope: CheckScope,
  judge: JudgeRead,
  host: string,
): CheckStepSpec[] {
  const open = session.value;
  const documents = new AwsAccountDocuments(scope, session.key, open);
  const providerArn = `arn:${open.partition}:iam::${target.accountId}:oidc-provider/${host}`;
  const steps: CheckStepSpec[] = [
    {
      id: 'oidc-provider',
      title: `OIDC provider for https://${host}`,
      run: async () =>
        judge(await documents.oidcProvider(providerArn), (provider) => checkOidcProvider(provider, providerArn, host)),
    },
  ];
  for (const identity of MODULE_IDENTITIES[target.moduleVersion]) {
    const roleStep = `role:${identity.name}`;
    steps.push({
      id: roleStep,
      title: `Role ${identity.name} trusts ${identity.component}:${target.groupId}`,
      run: async () =>
        judge(await documents.trustPolicy(identity.name), (document) =>
          checkRoleTrust(document, identity, providerArn, host, target.groupId),
        ),
    });
    if (identity.awsPolicies.length === 0) continue;
    steps.push({
      id: `policies:${identity.name}`,
      title: `Policies attached to ${identity.name}`,
      needs: roleStep,
      run: async () =>
        judge(await documents.attachedPolicies(identity.name), (attached) =>
          checkAttachedPolicies(attached, identity, open.partition, target.accountId),
        ),
    });
  }
  return steps;
}

/** The role a check assumes into the member account; a check's session is short, renewed as needed. */
function memberRoleOf(target: AwsCheckTarget): MemberRole | undefined {
  const path = target.accessPath;
  if (path?.kind !== 'assume-role') return undefined;
  return {
    accountId: target.accountId,
    roleName: path.roleName,
    externalId: path.externalId,
    sessionName: path.sessionName ?? 'liaison-check',
    durationSeconds: Math.min(path.durationSeconds, DEFAULT_SESSION_SECONDS),
  };
}

/** A session is shared by the checks that would open exactly the same one: same profile, region and endpoints. */
function sessionKey(profile: AwsProfile, region: string, env: NodeJS.ProcessEnv): string {
  const endpoints = [profile.endpointUrl, env.AWS_ENDPOINT_URL, env.AWS_ENDPOINT_URL_STS, env.AWS_ENDPOINT_URL_IAM];
  return ['aws-session', profile.name, region, ...endpoints.map((url) => url ?? '')].join('\0');
}

function checkOidcProvider(provider: OidcProviderDocument | undefined, arn: string, host: string): StepOutcome {
  if (!provider) return missing('oidc-provider', arn, `There is no OIDC provider ${arn}.`, APPLY);
  const url = (provider.url ?? '').replace(/^https:\/\//, '').replace(/\/+$/, '');
  if (url !== host) return failed(`The provider's URL is ${provider.url ?? '(none)'}, not https://${host}.`, APPLY);
  const clients = provider.clientIds;
  if (!clients.includes(AWS_AUDIENCE)) {
    return failed(
      `The provider's client ids are ${clients.length ? clients.join(', ') : '(none)'}; tokens for audience "${AWS_AUDIENCE}" are refused without it.`,
      APPLY,
    );
  }
  return passed(`${arn} exists for https://${host} with client id ${AWS_AUDIENCE}.`);
}

function checkRoleTrust(
  document: string | undefined,
  identity: ModuleIdentity,
  providerArn: string,
  host: string,
  groupId: string,
): StepOutcome {
  if (document === undefined) {
    return missing('role', identity.name, `The role ${identity.name} does not exist.`, APPLY);
  }
  const subject = `${identity.component}:${groupId}`;
  const request = (sub: string, aud = AWS_AUDIENCE) => ({
    principal: { type: 'Federated' as const, id: providerArn },
    action: WEB_IDENTITY_ACTION,
    context: { [`${host}:aud`]: aud, [`${host}:sub`]: sub },
  });
  let evaluation;
  try {
    evaluation = evaluateTrustPolicy(document, request(subject));
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
  const stranger = evaluateTrustPolicy(document, request(`${identity.component}:liaison-probe-other-group`));
  const otherAudience = evaluateTrustPolicy(document, request(subject, 'liaison-probe-audience'));
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

function checkAttachedPolicies(
  attached: ReadonlySet<string>,
  identity: ModuleIdentity,
  partition: string,
  accountId: string,
): StepOutcome {
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
  tokenCommand: StoredTokenCommand,
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
  const sts = paceClient(
    new STSClient({
      ...session.clientConfig,
      credentials: {
        accessKeyId: keys.AccessKeyId,
        secretAccessKey: keys.SecretAccessKey,
        sessionToken: keys.SessionToken,
      },
    }),
    session.pace,
  );
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
