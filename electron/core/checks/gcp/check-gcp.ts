import { IdentityPoolClient, type AuthClient } from 'google-auth-library';
import type { GcpCredentialRef } from '../../../../shared/contract/gcp';
import type { TokenCommand } from '../../../../shared/contract/checks';
import {
  CANARY_COMPONENT,
  MODULE_IDENTITIES,
  type GcpModuleVersion,
  type ModuleIdentity,
} from '../../../../shared/terraform/module-catalog';
import type { GcpCredentialsService } from '../../gcp/gcp-credentials-service';
import { googleErrorToCoreError, type GoogleCallContext } from '../../gcp/google-error';
import { resolveGoogleEndpoints, type GoogleEndpoints } from '../../gcp/google-endpoints';
import { CLOUD_PLATFORM_SCOPE } from '../../gcp/adc-client';
import { type CheckRun, failed, passed, type StepOutcome } from '../check-run';
import { runLiveStep } from '../live-step';
import { describeToken, runTokenCommand } from '../token-command';
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
}

const APPLY = 'Run Apply for this association (or terraform apply in its workspace), then check again.';

interface Session {
  client: AuthClient;
  context: GoogleCallContext;
  endpoints: GoogleEndpoints;
  timeout: number;
}

/**
 * check-gcp: the credentials see the project under the association's number; the pool and provider
 * exist, are active and take the issuer with audience `google`; each service account exists, lets the
 * pool's `<component>:<GROUP>` use it, and holds its project roles; then, with a token, a live STS
 * exchange and impersonation of the canary.
 */
export async function checkGcp(
  target: GcpCheckTarget,
  tokenCommand: TokenCommand | undefined,
  run: CheckRun,
  options: GcpCheckOptions,
): Promise<{ liveAt: Date | undefined }> {
  const issuer = `https://issuer.${target.environment}`;
  let session: Session | undefined;
  const credentialLabel =
    target.credential.kind === 'adc'
      ? 'application default credentials'
      : `gcloud configuration ${target.credential.name}`;
  const credentials = await run.step('credentials', `${credentialLabel} see project ${target.projectId}`, async () => {
    const project = await options.credentials.lookupProject(target.credential, target.projectId);
    if (project.projectNumber !== target.projectNumber) {
      return failed(
        `Project ${target.projectId} has number ${project.projectNumber}, not ${target.projectNumber}.`,
        `Edit the association: the project number must be ${project.projectNumber} (the bindings name the pool by number).`,
      );
    }
    const { client, context } = await options.credentials.authorizedClient(target.credential);
    session = {
      client,
      context,
      endpoints: resolveGoogleEndpoints(options.env),
      timeout: options.requestTimeoutMs ?? 30_000,
    };
    return passed(`Project ${target.projectId} is number ${project.projectNumber} (${project.state}).`);
  });
  const open = session as Session | undefined;
  if (credentials.status !== 'passed' || !open) {
    run.skip(
      'static',
      'Association resources',
      "Not checked: the credentials did not resolve to the association's project.",
    );
    return { liveAt: undefined };
  }
  const poolName = `projects/${target.projectNumber}/locations/global/workloadIdentityPools/${POOL_ID}`;
  await run.step('pool', `Workload identity pool ${POOL_ID}`, () => checkPool(open, poolName));
  await run.step('provider', `Provider ${PROVIDER_ID} for ${issuer}`, () =>
    checkProvider(open, `${poolName}/providers/${PROVIDER_ID}`, issuer),
  );
  let projectPolicy: GoogleIamPolicy | undefined;
  for (const identity of MODULE_IDENTITIES[target.moduleVersion]) {
    const email = `${identity.name}@${target.projectId}.iam.gserviceaccount.com`;
    const account = await run.step(
      `service-account:${identity.name}`,
      `Service account ${identity.name} admits ${identity.component}:${target.groupId}`,
      () => checkServiceAccount(open, target.projectId, email, poolName, `${identity.component}:${target.groupId}`),
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
    await run.step(`project-roles:${identity.name}`, `Project roles of ${identity.name}`, async () => {
      projectPolicy ??= await getIamPolicy(
        open,
        `${open.endpoints.cloudResourceManager}/v1/projects/${encodeURIComponent(target.projectId)}:getIamPolicy`,
        `read the IAM policy of project ${target.projectId}`,
      );
      return checkProjectRoles(projectPolicy, identity, email);
    });
  }
  const canary = `chainguard-${CANARY_COMPONENT}`;
  return runLiveStep(run, {
    title: `Live: exchange a token from ${issuer} and impersonate ${canary}`,
    environment: target.environment,
    tokenCommand,
    now: options.now,
    impersonate: (command) =>
      impersonateCanary(open, target, command, options.env, `${canary}@${target.projectId}.iam.gserviceaccount.com`),
  });
}

async function get(session: Session, url: string, action: string): Promise<unknown | undefined> {
  try {
    const response = await session.client.request({ url, method: 'GET', timeout: session.timeout });
    return response.data;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw googleErrorToCoreError(error, { ...session.context, action });
  }
}

async function getIamPolicy(session: Session, url: string, action: string): Promise<GoogleIamPolicy> {
  try {
    const response = await session.client.request<GoogleIamPolicy>({
      url,
      method: 'POST',
      data: { options: { requestedPolicyVersion: 3 } },
      timeout: session.timeout,
    });
    return response.data;
  } catch (error) {
    throw googleErrorToCoreError(error, { ...session.context, action });
  }
}

interface PoolResource {
  state?: string;
  disabled?: boolean;
  oidc?: { issuerUri?: string; allowedAudiences?: string[] };
  attributeMapping?: Record<string, string>;
}

async function checkPool(session: Session, name: string): Promise<StepOutcome> {
  const pool = (await get(
    session,
    `${session.endpoints.iam}/v1/${name}`,
    `read the workload identity pool ${POOL_ID}`,
  )) as PoolResource | undefined;
  if (!pool) return failed(`There is no workload identity pool ${name}.`, APPLY);
  if (pool.state !== 'ACTIVE' || pool.disabled) {
    return failed(
      `The pool ${POOL_ID} is ${pool.disabled ? 'disabled' : (pool.state ?? 'in an unknown state')}.`,
      `Undelete or enable the pool (gcloud iam workload-identity-pools undelete/update), then ${APPLY.toLowerCase()}`,
    );
  }
  return passed(`${name} is ACTIVE.`);
}

async function checkProvider(session: Session, name: string, issuer: string): Promise<StepOutcome> {
  const provider = (await get(
    session,
    `${session.endpoints.iam}/v1/${name}`,
    `read the workload identity provider ${PROVIDER_ID}`,
  )) as PoolResource | undefined;
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

async function checkServiceAccount(
  session: Session,
  projectId: string,
  email: string,
  poolName: string,
  subject: string,
): Promise<StepOutcome> {
  const base = `${session.endpoints.iam}/v1/projects/${encodeURIComponent(projectId)}/serviceAccounts/${encodeURIComponent(email)}`;
  const account = (await get(session, base, `read the service account ${email}`)) as { disabled?: boolean } | undefined;
  if (!account) return failed(`The service account ${email} does not exist.`, APPLY);
  if (account.disabled)
    return failed(
      `The service account ${email} is disabled.`,
      `Enable it (gcloud iam service-accounts enable ${email}).`,
    );
  const policy = await getIamPolicy(session, `${base}:getIamPolicy`, `read the IAM policy of ${email}`);
  const grant = grantsWorkloadIdentityUser(policy, poolName, subject);
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
  session: Session,
  target: GcpCheckTarget,
  tokenCommand: TokenCommand,
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

function statusOf(error: unknown): number | undefined {
  const shape = error as { status?: number; response?: { status?: number } } | undefined;
  return shape?.response?.status ?? shape?.status;
}
