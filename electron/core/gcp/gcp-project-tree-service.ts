import type { MethodOutput, ParsedInput } from '../../../shared/api';
import type { GcpCredentialRef } from '../../../shared/contract/gcp';
import type { gcpFolderMethods } from '../../../shared/contract/gcp-folders';
import type { ServiceFor } from '../contract-service';
import type { GcpCredentialsService } from './gcp-credentials-service';
import { resolveGoogleEndpoints } from './google-endpoints';
import { listGcpProjectTree, searchGcpOrganizations, type ResourceManager } from './list-gcp-project-tree';

/** Projects under an organization or folder, with the credential's own client and the configured endpoint. */
export class GcpProjectTreeService implements ServiceFor<typeof gcpFolderMethods> {
  constructor(
    private readonly gcp: GcpCredentialsService,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  async searchGcpOrganizations({
    credential,
  }: ParsedInput<'searchGcpOrganizations'>): Promise<MethodOutput<'searchGcpOrganizations'>> {
    return { organizations: await searchGcpOrganizations(await this.#manager(credential)) };
  }

  async listGcpProjectTree({
    credential,
    parent,
  }: ParsedInput<'listGcpProjectTree'>): Promise<MethodOutput<'listGcpProjectTree'>> {
    return listGcpProjectTree(await this.#manager(credential), parent);
  }

  async #manager(credential: GcpCredentialRef): Promise<ResourceManager> {
    const baseUrl = resolveGoogleEndpoints(this.env).cloudResourceManager;
    const { client, context } = await this.gcp.authorizedClient(credential);
    return { client, baseUrl, context };
  }
}
