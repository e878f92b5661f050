import type { AuthClient } from 'google-auth-library';
import type { GcpProject } from '../../../../shared/contract/gcp';
import { googleErrorToCoreError, type GoogleCallContext } from '../../gcp/google-error';
import type { GoogleEndpoints } from '../../gcp/google-endpoints';
import type { CheckScope, SharedRead } from '../check-scope';
import type { GoogleIamPolicy } from './iam-policy-grants';

/** The credentials a GCP check calls with, and the project as they see it. */
export interface GcpCheckSession {
  project: GcpProject;
  client: AuthClient;
  context: GoogleCallContext;
  endpoints: GoogleEndpoints;
  timeout: number;
}

export interface WorkloadIdentityResource {
  state?: string;
  disabled?: boolean;
  oidc?: { issuerUri?: string; allowedAudiences?: string[] };
  attributeMapping?: Record<string, string>;
}

/** A service account as the check needs it: missing, disabled, or its IAM policy. */
export type ServiceAccountDocument =
  { exists: false } | { exists: true; disabled: true } | { exists: true; disabled: false; policy: GoogleIamPolicy };

/**
 * The project-level documents every check of a GCP project reads: the pool, the provider, each
 * module service account with its IAM policy, and the project's IAM policy. The module creates one
 * set per project whose bindings name all the project's groups, so a run reads each once per
 * session (through the scope) and every group's check judges its own binding against the same
 * document. Each call waits for the run's pace for the project first.
 */
export class GcpProjectDocuments {
  readonly #scope: CheckScope;
  readonly #sessionKey: string;
  readonly #session: GcpCheckSession;
  readonly #projectId: string;

  constructor(scope: CheckScope, sessionKey: string, session: GcpCheckSession, projectId: string) {
    this.#scope = scope;
    this.#sessionKey = sessionKey;
    this.#session = session;
    this.#projectId = projectId;
  }

  /** A pool or provider by its resource name; `undefined` when Google says 404. */
  workloadIdentityResource(name: string, action: string): Promise<SharedRead<WorkloadIdentityResource | undefined>> {
    return this.#once(`resource\0${name}`, async () => {
      const resource = await this.#get(`${this.#session.endpoints.iam}/v1/${name}`, action);
      return resource as WorkloadIdentityResource | undefined;
    });
  }

  serviceAccount(email: string): Promise<SharedRead<ServiceAccountDocument>> {
    return this.#once(`service-account\0${email}`, async (): Promise<ServiceAccountDocument> => {
      const base = `${this.#session.endpoints.iam}/v1/projects/${encodeURIComponent(this.#projectId)}/serviceAccounts/${encodeURIComponent(email)}`;
      const account = (await this.#get(base, `read the service account ${email}`)) as
        { disabled?: boolean } | undefined;
      if (!account) return { exists: false };
      if (account.disabled) return { exists: true, disabled: true };
      const policy = await this.#getIamPolicy(`${base}:getIamPolicy`, `read the IAM policy of ${email}`);
      return { exists: true, disabled: false, policy };
    });
  }

  projectPolicy(): Promise<SharedRead<GoogleIamPolicy>> {
    return this.#once('project-policy', () =>
      this.#getIamPolicy(
        `${this.#session.endpoints.cloudResourceManager}/v1/projects/${encodeURIComponent(this.#projectId)}:getIamPolicy`,
        `read the IAM policy of project ${this.#projectId}`,
      ),
    );
  }

  #once<T>(key: string, load: () => Promise<T>): Promise<SharedRead<T>> {
    return this.#scope.once(`${this.#sessionKey}\0${key}`, load);
  }

  async #get(url: string, action: string): Promise<unknown> {
    await this.#scope.pace(`gcp:${this.#projectId}`);
    try {
      const response = await this.#session.client.request({ url, method: 'GET', timeout: this.#session.timeout });
      return response.data;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw googleErrorToCoreError(error, { ...this.#session.context, action });
    }
  }

  async #getIamPolicy(url: string, action: string): Promise<GoogleIamPolicy> {
    await this.#scope.pace(`gcp:${this.#projectId}`);
    try {
      const response = await this.#session.client.request<GoogleIamPolicy>({
        url,
        method: 'POST',
        data: { options: { requestedPolicyVersion: 3 } },
        timeout: this.#session.timeout,
      });
      return response.data;
    } catch (error) {
      throw googleErrorToCoreError(error, { ...this.#session.context, action });
    }
  }
}

function statusOf(error: unknown): number | undefined {
  const shape = error as { status?: number; response?: { status?: number } } | undefined;
  return shape?.response?.status ?? shape?.status;
}
