import { IdentityPoolClient } from 'google-auth-library';
import type { GcpCredentialRef } from '../../../../shared/contract/gcp';
import type { StoredTokenCommand } from '../token-command';
import {
  CANARY_COMPONENT,
  MODULE_IDENTITIES,
  type GcpModuleVersion,
  type ModuleIdentity,
} from '../../../../shared/terraform/module-catalog';
import type { GcpCredentialsService } from '../../gcp/gcp-credentials-service';
import { googleErrorToCoreError } from '../../gcp/google-error';
import { resolveGoogleEndpoints } from '../../gcp/google-endpoints';
import { CLOUD_PLATFORM_SCOPE } from '../../gcp/adc-client';
import { type CheckRun, failed, passed, type StepOutcome } from '../check-run';
import { type CheckScope, type SharedRead, sharedNote } from '../check-scope';
import { runLiveStep } from '../live-step';
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

export interface GcpCheckOptions {
  credentials: GcpCredentialsService;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  requestTimeoutMs?: number;
  /** What this check shares with the others of its run (the project's session and documents); a check of its own passes a fresh one. */
  scope: CheckScope;
}

const APPLY = 'Run Apply for this association (or terraform apply in its workspace), then check again.';

/**
 * check-gcp: the credentials see the project under the association's number; the pool and provider
 * exist, are active and take the issuer with audience `google`; each service account exists, lets the
 * pool's `<component>:<GROUP>` use it, and holds its project roles; then, with a token, a live STS
 * exchange and impersonation of the canary.
 */
export async function checkGcp(
  target: GcpCheckTarget,
  tokenCommand: StoredTokenCommand | undefined,
  run: CheckRun,
  options: GcpCheckOptions,
): Promise<{ liveAt: Date | undefined }> {
  const issuer = `https://issuer.${target.environment}`;
  const { scope } = options;
  let session: { value: GcpCheckSession; key: string } | undefined;
  const credentialLabel =
    target.credential.kind === 'adc'
      ? 'application default credentials'
      : `gcloud configuration ${target.credential.name}`;
  const credentials = await run.step('credentials', `${credentialLabel} see project ${target.projectId}`, async () => {
    // Shared by the checks that would resolve the same credentials for the same project.
    const key = ['gcp-session', JSON.stringify(target.credential), target.projectId].join('\0');
    const opened = await scope.once(key, async (): Promise<GcpCheckSession> => {
      await scope.pace(`gcp:${target.projectId}`);
      const project = await options.credentials.lookupProject(target.credential, target.projectId);
      const { client, context } = await options.credentials.authorizedClient(target.credential);
      const endpoints = resolveGoogleEndpoints(options.env);
      return { project, client, context, endpoints, timeout: options.requestTimeoutMs ?? 30_000 };
    });
    const note = opened.shared
      ? ` ${sharedNote('Resolved', `${credentialLabel} and project ${target.projectId}`)}`
      : '';
    if (!opened.ok) {
      const outcome = describeGcpStepError(opened.error, false);
      return { ...outcome, detail: `${outcome.detail}${note}` };
    }
    const { project } = opened.value;
    if (project.projectNumber !== target.projectNumber) {
      return failed(
        `Project ${target.projectId} has number ${project.projectNumber}, not ${target.projectNumber}.`,
        `Edit the association: the project number must be ${project.projectNumber} (the bindings name the pool by number).`,
      );
    }
    session = { value: opened.value, key };
    return passed(`Project ${target.projectId} is number ${project.projectNumber} (${project.state}).${note}`);
  });
  const resolved = session as { value: GcpCheckSession; key: string } | undefined;
  if (credentials.status !== 'passed' || !resolved) {
    run.skip(
      'static',
      'Association resources',
      "Not checked: the credentials did not resolve to the association's project.",
    );
    return { liveAt: undefined };
  }
  const open = resolved.value;
  const documents = new GcpProjectDocuments(scope, resolved.key, open, target.projectId);
  const judge = <T>(read: SharedRead<T>, evaluate: (value: T) => StepOutcome): StepOutcome => {
    const outcome = read.ok ? evaluate(read.value) : describeGcpStepError(read.error, false);
    return read.shared
      ? { ...outcome, detail: `${outcome.detail} ${sharedNote('Read', `project ${target.projectId}`)}` }
      : outcome;
  };
  const poolName = `projects/${target.projectNumber}/locations/global/workloadIdentityPools/${POOL_ID}`;
  const providerName = `${poolName}/providers/${PROVIDER_ID}`;
  await run.step('pool', `Workload identity pool ${POOL_ID}`, async () =>
    judge(await documents.workloadIdentityResource(poolName, `read the workload identity pool ${POOL_ID}`), (pool) =>
      checkPool(pool, poolName),
    ),
  );
  await run.step('provider', `Provider ${PROVIDER_ID} for ${issuer}`, async () =>
    judge(
      await documents.workloadIdentityResource(providerName, `read the workload identity provider ${PROVIDER_ID}`),
      (provider) => checkProvider(provider, providerName, issuer),
    ),
  );
  for (const identity of MODULE_IDENTITIES[target.moduleVersion]) {
    const email = `${identity.name}@${target.projectId}.iam.gserviceaccount.com`;
    const account = await run.step(
      `service-account:${identity.name}`,
      `Service account ${identity.name} admits ${identity.component}:${target.groupId}`,
      async () =>
        judge(await documents.serviceAccount(email), (document) =>
          checkServiceAccount(document, email, poolName, `${identity.component}:${target.groupId}`),
        ),
    );
    if (identity.gcpProjectRoles.length === 0) continue;
    if (account.status === 'failed' && account.detail.includes('does not exist')) {
      run.skip(
        `project-roles:${identity.name}`,
        `Project roles of ${identity.name}`,
        `Not checked: ${identity.name} does not exist.`,
      );
      continue;
    }
    await run.step(`project-roles:${identity.name}`, `Project roles of ${identity.name}`, async () =>
      judge(await documents.projectPolicy(), (policy) => checkProjectRoles(policy, identity, email)),
    );
  }
  const canary = `chainguard-${CANARY_COMPONENT}`;
  return runLiveStep(run, {
    title: `Live: exchange a token from ${issuer} and impersonate ${canary}`,
    environment: target.environment,
    tokenCommand,
    now: options.now,
    impersonate: async (command) => {
      // generateAccessToken is the project's call (the STS exchange before it is not the project's quota).
      await scope.pace(`gcp:${target.projectId}`);
      return impersonateCanary(
        open,
        target,
        command,
        options.env,
        `${canary}@${target.projectId}.iam.gserviceaccount.com`,
      );
    },
  });
}

function checkPool(pool: WorkloadIdentityResource | undefined, name: string): StepOutcome {
  if (!pool) return failed(`There is no workload identity pool ${name}.`, APPLY);
  if (pool.state !== 'ACTIVE' || pool.disabled) {
    return failed(
      `The pool ${POOL_ID} is ${pool.disabled ? 'disabled' : (pool.state ?? 'in an unknown state')}.`,
      `Undelete or enable the pool (gcloud iam workload-identity-pools undelete/update), then ${APPLY.toLowerCase()}`,
    );
  }
  return passed(`${name} is ACTIVE.`);
}

function checkProvider(provider: WorkloadIdentityResource | undefined, name: string, issuer: string): StepOutcome {
  if (!provider) return failed(`There is no workload identity provider ${name}.`, APPLY);
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
  email: string,
  poolName: string,
  subject: string,
): StepOutcome {
  if (!document.exists) return failed(`The service account ${email} does not exist.`, APPLY);
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
