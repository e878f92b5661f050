import type { adoptionMethods } from '../../../shared/contract/adoption';
import { CoreError } from '../core-error';
import type { HandlersFor } from '../handler-types';
import type { AwsSessionCredentials } from './aws-session-credentials';
import { findExistingOidcProvider } from './existing-oidc-provider';

/** Looks for what the module would create and an account may already have (issue 19, part 6). */
export function adoptionHandlers(keys: AwsSessionCredentials): HandlersFor<typeof adoptionMethods> {
  return {
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
