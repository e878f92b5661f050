import type { MethodOutput, ParsedInput } from '../../shared/api';
import type { adoptionMethods } from '../../shared/contract/adoption';
import type { ServiceFor } from './contract-service';
import { CoreError } from './core-error';
import type { GcpCredentialsService } from './gcp/gcp-credentials-service';
import { resolveGoogleEndpoints } from './gcp/google-endpoints';
import { findModulePool, undeleteModulePool } from './gcp/workload-identity-pool';
import type { AwsSessionCredentials } from './aws/aws-session-credentials';
import { findExistingOidcProvider } from './aws/existing-oidc-provider';

/** Looks for what the module would create and an account may already have (issue 19, part 6). */
export class AdoptionService implements ServiceFor<typeof adoptionMethods> {
  constructor(
    private readonly keys: AwsSessionCredentials,
    private readonly gcp: GcpCredentialsService,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  async findWorkloadIdentityPool({
    credential,
    projectNumber,
  }: ParsedInput<'findWorkloadIdentityPool'>): Promise<MethodOutput<'findWorkloadIdentityPool'>> {
    let session;
    try {
      session = await this.#poolSession(credential);
    } catch (error) {
      const known = error instanceof CoreError ? error : undefined;
      return {
        status: 'unknown',
        message: `Could not look for the workload identity pool: ${known?.message ?? 'the credentials did not resolve'}`,
        remediation: known?.remediation ?? 'Verify the credentials on the Credentials page, then look again.',
      };
    }
    return findModulePool(session, projectNumber);
  }

  async undeleteWorkloadIdentityPool({
    credential,
    projectNumber,
  }: ParsedInput<'undeleteWorkloadIdentityPool'>): Promise<MethodOutput<'undeleteWorkloadIdentityPool'>> {
    return undeleteModulePool(await this.#poolSession(credential), projectNumber);
  }

  async findExistingOidcProvider({
    profile,
    accountId,
    environment,
    accessPath,
    interactive,
  }: ParsedInput<'findExistingOidcProvider'>): Promise<MethodOutput<'findExistingOidcProvider'>> {
    let resolved;
    try {
      resolved = await this.keys.resolve(profile, { interactive });
    } catch (error) {
      const known = error instanceof CoreError ? error : undefined;
      return {
        status: 'unknown',
        message: `Could not look for an existing OIDC provider: ${known?.message ?? 'the profile did not resolve'}`,
        remediation: known?.remediation ?? 'Verify the profile on the Credentials page, then look again.',
      };
    }
    return findExistingOidcProvider(resolved, { profile, accountId, environment, accessPath });
  }

  async #poolSession(credential: Parameters<GcpCredentialsService['authorizedClient']>[0]) {
    return { ...(await this.gcp.authorizedClient(credential)), endpoints: resolveGoogleEndpoints(this.env) };
  }
}
