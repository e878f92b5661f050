import { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { organizationMethods } from '../../../../shared/contract/organizations';
import type { HandlersFor } from '../../handler-types';
import type { AwsSessionCredentials } from '../aws-session-credentials';
import { listAwsOrganization } from './list-aws-organization';

/** Organizations is a global service answered in us-east-1 (us-gov-west-1 in GovCloud, by the profile's settings). */
const ORGANIZATIONS_REGION = 'us-east-1';

export function organizationHandlers(keys: AwsSessionCredentials): HandlersFor<typeof organizationMethods> {
  return {
    listAwsOrganization: async ({ profile }) => {
      // The operator asked for it: an MFA code or SSO sign-in may be asked for, as on the Credentials page.
      const resolved = await keys.resolve(profile, { interactive: true });
      const client = new OrganizationsClient({
        region: ORGANIZATIONS_REGION,
        // The profile's endpoint_url / services section apply, as the CLI would have them.
        profile,
        credentials: {
          accessKeyId: resolved.accessKeyId,
          secretAccessKey: resolved.secretAccessKey,
          ...(resolved.sessionToken ? { sessionToken: resolved.sessionToken } : {}),
        },
        maxAttempts: 8,
        retryMode: 'standard',
      });
      try {
        return await listAwsOrganization(client, profile);
      } finally {
        client.destroy();
      }
    },
  };
}
