import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { BaseExternalAccountClient, Impersonated, OAuth2Client, type AuthClient } from 'google-auth-library';
import { z } from 'zod';
import type { ParsedInput } from '../../../shared/api';
import {
  gcpErrorCodes,
  type AdcSummary,
  type GcpCredentialRef,
  type GcpCredentialsListing,
  type GcpIdentity,
  type GcpImpersonationResult,
  type GcpProject,
  type gcpMethods,
} from '../../../shared/contract/gcp';
import type { ServiceFor } from '../contract-service';
import { CoreError } from '../core-error';
import type { Logger } from '../logger';
import { createAdcClient, CLOUD_PLATFORM_SCOPE } from './adc-client';
import { locateAdcFile, readAdcFile, stringField, type AdcJson } from './adc-file';
import { findGcloud, runConfigHelper } from './gcloud-cli';
import { resolveGcloudConfigDir } from './gcloud-config-dir';
import { listGcloudConfigurations } from './gcloud-configurations';
import { googleErrorToCoreError, type GoogleCallContext } from './google-error';
import { resolveGoogleEndpoints, type GoogleEndpoints } from './google-endpoints';
import { principalFromIdToken } from './id-token-claims';

const REQUEST_TIMEOUT_MS = 30_000;

/** A credential ready for calls: the client holds the secrets; the rest is safe to show. */
interface ResolvedCredential {
  client: AuthClient;
  context: GoogleCallContext;
  adc: AdcJson | undefined;
  configuration: { account?: string; project?: string; impersonate?: string } | undefined;
}

const projectResponseSchema = z.object({
  name: z.string().regex(/^projects\/[0-9]+$/),
  projectId: z.string(),
  displayName: z.string().optional(),
  state: z.string().optional(),
});

/**
 * The operator's local Google credentials: gcloud configurations and application default credentials
 * (listed from disk), and the calls that prove they work (identity, project lookup, impersonation).
 * Tokens and keys stay inside this service's clients: results carry only names, emails and numbers.
 */
export class GcpCredentialsService implements ServiceFor<typeof gcpMethods> {
  readonly #env: NodeJS.ProcessEnv;
  readonly #logger: Logger;
  readonly #now: () => Date;

  constructor(options: { env: NodeJS.ProcessEnv; logger: Logger; now?: () => Date }) {
    this.#env = options.env;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  get configDir(): string {
    return resolveGcloudConfigDir(this.#env);
  }

  async listGcpCredentials(): Promise<GcpCredentialsListing> {
    const configDir = this.configDir;
    const [configurations, adc, gcloud] = await Promise.all([
      listGcloudConfigurations(configDir, this.#env).catch((error: unknown) => {
        throw new CoreError(
          {
            code: gcpErrorCodes.credentialsInvalid,
            message: `Liaison cannot read gcloud's configuration directory ${configDir}.`,
            remediation: 'Check its permissions, or point CLOUDSDK_CONFIG at another directory.',
          },
          { cause: error },
        );
      }),
      readAdcFile(locateAdcFile(this.#env, configDir)),
      findGcloud(this.#env),
    ]);
    return {
      configDir,
      ...configurations,
      adc: adc.summary,
      gcloud: gcloud === undefined ? { installed: false } : { installed: true, path: gcloud },
    };
  }

  async verifyGcpCredential({ credential: ref }: ParsedInput<'verifyGcpCredential'>): Promise<GcpIdentity> {
    const endpoints = resolveGoogleEndpoints(this.#env);
    const credential = await this.#resolve(ref, endpoints, { forceRefresh: true });
    const context = { ...credential.context, action: 'verify the credentials' };
    const identity = await this.#identify(credential, endpoints).catch((error: unknown) => {
      throw googleErrorToCoreError(error, context);
    });
    this.#logger.info({ credential: ref, principal: identity.principal }, 'verified GCP credentials');
    return identity;
  }

  async lookupGcpProject({ credential: ref, projectId }: ParsedInput<'lookupGcpProject'>): Promise<GcpProject> {
    const endpoints = resolveGoogleEndpoints(this.#env);
    const credential = await this.#resolve(ref, endpoints, { forceRefresh: false });
    const context: GoogleCallContext = {
      ...credential.context,
      action: `look up project ${projectId}`,
      field: 'projectId',
      resource: `project ${projectId}`,
    };
    try {
      const response = await credential.client.request({
        url: `${endpoints.cloudResourceManager}/v3/projects/${encodeURIComponent(projectId)}`,
        method: 'GET',
        timeout: REQUEST_TIMEOUT_MS,
      });
      const project = projectResponseSchema.parse(response.data);
      return {
        projectId: project.projectId,
        projectNumber: project.name.slice('projects/'.length),
        name: project.displayName ?? project.projectId,
        state: project.state ?? 'STATE_UNSPECIFIED',
      };
    } catch (error) {
      if (error instanceof z.ZodError) {
        throw new CoreError({
          code: gcpErrorCodes.requestFailed,
          message: `Cloud Resource Manager returned a project Liaison does not understand for ${projectId}.`,
          remediation: 'Check CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER if it is set.',
        });
      }
      throw googleErrorToCoreError(error, context);
    }
  }

  async checkGcpImpersonation({
    credential: ref,
    serviceAccount,
  }: ParsedInput<'checkGcpImpersonation'>): Promise<GcpImpersonationResult> {
    const endpoints = resolveGoogleEndpoints(this.#env);
    const credential = await this.#resolve(ref, endpoints, { forceRefresh: false });
    const context: GoogleCallContext = {
      ...credential.context,
      action: `impersonate ${serviceAccount}`,
      field: 'serviceAccount',
      resource: serviceAccount,
    };
    const impersonated = new Impersonated({
      sourceClient: credential.client,
      targetPrincipal: serviceAccount,
      targetScopes: [CLOUD_PLATFORM_SCOPE],
      lifetime: 300,
      endpoint: endpoints.iamCredentials,
    });
    try {
      await impersonated.getAccessToken();
    } catch (error) {
      throw googleErrorToCoreError(error, context);
    }
    const expiry = impersonated.credentials.expiry_date;
    this.#logger.info({ credential: ref, serviceAccount }, 'GCP impersonation check succeeded');
    return { serviceAccount, ...(expiry ? { expiresAt: new Date(expiry).toISOString() } : {}) };
  }

  /**
   * An access token for a Terraform child's GOOGLE_OAUTH_ACCESS_TOKEN: the one secret that leaves this
   * service, and only to the main process, which hands it to that child's environment alone.
   */
  async accessToken(ref: GcpCredentialRef): Promise<string> {
    const endpoints = resolveGoogleEndpoints(this.#env);
    const credential = await this.#resolve(ref, endpoints, { forceRefresh: false });
    const context = { ...credential.context, action: 'get an access token for Terraform' };
    try {
      const { token } = await credential.client.getAccessToken();
      if (token) return token;
    } catch (error) {
      throw googleErrorToCoreError(error, context);
    }
    throw new CoreError({
      code: gcpErrorCodes.credentialsInvalid,
      message: 'Google returned no access token for these credentials.',
      remediation: 'Verify the credentials on the Credentials page, then plan again.',
    });
  }

  /** A client for other core services' calls (checks); its tokens never leave the main process. */
  async authorizedClient(ref: GcpCredentialRef): Promise<{ client: AuthClient; context: GoogleCallContext }> {
    const credential = await this.#resolve(ref, resolveGoogleEndpoints(this.#env), { forceRefresh: false });
    return { client: credential.client, context: credential.context };
  }

  async #resolve(
    ref: GcpCredentialRef,
    endpoints: GoogleEndpoints,
    options: { forceRefresh: boolean },
  ): Promise<ResolvedCredential> {
    return ref.kind === 'adc' ? this.#resolveAdc(ref, endpoints) : this.#resolveConfiguration(ref, options);
  }

  async #resolveAdc(ref: GcpCredentialRef, endpoints: GoogleEndpoints): Promise<ResolvedCredential> {
    const location = locateAdcFile(this.#env, this.configDir);
    const read = await readAdcFile(location);
    if (read.status !== 'found') throw adcUnusable(read.summary);
    const client = withTimeout(createAdcClient(read.json, endpoints));
    const account = read.summary.principal;
    return {
      client,
      adc: read.json,
      configuration: undefined,
      context: { credential: ref, adcType: read.summary.type, action: '', ...(account ? { account } : {}) },
    };
  }

  async #resolveConfiguration(
    ref: Extract<GcpCredentialRef, { kind: 'configuration' }>,
    options: { forceRefresh: boolean },
  ): Promise<ResolvedCredential> {
    const configDir = this.configDir;
    const file = join(configDir, 'configurations', `config_${ref.name}`);
    const exists = await access(file).then(
      () => true,
      () => false,
    );
    if (!exists) {
      throw new CoreError({
        code: gcpErrorCodes.notFound,
        field: 'credential',
        message: `There is no gcloud configuration named ${ref.name} in ${configDir}.`,
        remediation: 'Refresh the list; `gcloud config configurations list` shows what gcloud has.',
      });
    }
    const gcloud = await findGcloud(this.#env);
    if (!gcloud) {
      throw new CoreError({
        code: gcpErrorCodes.gcloudNotInstalled,
        message: `gcloud is needed to use configuration ${ref.name}, and it is not on PATH.`,
        remediation:
          'Install the Google Cloud CLI (https://cloud.google.com/sdk/docs/install) and restart Liaison, or use application default credentials.',
      });
    }
    const listing = await listGcloudConfigurations(configDir, this.#env);
    const described = listing.configurations.find((c) => c.name === ref.name);
    const helper = await runConfigHelper({
      gcloud,
      configDir,
      configuration: ref.name,
      account: described?.account,
      env: this.#env,
      forceRefresh: options.forceRefresh,
    });
    const client = withTimeout(new OAuth2Client());
    client.setCredentials({
      access_token: helper.accessToken,
      ...(helper.expiresAt ? { expiry_date: helper.expiresAt.getTime() } : {}),
    });
    if (helper.quotaProject) client.quotaProjectId = helper.quotaProject;
    const account = helper.impersonateServiceAccount ?? helper.account;
    return {
      client,
      adc: undefined,
      configuration: {
        ...(helper.account ? { account: helper.account } : {}),
        ...(helper.project ? { project: helper.project } : {}),
        ...(helper.impersonateServiceAccount ? { impersonate: helper.impersonateServiceAccount } : {}),
      },
      context: { credential: ref, action: '', ...(account ? { account } : {}) },
    };
  }

  async #identify(credential: ResolvedCredential, endpoints: GoogleEndpoints): Promise<GcpIdentity> {
    const verifiedAt = this.#now().toISOString();
    const ref = credential.context.credential;
    if (credential.configuration) {
      const { account, project, impersonate } = credential.configuration;
      const principal = impersonate ?? account ?? 'unknown account';
      return {
        credential: ref,
        credentialType: 'gcloud',
        principal,
        principalKind: kindOfEmail(principal),
        ...(impersonate && account ? { impersonatedBy: account } : {}),
        ...(project ? { project } : {}),
        verifiedAt,
      };
    }
    const adc = credential.adc ?? {};
    const type = credential.context.adcType ?? 'unknown';
    const { token } = await credential.client.getAccessToken();
    const project =
      stringField(adc, 'project_id') ?? stringField(adc, 'quota_project_id') ?? this.#env.GOOGLE_CLOUD_PROJECT;
    const base = { credential: ref, ...(project ? { project } : {}), verifiedAt };
    const client = credential.client;
    if (client instanceof Impersonated) {
      const principal = client.getTargetPrincipal();
      const source = stringField((adc.source_credentials ?? {}) as AdcJson, 'client_email');
      return {
        ...base,
        credentialType: 'impersonated_service_account',
        principal,
        principalKind: 'serviceAccount',
        ...(source ? { impersonatedBy: source } : {}),
      };
    }
    if (client instanceof BaseExternalAccountClient) {
      const serviceAccount = client.getServiceAccountEmail();
      const audience = stringField(adc, 'audience') ?? 'a workload identity pool';
      return serviceAccount
        ? {
            ...base,
            credentialType: 'external_account',
            principal: serviceAccount,
            principalKind: 'serviceAccount',
            impersonatedBy: `workload identity federation (${audience})`,
          }
        : { ...base, credentialType: 'external_account', principal: audience, principalKind: 'workloadIdentity' };
    }
    if (type === 'service_account') {
      return {
        ...base,
        credentialType: 'service_account',
        principal: stringField(adc, 'client_email') ?? 'unknown service account',
        principalKind: 'serviceAccount',
      };
    }
    const principal = await userPrincipal(client, token, endpoints);
    return { ...base, credentialType: 'authorized_user', principal, principalKind: kindOfEmail(principal) };
  }
}

/** The signed-in user: from the ID token the refresh returned, else from tokeninfo. */
async function userPrincipal(
  client: AuthClient,
  token: string | null | undefined,
  _endpoints: GoogleEndpoints,
): Promise<string> {
  const fromIdToken = principalFromIdToken(client.credentials.id_token);
  if (fromIdToken) return fromIdToken;
  if (client instanceof OAuth2Client && token) {
    const info = await client.getTokenInfo(token);
    if (info.email) return info.email;
  }
  return 'unknown user (the token carries no email scope)';
}

function adcUnusable(summary: AdcSummary): CoreError {
  if (summary.status === 'unreadable') {
    return new CoreError({
      code: gcpErrorCodes.credentialsInvalid,
      message: `The application default credentials at ${summary.path} cannot be used: ${summary.message}.`,
      remediation: 'Run `gcloud auth application-default login` to write them again.',
    });
  }
  return new CoreError({
    code: gcpErrorCodes.noCredentials,
    message: `There are no application default credentials at ${summary.path}.`,
    remediation:
      summary.source === 'env'
        ? 'GOOGLE_APPLICATION_CREDENTIALS names a file that does not exist: fix or unset it.'
        : 'Run `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS to a credentials file.',
  });
}

function kindOfEmail(email: string): 'user' | 'serviceAccount' | 'unknown' {
  if (email.endsWith('.gserviceaccount.com')) return 'serviceAccount';
  return email.includes('@') ? 'user' : 'unknown';
}

function withTimeout<T extends AuthClient>(client: T): T {
  client.transporter.defaults.timeout = REQUEST_TIMEOUT_MS;
  return client;
}
