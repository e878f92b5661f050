import type { GcpCredentialRef } from '../../../shared/contract/gcp';
import type { gcpFolderMethods } from '../../../shared/contract/gcp-folders';
import type { HandlersFor } from '../handler-types';
import type { GcpCredentialsService } from './gcp-credentials-service';
import { resolveGoogleEndpoints } from './google-endpoints';
import { listGcpProjectTree, searchGcpOrganizations, type ResourceManager } from './list-gcp-project-tree';

/** Projects under an organization or folder, with the credential's own client and the configured endpoint. */
export function gcpFolderHandlers(
  gcp: GcpCredentialsService,
  env: NodeJS.ProcessEnv,
): HandlersFor<typeof gcpFolderMethods> {
  const manager = async (credential: GcpCredentialRef): Promise<ResourceManager> => {
    const baseUrl = resolveGoogleEndpoints(env).cloudResourceManager;
    const { client, context } = await gcp.authorizedClient(credential);
    return { client, baseUrl, context };
  };
  return {
    searchGcpOrganizations: async ({ credential }) => ({
      organizations: await searchGcpOrganizations(await manager(credential)),
    }),
    listGcpProjectTree: async ({ credential, parent }) => listGcpProjectTree(await manager(credential), parent),
  };
}
