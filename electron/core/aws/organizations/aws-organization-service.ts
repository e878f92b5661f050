import { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { MethodOutput, ParsedInput } from '../../../../shared/api';
import type { organizationMethods } from '../../../../shared/contract/organizations';
import type { ServiceFor } from '../../contract-service';
import type { AwsSessionCredentials } from '../aws-session-credentials';
import { listAwsOrganization } from './list-aws-organization';

/** Organizations is a global service answered in us-east-1 (us-gov-west-1 in GovCloud, by the profile's settings). */
const ORGANIZATIONS_REGION = 'us-east-1';

/** The AWS organization a profile can see: its roots, OUs and accounts. */
export class AwsOrganizationService implements ServiceFor<typeof organizationMethods> {
  constructor(private readonly keys: AwsSessionCredentials) {}

  async listAwsOrganization({
    profile,
  }: ParsedInput<'listAwsOrganization'>): Promise<MethodOutput<'listAwsOrganization'>> {
    // The operator asked for it: an MFA code or SSO sign-in may be asked for, as on the Credentials page.
    const resolved = await this.keys.resolve(profile, { interactive: true });
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
  }
}
