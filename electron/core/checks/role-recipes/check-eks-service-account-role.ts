import {
  eksServiceAccountRoleInputSchema,
  roleRecipeFromValues,
  type EksServiceAccountRole,
} from '../../../../shared/contract/role-recipes';
import { serviceAccountSubject } from '../../../../shared/kubernetes-names';
import { issuerHostPath, oidcProviderArn } from '../../../../shared/oidc-issuer-url';
import { STS_AUDIENCE, WEB_IDENTITY_ACTION } from '../../../../shared/terraform/eks-service-account-role-tf';
import {
  evaluateTrustPolicy,
  explainTrustEvaluation,
  type TrustRequest,
} from '../../../../shared/trust-policy/evaluate-trust-policy';
import { parsePolicyDocument, PolicyDocumentError } from '../../../../shared/trust-policy/policy-document';
import { AwsAccountDocuments, type OidcProviderDocument } from '../aws/aws-account-documents';
import { openProfileSession } from '../aws/check-aws';
import { describeAwsStepError } from '../aws/describe-aws-check-error';
import type { KeyedSession } from '../aws/member-access-step';
import type { AssociationCheckKind, CheckStepSpec } from '../check-kind';
import { failed, missing, passed, type StepOutcome } from '../check-run';
import { attachedPoliciesStep } from './attached-policy-documents';

const APPLY = 'Run Apply for this role (or terraform apply in its workspace), then check again.';

/**
 * An EKS service-account role (seed 004), statically: the account's IAM OIDC provider for the
 * cluster's issuer exists and accepts `sts.amazonaws.com`; the role's trust, run through the
 * evaluator, admits that service account's token and refuses the near misses (another service
 * account in the namespace, the right subject with another audience, a token of another issuer, so
 * any `*` principal) and uses StringEquals on `sub`; the recipe's policies are attached and their
 * default versions shown. Live proof needs a pod's projected token, which Liaison does not have.
 */
export const eksServiceAccountRoleCheckKind: AssociationCheckKind<EksServiceAccountRole, KeyedSession> = {
  cloud: 'aws',
  label: 'AWS',
  noun: 'AWS account',
  platformCloud: 'AMAZON',
  targetOf: (values) => eksServiceAccountRoleInputSchema.safeParse(roleRecipeFromValues(values)).data,
  // A recipe has no group: no platform step, and its live step needs no token command.
  groupOf: () => undefined,
  targetId: (role) => role.accountId,
  describeError: describeAwsStepError,
  plan(role, context) {
    return {
      reach: [
        {
          id: 'credentials',
          title: `Profile ${role.profile} resolves for account ${role.accountId}`,
          open: () => openProfileSession(role, undefined, context),
        },
      ],
      unreached: "Not checked: the profile did not resolve to the role's account.",
      readsOf: `account ${role.accountId}`,
      steps: (session, judge) => {
        const documents = new AwsAccountDocuments(context.scope, session.key, session.value);
        const providerArn = oidcProviderArn(role.accountId, role.issuerUrl, session.value.partition);
        const providerStep = `oidc-provider:${issuerHostPath(role.issuerUrl)}`;
        const trustStep = `role:${role.roleName}`;
        const steps: CheckStepSpec[] = [
          {
            id: providerStep,
            title: `IAM OIDC provider for ${role.issuerUrl} accepts ${STS_AUDIENCE}`,
            run: async () =>
              judge(await documents.oidcProvider(providerArn), (provider) =>
                judgeProvider(provider, providerArn, role.oidcProviderExists),
              ),
          },
          {
            id: trustStep,
            title: `Role ${role.roleName} admits only service account ${role.namespace}/${role.serviceAccount}`,
            run: async () =>
              judge(await documents.trustPolicy(role.roleName), (document) =>
                judgeServiceAccountTrust(document, role, session.value.partition),
              ),
          },
          attachedPoliciesStep(session.value, documents, role, trustStep, APPLY),
        ];
        return steps;
      },
      live: {
        title: `Live: assume ${role.roleName} as service account ${role.namespace}/${role.serviceAccount}`,
        subject: role.roleName,
        // Never called while `unavailable` is set: the pipeline records the reason instead.
        prove: () => Promise.resolve(failed(`No pod token to assume ${role.roleName} with.`, 'Check statically.')),
        unavailable: `assuming the role live needs a projected token of a pod running as ${role.namespace}/${role.serviceAccount}, which Liaison does not have, so the role was checked statically only (provider, trust evaluated, policies). Prove it from a pod with: aws sts get-caller-identity.`,
      },
    };
  },
};

export function judgeProvider(
  provider: OidcProviderDocument | undefined,
  arn: string,
  /** The recipe names an existing provider rather than creating it. */
  referenced: boolean,
): StepOutcome {
  if (provider === undefined) {
    return missing(
      'oidc-provider',
      arn,
      `The account has no IAM OIDC provider ${arn}, so no token of the cluster is accepted.`,
      referenced
        ? 'Untick "the account already has the IAM OIDC provider" and save the role again so Liaison creates it, then Apply.'
        : APPLY,
    );
  }
  if (!provider.clientIds.includes(STS_AUDIENCE)) {
    return failed(
      `The IAM OIDC provider ${arn} does not list ${STS_AUDIENCE} as a client id (it lists ${provider.clientIds.join(', ') || 'none'}), so pods' tokens are refused.`,
      `Add ${STS_AUDIENCE} to the provider's audiences (aws iam add-client-id-to-open-id-connect-provider).`,
    );
  }
  return passed(`${arn} exists and accepts tokens for ${STS_AUDIENCE}.`);
}

/** A service account the recipe does not name, in the same namespace. */
const OTHER_SERVICE_ACCOUNT = 'liaison-probe-other';

export function judgeServiceAccountTrust(
  document: string | undefined,
  role: EksServiceAccountRole,
  partition = 'aws',
): StepOutcome {
  if (document === undefined) return missing('role', role.roleName, `The role ${role.roleName} does not exist.`, APPLY);
  const hostPath = issuerHostPath(role.issuerUrl);
  const provider = oidcProviderArn(role.accountId, role.issuerUrl, partition);
  const subject = serviceAccountSubject(role.namespace, role.serviceAccount);
  const other = role.serviceAccount === OTHER_SERVICE_ACCOUNT ? `${OTHER_SERVICE_ACCOUNT}-2` : OTHER_SERVICE_ACCOUNT;
  const ask = (federated: string, keyPrefix: string, sub: string, aud: string): TrustRequest => ({
    principal: { type: 'Federated', id: federated },
    action: WEB_IDENTITY_ACTION,
    context: { [`${keyPrefix}:sub`]: sub, [`${keyPrefix}:aud`]: aud },
  });
  const strangerHost = 'oidc.liaison-probe.invalid/id/OTHER';
  let intended;
  try {
    intended = evaluateTrustPolicy(document, ask(provider, hostPath, subject, STS_AUDIENCE));
  } catch (error) {
    if (!(error instanceof PolicyDocumentError)) throw error;
    return failed(`The trust policy of ${role.roleName} cannot be read: ${error.message}.`, APPLY);
  }
  if (intended.decision !== 'allowed') {
    return failed(
      `The trust policy of ${role.roleName} does not admit service account ${role.namespace}/${role.serviceAccount} (${subject}, aud ${STS_AUDIENCE}) through ${provider}. ${explainTrustEvaluation(intended)}`,
      APPLY,
    );
  }
  const nearMisses: [string, TrustRequest][] = [
    [
      `another service account in ${role.namespace} (${other})`,
      ask(provider, hostPath, serviceAccountSubject(role.namespace, other), STS_AUDIENCE),
    ],
    ['the right service account with another audience', ask(provider, hostPath, subject, 'liaison-probe-audience')],
    [
      'another OIDC provider presenting the same claims',
      ask(`arn:${partition}:iam::${role.accountId}:oidc-provider/${strangerHost}`, hostPath, subject, STS_AUDIENCE),
    ],
  ];
  const admitted = nearMisses
    .map(([name, request]) => ({ name, evaluation: evaluateTrustPolicy(document, request) }))
    .filter(({ evaluation }) => evaluation.decision === 'allowed');
  const [first] = admitted;
  if (first) {
    return failed(
      `The trust policy of ${role.roleName} also admits ${admitted.map(({ name }) => name).join('; ')}. ${explainTrustEvaluation(first.evaluation)} A service-account role must name only the cluster's provider, with StringEquals on both sub and aud, never "*".`,
      APPLY,
    );
  }
  const open = wildcardPrincipals(document);
  if (open.length > 0) {
    return failed(
      `The trust policy of ${role.roleName} names a "*" principal in ${open.join(', ')}: a service-account role must name only the cluster's OIDC provider.`,
      APPLY,
    );
  }
  const loose = subjectPatterns(document, hostPath);
  if (loose.length > 0) {
    return failed(
      `The trust policy of ${role.roleName} matches ${hostPath}:sub with ${loose.join(', ')} where StringEquals is meant: a pattern admits more service accounts than the one named.`,
      APPLY,
    );
  }
  return passed(
    `Admits ${subject} (aud ${STS_AUDIENCE}) through ${provider} for ${WEB_IDENTITY_ACTION}. ${explainTrustEvaluation(intended)} Refuses ${nearMisses.map(([name]) => name).join(', ')}.`,
  );
}

/** Allow statements naming `*` as (or among) their principals, of any type. */
function wildcardPrincipals(document: string): string[] {
  return parsePolicyDocument(document)
    .statements.filter((statement) => statement.effect === 'Allow')
    .filter(({ principal }) => principal === '*' || Object.values(principal ?? {}).some((ids) => ids.includes('*')))
    .map((statement) => `statement ${statement.sid ?? statement.index + 1}`);
}

/** Allow statements that match the subject with a pattern operator (StringLike and its variants). */
function subjectPatterns(document: string, hostPath: string): string[] {
  const key = `${hostPath}:sub`.toLowerCase();
  return parsePolicyDocument(document)
    .statements.filter((statement) => statement.effect === 'Allow')
    .flatMap((statement) =>
      statement.conditions
        .filter((block) => /StringLike/i.test(block.operator))
        .filter((block) => block.entries.some((entry) => entry.key.toLowerCase() === key))
        .map((block) => `${block.operator} (statement ${statement.sid ?? statement.index + 1})`),
    );
}
