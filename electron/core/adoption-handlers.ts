import type { adoptionMethods } from '../../shared/contract/adoption';
import { CoreError } from './core-error';
import type { HandlersFor } from './handler-types';
import type { GcpCredentialsService } from './gcp/gcp-credentials-service';
import { resolveGoogleEndpoints } from './gcp/google-endpoints';
import { findModulePool, undeleteModulePool } from './gcp/workload-identity-pool';
import type { AwsSessionCredentials } from './aws/aws-session-credentials';
import { findExistingOidcProvider } from './aws/existing-oidc-provider';

/** Looks for what the module would create and an account may already have (issue 19, part 6). */
export function adoptionHandlers(
  keys: AwsSessionCredentials,
  gcp: GcpCredentialsService,
  env: NodeJS.ProcessEnv,
): HandlersFor<typeof adoptionMethods> {
  const poolSession = async (credential: Parameters<GcpCredentialsService['authorizedClient']>[0]) => ({
    ...(await gcp.authorizedClient(credential)),
    endpoints: resolveGoogleEndpoints(env),
  });
  return {
    findWorkloadIdentityPool: async ({ credential, projectNumber }) => {
      let session;
      try {
        session = await poolSession(credential);
      } catch (error) {
        const known = error instanceof CoreError ? error : undefined;
        return {
          status: 'unknown',
          message: `Could not look for the workload identity pool: ${known?.message ?? 'the credentials did not resolve'}`,
          remediation: known?.remediation ?? 'Verify the credentials on the Credentials page, then look again.',
        };
      }
      return findModulePool(session, projectNumber);
    },
    undeleteWorkloadIdentityPool: async ({ credential, projectNumber }) =>
      undeleteModulePool(await poolSession(credential), projectNumber),
    findExistingOidcProvider: async ({ profile, accountId, environment, accessPath, interactive }) => {
      let resolved;
      try {
        resolved = await keys.resolve(profile, { interactive });
      } catch (error) {
        const known = error instanceof CoreError ? error : undefined;
        return {
          status: 'unknown',
          message: `Could not look for an existing OIDC provider: ${known?.message ?? 'the profile did not resolve'}`,
          remediation: known?.remediation ?? 'Verify the profile on the Credentials page, then look again.',
        };
      }
      return findExistingOidcProvider(resolved, { profile, accountId, environment, accessPath });
    },
  };
}
