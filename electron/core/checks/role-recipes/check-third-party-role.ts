import {
  recipeRoleArn,
  roleRecipeFromValues,
  thirdPartyRoleInputSchema,
  vendorPrincipalArn,
  type ThirdPartyRole,
} from '../../../../shared/contract/role-recipes';
import { parseRoleArn } from '../../../../shared/aws-validation';
import { EXTERNAL_ID_KEY, THIRD_PARTY_ACTION } from '../../../../shared/terraform/third-party-role-tf';
import {
  evaluateTrustPolicy,
  explainTrustEvaluation,
  type TrustRequest,
} from '../../../../shared/trust-policy/evaluate-trust-policy';
import { PolicyDocumentError } from '../../../../shared/trust-policy/policy-document';
import { AwsAccountDocuments } from '../aws/aws-account-documents';
import { openAwsCheckSession, type AwsCheckSession } from '../aws/aws-check-session';
import { openAwsMemberSession } from '../aws/aws-member-session';
import { openProfileSession } from '../aws/check-aws';
import { describeAwsStepError } from '../aws/describe-aws-check-error';
import type { KeyedSession } from '../aws/member-access-step';
import type { AssociationCheckKind, CheckContext, CheckStepSpec } from '../check-kind';
import { failed, missing, passed, type StepOutcome } from '../check-run';
import { attachedPoliciesStep } from './attached-policy-documents';

const APPLY = 'Run Apply for this role (or terraform apply in its workspace), then check again.';
/** Live sessions are short: they only prove that the vendor gets in. */
const LIVE_SESSION_SECONDS = 900;

/**
 * A third-party role (seed 002): the profile is the account's; the role exists and its trust, run
 * through the evaluator, admits the vendor with the External ID and refuses the near misses (the
 * vendor without it or with another, any other account, so any `*` principal); the recipe's
 * policies are attached and their default versions shown. Live, when the operator has a profile in
 * the vendor's account: AssumeRole with the External ID from it.
 */
export const thirdPartyRoleCheckKind: AssociationCheckKind<ThirdPartyRole, KeyedSession> = {
  cloud: 'aws',
  label: 'AWS',
  noun: 'AWS account',
  platformCloud: 'AMAZON',
  targetOf: (values) => thirdPartyRoleInputSchema.safeParse(roleRecipeFromValues(values)).data,
  // A recipe has no group: no platform step, and its live step needs no token command.
  groupOf: () => undefined,
  targetId: (role) => role.accountId,
  describeError: describeAwsStepError,
  plan(role, context) {
    const vendorProfile = role.vendorProfile;
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
        const trustStep = `role:${role.roleName}`;
        const steps: CheckStepSpec[] = [
          {
            id: trustStep,
            title: `Role ${role.roleName} admits ${vendorPrincipalArn(role)} only with the External ID`,
            run: async () =>
              judge(await documents.trustPolicy(role.roleName), (document) => judgeThirdPartyTrust(document, role)),
          },
          attachedPoliciesStep(session.value, documents, role, trustStep, APPLY),
        ];
        return steps;
      },
      live: {
        title: vendorProfile
          ? `Live: assume ${role.roleName} with the External ID from profile ${vendorProfile} (account ${role.vendorAccountId})`
          : `Live: assume ${role.roleName} as the vendor`,
        subject: role.roleName,
        prove: () => assumeAsVendor(role, vendorProfile ?? '', context),
        unavailable: vendorProfile
          ? undefined
          : `no profile of the vendor's account ${role.vendorAccountId} was given, so the role was checked statically only (its trust evaluated). Add one to the role to assume it live with the External ID.`,
      },
    };
  },
};

/** An account no recipe names: asking as it stands for "anyone else", which a `*` principal admits. */
function strangerAccount(role: ThirdPartyRole): string {
  // Two accounts are taken at most, so one of three is always free.
  const free = ['000000000000', '000000000001'].find(
    (account) => account !== role.vendorAccountId && account !== role.accountId,
  );
  return free ?? '000000000002';
}

/** The vendor as it calls AssumeRole: a session of its role, or of some role in its account when the trust names the root. */
function vendorCaller(role: ThirdPartyRole): string {
  const vendorRole = role.vendorRoleArn === undefined ? undefined : parseRoleArn(role.vendorRoleArn);
  const name = vendorRole?.roleName ?? 'liaison-probe-vendor';
  return `arn:${vendorRole?.partition ?? 'aws'}:sts::${role.vendorAccountId}:assumed-role/${name}/liaison-check`;
}

export function judgeThirdPartyTrust(document: string | undefined, role: ThirdPartyRole): StepOutcome {
  if (document === undefined) return missing('role', role.roleName, `The role ${role.roleName} does not exist.`, APPLY);
  const ask = (principal: string, externalId: string | undefined): TrustRequest => ({
    principal: { type: 'AWS', id: principal },
    action: THIRD_PARTY_ACTION,
    context: externalId === undefined ? {} : { [EXTERNAL_ID_KEY]: externalId },
  });
  const vendor = vendorCaller(role);
  const stranger = `arn:aws:sts::${strangerAccount(role)}:assumed-role/liaison-probe/liaison-check`;
  let intended;
  try {
    intended = evaluateTrustPolicy(document, ask(vendor, role.externalId));
  } catch (error) {
    if (!(error instanceof PolicyDocumentError)) throw error;
    return failed(`The trust policy of ${role.roleName} cannot be read: ${error.message}.`, APPLY);
  }
  if (intended.decision !== 'allowed') {
    return failed(
      `The trust policy of ${role.roleName} does not admit the vendor (${vendor}) with its External ID. ${explainTrustEvaluation(intended)}`,
      APPLY,
    );
  }
  const nearMisses: [string, TrustRequest][] = [
    ['the vendor without an External ID', ask(vendor, undefined)],
    ['the vendor with another External ID', ask(vendor, `${role.externalId}-not-this`)],
    [`another account (${strangerAccount(role)}), even with the External ID`, ask(stranger, role.externalId)],
  ];
  const admitted = nearMisses
    .map(([name, request]) => ({ name, evaluation: evaluateTrustPolicy(document, request) }))
    .filter(({ evaluation }) => evaluation.decision === 'allowed');
  const [first] = admitted;
  if (first) {
    const names = admitted.map(({ name }) => name).join('; ');
    const widest = first.evaluation;
    return failed(
      `The trust policy of ${role.roleName} also admits ${names}. ${explainTrustEvaluation(widest)} A third-party role must require the External ID and name only the vendor, never "*".`,
      APPLY,
    );
  }
  return passed(
    `Admits ${vendor} for ${THIRD_PARTY_ACTION} with the External ID. ${explainTrustEvaluation(intended)} Refuses ${nearMisses.map(([name]) => name).join(', ')}.`,
  );
}

/** Live: a session from the vendor's profile (which must be the vendor's account), then AssumeRole with the External ID. */
async function assumeAsVendor(role: ThirdPartyRole, profile: string, context: CheckContext): Promise<StepOutcome> {
  const { catalog, timeouts, defaultRegion } = context.aws;
  const found = await catalog.profile(profile);
  if (!found) {
    return failed(
      `There is no AWS profile named "${profile}" in ${catalog.paths.configFile} or ${catalog.paths.credentialsFile}.`,
      "Add a profile for the vendor's account, or remove it from the role to check statically only.",
    );
  }
  let vendor: AwsCheckSession | undefined;
  let assumed: AwsCheckSession | undefined;
  try {
    vendor = await openAwsCheckSession(profile, {
      paths: catalog.paths,
      region: found.region ?? defaultRegion,
      timeouts,
      pace: context.scope.pace,
      expectedAccount: role.vendorAccountId,
    });
    if (vendor.account !== role.vendorAccountId) {
      return failed(
        `The profile "${profile}" signs in to account ${vendor.account}, not the vendor's ${role.vendorAccountId}.`,
        "Use a profile of the vendor's account for the live check.",
      );
    }
    assumed = await openAwsMemberSession(
      vendor,
      {
        accountId: role.accountId,
        roleName: role.roleName,
        externalId: role.externalId,
        sessionName: 'liaison-check',
        durationSeconds: LIVE_SESSION_SECONDS,
      },
      context.scope.pace,
    );
    const arn = recipeRoleArn(role.accountId, role.roleName, vendor.partition);
    if (assumed.account !== role.accountId || !assumed.arn.includes(`:assumed-role/${role.roleName}/`)) {
      return failed(`AssumeRole ${arn} returned credentials for ${assumed.arn}, not the role.`, APPLY);
    }
    return passed(`${vendor.arn} assumed ${arn} with the External ID and is ${assumed.arn}.`);
  } finally {
    assumed?.close();
    vendor?.close();
  }
}
