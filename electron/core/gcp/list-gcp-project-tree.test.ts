import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gcpErrorCodes } from '../../../shared/contract/gcp';
import { gcpResourceParentSchema } from '../../../shared/gcp-validation';
import {
  FOLDER_PROJECT,
  GCP_FOLDERS,
  GCP_ORGANIZATION,
  PROD_TEAM_PROJECTS,
  seedGcpFolderTree,
} from '../../../test-support/fakes/gcp/folder-tree';
import { DEMO_PROJECT } from '../../../test-support/fakes/gcp/gcloud-fixture';
import { coreErrorOf } from '../../../test-support/core/core-error-rejection';
import { createGcpTestBed, type GcpTestBed } from '../../../test-support/core/gcp-test-bed';
import { GcpProjectTreeService } from './gcp-project-tree-service';
import { resolveGoogleEndpoints } from './google-endpoints';
import { listGcpProjectTree, type ResourceManager } from './list-gcp-project-tree';

let bed: GcpTestBed;
beforeAll(async () => {
  bed = await createGcpTestBed();
  seedGcpFolderTree(bed.fake.state);
});
afterAll(() => bed.dispose());
beforeEach(() => {
  bed.fake.state.rateLimitedCalls = 0;
});

const alice = { kind: 'configuration', name: 'default' } as const;
const deployer = { kind: 'configuration', name: 'ci' } as const;
const handlers = () => new GcpProjectTreeService(bed.service(), bed.env);
const listings = () => bed.fake.requests.filter((r) => /^\/v3\/(projects|folders)$/.test(r.path));

async function manager(overrides: Partial<ResourceManager> = {}): Promise<ResourceManager> {
  const { client, context } = await bed.service().authorizedClient(alice);
  return { client, context, baseUrl: resolveGoogleEndpoints(bed.env).cloudResourceManager, ...overrides };
}

describe('projects under a GCP organization or folder', () => {
  it('lists every folder and project below the organization, paginated to the end', async () => {
    const before = listings().length;
    const tree = await handlers().listGcpProjectTree({ credential: alice, parent: GCP_ORGANIZATION.name });
    expect(tree.parent).toBe(GCP_ORGANIZATION.name);
    expect(tree.folders).toEqual([
      { name: GCP_FOLDERS.platform.name, displayName: 'Platform', parent: GCP_ORGANIZATION.name },
      { name: GCP_FOLDERS.prod.name, displayName: 'Prod', parent: GCP_FOLDERS.platform.name },
      { name: GCP_FOLDERS.sandboxes.name, displayName: 'Sandboxes', parent: GCP_ORGANIZATION.name },
    ]);
    expect(tree.projects).toContainEqual({ ...FOLDER_PROJECT, parent: GCP_FOLDERS.prod.name, state: 'ACTIVE' });
    // The fake's own projects sit right under the organization; Prod's 26 take two pages.
    expect(tree.projects.filter((p) => p.parent === GCP_FOLDERS.prod.name)).toHaveLength(PROD_TEAM_PROJECTS + 1);
    expect(tree.projects.filter((p) => p.parent === GCP_ORGANIZATION.name).map((p) => p.projectId)).toContain(
      DEMO_PROJECT.projectId,
    );
    // Google leaves projects being deleted out unless asked to show them.
    expect(tree.projects.map((p) => p.projectId)).not.toContain('sandbox-retired');
    expect(new Set(tree.projects.map((p) => p.projectNumber)).size).toBe(tree.projects.length);
    // 4 parents × (folders.list + projects.list), plus Prod's second page of projects.
    expect(listings().length - before).toBe(9);
  });

  it('lists only the subtree of a folder, the same with one item per page', async () => {
    const tree = await handlers().listGcpProjectTree({ credential: alice, parent: GCP_FOLDERS.platform.name });
    expect(tree.folders.map((f) => f.name)).toEqual([GCP_FOLDERS.prod.name]);
    expect(tree.projects).toHaveLength(PROD_TEAM_PROJECTS + 1);
    const paged = await listGcpProjectTree(await manager({ pageSize: 1 }), GCP_FOLDERS.platform.name);
    expect(paged).toEqual(tree);
  });

  it('names the missing permission and the parent when Google refuses the listing', async () => {
    const error = await coreErrorOf(
      Promise.resolve(handlers().listGcpProjectTree({ credential: deployer, parent: GCP_ORGANIZATION.name })),
    );
    expect(error.code).toBe(gcpErrorCodes.permissionDenied);
    expect(error.field).toBe('parent');
    expect(error.message).toMatch(/lacks the permission resourcemanager\.(folders|projects)\.list/);
    expect(error.remediation).toContain(GCP_ORGANIZATION.name);
    expect(error.remediation).toContain('roles/browser');
    // The deployer holds Browser on the Sandboxes folder itself.
    const own = await handlers().listGcpProjectTree({ credential: deployer, parent: GCP_FOLDERS.sandboxes.name });
    expect(own.projects.map((p) => p.projectId)).toEqual(['sandbox-alpha', 'sandbox-beta', 'sandbox-gamma']);
  });

  it('says how to enable the Cloud Resource Manager API when it is disabled', async () => {
    bed.fake.state.homeProjects.set('alice@example.com', '999000000001');
    bed.fake.state.disabledServices.set('999000000001', new Set(['cloudresourcemanager.googleapis.com']));
    try {
      const { client, context } = await bed.service().authorizedClient(alice);
      client.quotaProjectId = undefined;
      const error = await coreErrorOf(
        listGcpProjectTree(
          { client, context, baseUrl: resolveGoogleEndpoints(bed.env).cloudResourceManager },
          GCP_FOLDERS.prod.name,
        ),
      );
      expect(error.code).toBe(gcpErrorCodes.serviceDisabled);
      expect(error.remediation).toContain('gcloud services enable cloudresourcemanager.googleapis.com');
    } finally {
      bed.fake.state.disabledServices.delete('999000000001');
      bed.fake.state.homeProjects.delete('alice@example.com');
    }
  });

  it('retries a rate-limited call, and says so when the limit outlasts the retries', async () => {
    bed.fake.state.rateLimitedCalls = 2;
    const tree = await listGcpProjectTree(await manager(), GCP_FOLDERS.sandboxes.name);
    expect(bed.fake.state.rateLimitedCalls).toBe(0);
    expect(tree.projects).toHaveLength(3);

    bed.fake.state.rateLimitedCalls = 1_000;
    const error = await coreErrorOf(listGcpProjectTree(await manager({ retries: 1 }), GCP_FOLDERS.sandboxes.name));
    expect(error.code).toBe(gcpErrorCodes.requestFailed);
    expect(error.message).toMatch(/kept rate-limiting .*list the (folders|projects) in folders\/510000000003/);
    expect(error.message).toContain('Quota exceeded');
  });

  it('finds the organizations the credentials can see', async () => {
    expect(await handlers().searchGcpOrganizations({ credential: alice })).toEqual({
      organizations: [{ name: GCP_ORGANIZATION.name, displayName: 'example.com' }],
    });
    expect(await handlers().searchGcpOrganizations({ credential: deployer })).toEqual({ organizations: [] });
  });
});

describe('the organization-or-folder field', () => {
  it.each([
    ['folders/123', 'folders/123'],
    [' organizations/301234567890 ', 'organizations/301234567890'],
    ['Folder 123', 'folders/123'],
    ['organization:42', 'organizations/42'],
  ])('accepts %j as %j', (input, parsed) => {
    expect(gcpResourceParentSchema.parse(input)).toBe(parsed);
  });

  it.each(['', 'projects/123', 'folders/abc', 'folders/0123', '123', 'folders/1/../2'])(
    'refuses %j with a hint',
    (input) => {
      const result = gcpResourceParentSchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/required|organizations\/NUMBER or folders\/NUMBER/);
    },
  );
});
