import { IdentityPoolClient } from 'google-auth-library';
import type { GcpCredentialRef } from '../../../../shared/contract/gcp';
import type { StoredTokenCommand } from '../token-command';
import {
  CANARY_COMPONENT,
  MODULE_IDENTITIES,
  type GcpModuleVersion,
  type ModuleIdentity,
} from '../../../../shared/terraform/module-catalog';
import { googleErrorToCoreError } from '../../gcp/google-error';
import { resolveGoogleEndpoints } from '../../gcp/google-endpoints';
import { CLOUD_PLATFORM_SCOPE } from '../../gcp/adc-client';
import { gcpAssociationInputSchema } from '../../../../shared/contract/associations';
import type { AssociationCheckKind, CheckContext, CheckStepSpec, JudgeRead, Reached } from '../check-kind';
import { failed, missing, passed, type StepOutcome } from '../check-run';
import { type CheckScope, sharedNote } from '../check-scope';
import { describeToken, runTokenCommand } from '../token-command';
import { describeGcpStepError } from './describe-gcp-check-error';
import {
  GcpProjectDocuments,
  type GcpCheckSession,
  type ServiceAccountDocument,
  type WorkloadIdentityResource,
} from './gcp-project-documents';
import { grantsWorkloadIdentityUser, rolesOf, type GoogleIamPolicy } from './iam-policy-grants';

export const GCP_AUDIENCE = 'google';
export const POOL_ID = 'chainguard-pool';
export const PROVIDER_ID = 'chainguard-provider';

export interface GcpCheckTarget {
  groupId: string;
  projectId: string;
  projectNumber: string;
  credential: GcpCredentialRef;
  moduleVersion: GcpModuleVersion;
  environment: string;
}

const APPLY = 'Run Apply for this association (or terraform apply in its workspace), then check again.';

/** The project's session, and the key that shares it (and the project's documents) within a run. */
interface KeyedGcpSession {
  value: GcpCheckSession;
  key: string;
}

/**
 * check-gcp: the credentials see the project under the association's number; the pool and provider
 * exist, are active and take the issuer with audience `google`; each service account exists, lets the
 * pool's `<component>:<GROUP>` use it, and holds its project roles; then, with a token, a live STS
 * exchange and impersonation of the canary.
 */
export const gcpCheckKind: AssociationCheckKind<GcpCheckTarget, KeyedGcpSession> = {
  cloud: 'gcp',
  label: 'GCP',
  noun: 'GCP project',
  platformCloud: 'GOOGLE',
  targetOf: (values) => gcpAssociationInputSchema.safeParse(values).data,
  groupOf: ({ groupId, environment }) => ({ groupId, environment }),
  targetId: (target) => target.projectId,
  describeError: describeGcpStepError,
  plan(target, context) {
    const issuer = `https://issuer.${target.environment}`;
    const canary = `chainguard-${CANARY_COMPONENT}`;
    const credentialLabel =
      target.credential.kind === 'adc'
        ? 'application default credentials'
        : `gcloud configuration ${target.credential.name}`;
    return {
      reach: [
        {
          id: 'credentials',
          title: `${credentialLabel} see project ${target.projectId}`,
          open: () => openProjectSession(target, credentialLabel, context),
        },
      ],
      unreached: "Not checked: the credentials did not resolve to the association's project.",
      readsOf: `project ${target.projectId}`,
      steps: (session, judge) => staticSteps(target, session, context.scope, judge, issuer),
      live: {
        title: `Live: exchange a token from ${issuer} and impersonate ${canary}`,
        environment: target.environment,
        impersonate: async ({ value: open }, command) => {
          // generateAccessToken is the project's call (the STS exchange before it is not the project's quota).
          await context.scope.pace(`gcp:${target.projectId}`);
          return impersonateCanary(
            open,
            target,
            command,
            context.env,
            `${canary}@${target.projectId}.iam.gserviceaccount.com`,
          );
        },
      },
    };
  },
};

/** The first step: the credentials resolve and see the project under the association's number. */
async function openProjectSession(
  target: GcpCheckTarget,
  credentialLabel: string,
  context: CheckContext,
): Promise<Reached<KeyedGcpSession>> {
  const { scope } = context;
  // Shared by the checks that would resolve the same credentials for the same project.
  const key = ['gcp-session', JSON.stringify(target.credential), target.projectId].join('\0');
  const opened = await scope.once(key, async (): Promise<GcpCheckSession> => {
    await scope.pace(`gcp:${target.projectId}`);
    const project = await context.gcp.credentials.lookupGcpProject({
      credential: target.credential,
      projectId: target.projectId,
    });
    const { client, context: googleContext } = await context.gcp.credentials.authorizedClient(target.credential);
    const endpoints = resolveGoogleEndpoints(context.env);
    return {
      project,
      client,
      context: googleContext,
      endpoints,
      timeout: context.gcp.requestTimeoutMs ?? 30_000,
    };
  });
  const note = opened.shared ? ` ${sharedNote('Resolved', `${credentialLabel} and project ${target.projectId}`)}` : '';
  if (!opened.ok) {
    const outcome = describeGcpStepError(opened.error, false);
    return { outcome: { ...outcome, detail: `${outcome.detail}${note}` } };
  }
  const { project } = opened.value;
  if (project.projectNumber !== target.projectNumber) {
    return {
      outcome: failed(
        `Project ${target.projectId} has number ${project.projectNumber}, not ${target.projectNumber}.`,
        `Edit the association: the project number must be ${project.projectNumber} (the bindings name the pool by number).`,
      ),
    };
  }
  return {
    outcome: passed(`Project ${target.projectId} is number ${project.projectNumber} (${project.state}).${note}`),
    session: { value: opened.value, key },
  };
}

/** The project's documents, judged: the pool, the provider, then each service account and its project roles. */
function staticSteps(
  target: GcpCheckTarget,
  session: KeyedGcpSession,
  scope: CheckScope,
  judge: JudgeRead,
  issuer: string,
): CheckStepSpec[] {
  const documents = new GcpProjectDocuments(scope, session.key, session.value, target.projectId);
  const poolName = `projects/${target.projectNumber}/locations/global/workloadIdentityPools/${POOL_ID}`;
  const providerName = `${poolName}/providers/${PROVIDER_ID}`;
  const steps: CheckStepSpec[] = [
    {
      id: 'pool',
      title: `Workload identity pool ${POOL_ID}`,
      run: async () =>
        judge(
          await documents.workloadIdentityResource(poolName, `read the workload identity pool ${POOL_ID}`),
          (pool) => checkPool(pool, poolName),
        ),
    },
    {
      id: 'provider',
      title: `Provider ${PROVIDER_ID} for ${issuer}`,
      run: async () =>
        judge(
          await documents.workloadIdentityResource(providerName, `read the workload identity provider ${PROVIDER_ID}`),
          (provider) => checkProvider(provider, providerName, issuer),
        ),
    },
  ];
  for (const identity of MODULE_IDENTITIES[target.moduleVersion]) {
    const email = `${identity.name}@${target.projectId}.iam.gserviceaccount.com`;
    const accountStep = `service-account:${identity.name}`;
    steps.push({
      id: accountStep,
      title: `Service account ${identity.name} admits ${identity.component}:${target.groupId}`,
      run: async () =>
        judge(await documents.serviceAccount(email), (document) =>
          checkServiceAccount(document, identity.name, email, poolName, `${identity.component}:${target.groupId}`),
        ),
    });
    if (identity.gcpProjectRoles.length === 0) continue;
    steps.push({
      id: `project-roles:${identity.name}`,
      title: `Project roles of ${identity.name}`,
      needs: accountStep,
      run: async () => judge(await documents.projectPolicy(), (policy) => checkProjectRoles(policy, identity, email)),
    });
  }
  return steps;
}

function checkPool(pool: WorkloadIdentityResource | undefined, name: string): StepOutcome {
  if (!pool) return missing('pool', POOL_ID, `There is no workload identity pool ${name}.`, APPLY);
  if (pool.state !== 'ACTIVE' || pool.disabled) {
    return failed(
      `The pool ${POOL_ID} is ${pool.disabled ? 'disabled' : (pool.state ?? 'in an unknown state')}.`,
      `Undelete or enable the pool (gcloud iam workload-identity-pools undelete/update), then ${APPLY.toLowerCase()}`,
    );
  }
  return passed(`${name} is ACTIVE.`);
}

function checkProvider(provider: WorkloadIdentityResource | undefined, name: string, issuer: string): StepOutcome {
  if (!provider) return missing('provider', PROVIDER_ID, `There is no workload identity provider ${name}.`, APPLY);
  if (provider.state !== 'ACTIVE' || provider.disabled) {
    return failed(
      `The provider ${PROVIDER_ID} is ${provider.disabled ? 'disabled' : (provider.state ?? 'in an unknown state')}.`,
      APPLY,
    );
  }
  const issuerUri = provider.oidc?.issuerUri?.replace(/\/+$/, '');
  if (issuerUri !== issuer)
    return failed(`The provider trusts the issuer ${issuerUri ?? '(none)'}, not ${issuer}.`, APPLY);
  const audiences = provider.oidc?.allowedAudiences ?? [];
  if (!audiences.includes(GCP_AUDIENCE)) {
    return failed(
      `The provider allows the audiences ${audiences.length ? audiences.join(', ') : '(only its own resource name)'}; tokens for "${GCP_AUDIENCE}" are refused without it.`,
      APPLY,
    );
  }
  if (provider.attributeMapping?.['attribute.sub'] !== 'assertion.sub') {
    return failed(
      `The provider maps attribute.sub to ${provider.attributeMapping?.['attribute.sub'] ?? 'nothing'}, not assertion.sub, so the bindings by sub never match.`,
      APPLY,
    );
  }
  return passed(`${name} is ACTIVE for ${issuer}, audience ${GCP_AUDIENCE}, attribute.sub = assertion.sub.`);
}

function checkServiceAccount(
  document: ServiceAccountDocument,
  name: string,
  email: string,
  poolName: string,
  subject: string,
): StepOutcome {
  if (!document.exists) return missing('service-account', name, `The service account ${email} does not exist.`, APPLY);
  if (document.disabled)
    return failed(
      `The service account ${email} is disabled.`,
      `Enable it (gcloud iam service-accounts enable ${email}).`,
    );
  const grant = grantsWorkloadIdentityUser(document.policy, poolName, subject);
  const principalSet = `principalSet://iam.googleapis.com/${poolName}/attribute.sub/${subject}`;
  if (!grant.granted) {
    return failed(
      `${email} does not grant roles/iam.workloadIdentityUser to ${principalSet}${grant.conditional ? ' (only under a condition Liaison does not evaluate)' : ''}.`,
      APPLY,
    );
  }
  return passed(`${email} grants roles/iam.workloadIdentityUser to ${principalSet}.`);
}

function checkProjectRoles(policy: GoogleIamPolicy, identity: ModuleIdentity, email: string): StepOutcome {
  const held = rolesOf(policy, `serviceAccount:${email}`);
  const missing = identity.gcpProjectRoles.filter((role) => !held.has(role));
  if (missing.length > 0) return failed(`${email} lacks ${missing.join(', ')} on the project.`, APPLY);
  return passed(`${email} holds ${identity.gcpProjectRoles.join(', ')}.`);
}

async function impersonateCanary(
  session: GcpCheckSession,
  target: GcpCheckTarget,
  tokenCommand: StoredTokenCommand,
  env: NodeJS.ProcessEnv,
  canaryEmail: string,
): Promise<StepOutcome> {
  const token = await runTokenCommand(tokenCommand, GCP_AUDIENCE, env);
  const client = new IdentityPoolClient({
    audience: `//iam.googleapis.com/projects/${target.projectNumber}/locations/global/workloadIdentityPools/${POOL_ID}/providers/${PROVIDER_ID}`,
    subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    token_url: `${session.endpoints.sts}/v1/token`,
    service_account_impersonation_url: `${session.endpoints.iamCredentials}/v1/projects/-/serviceAccounts/${canaryEmail}:generateAccessToken`,
    subject_token_supplier: { getSubjectToken: () => Promise.resolve(token.token) },
    scopes: [CLOUD_PLATFORM_SCOPE],
  });
  client.transporter.defaults.timeout = session.timeout;
  try {
    const { token: accessToken } = await client.getAccessToken();
    if (!accessToken)
      return failed('Google returned no access token for the canary.', 'Check again; if it repeats, report it.');
  } catch (error) {
    throw googleErrorToCoreError(error, {
      ...session.context,
      adcType: 'external_account',
      action: `impersonate ${canaryEmail} through ${PROVIDER_ID}`,
      resource: canaryEmail,
    });
  }
  return passed(`Exchanged ${describeToken(token)} through ${PROVIDER_ID} and impersonated ${canaryEmail}.`);
}
