import type { AuthClient } from 'google-auth-library';
import { z } from 'zod';
import { gcpErrorCodes } from '../../../shared/contract/gcp';
import type {
  GcpFolder,
  GcpListedProject,
  GcpOrganization,
  GcpProjectTree,
} from '../../../shared/contract/gcp-folders';
import { CoreError } from '../core-error';
import { googleErrorToCoreError, type GoogleCallContext } from './google-error';

/** How many parents are listed at once: enough to hide latency, few enough for Resource Manager's read quota. */
const PARENTS_AT_ONCE = 4;
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Rate limits (429 RESOURCE_EXHAUSTED) and server errors are retried by gaxios (google-auth-library's
 * HTTP client) with its exponential backoff; what is still failing after that becomes the error.
 */
function retryConfig(retries: number): { retry: number; httpMethodsToRetry: string[]; statusCodesToRetry: number[][] } {
  return {
    retry: retries,
    httpMethodsToRetry: ['GET'],
    statusCodesToRetry: [
      [429, 429],
      [500, 599],
    ],
  };
}

/** A Cloud Resource Manager v3 caller: the credential's client and the (possibly overridden) base URL. */
export interface ResourceManager {
  client: AuthClient;
  /** e.g. https://cloudresourcemanager.googleapis.com (no trailing slash) */
  baseUrl: string;
  context: GoogleCallContext;
  /** Items per page; Google's own default when absent. */
  pageSize?: number;
  /** Retries of a rate-limited or failed call (gaxios backs off 0.1, 0.5, 1.5, 3.5 s); 4 when absent. */
  retries?: number;
}

const folderSchema = z.object({
  name: z.string().regex(/^folders\/[0-9]+$/),
  parent: z.string(),
  displayName: z.string().optional(),
});
const projectSchema = z.object({
  name: z.string().regex(/^projects\/[0-9]+$/),
  parent: z.string().optional(),
  projectId: z.string(),
  displayName: z.string().optional(),
  state: z.string().optional(),
});
const organizationSchema = z.object({
  name: z.string().regex(/^organizations\/[0-9]+$/),
  displayName: z.string().optional(),
});

/*
 * Hand-written over google-auth-library's request() rather than @google-cloud/resource-manager: that
 * client adds google-gax (gRPC) to the main process for three GET calls, and would need its own wiring
 * to the endpoints resolveGoogleEndpoints already gives every other Google call here. Only the page
 * loop is hand-written; retries and auth are the library's.
 */

/**
 * Every folder below `parent` (an organization or folder) and every project directly in `parent` or
 * any of those folders: folders.list and projects.list per parent, breadth-first, each paginated to
 * the end. Google omits empty lists from its answers, so an absent `projects` is an empty page.
 */
export async function listGcpProjectTree(manager: ResourceManager, parent: string): Promise<GcpProjectTree> {
  const folders: GcpFolder[] = [];
  const projects: GcpListedProject[] = [];
  let level = [parent];
  while (level.length > 0) {
    const next: string[] = [];
    for (let start = 0; start < level.length; start += PARENTS_AT_ONCE) {
      await Promise.all(
        level.slice(start, start + PARENTS_AT_ONCE).map(async (name) => {
          const [children, members] = await Promise.all([foldersIn(manager, name), projectsIn(manager, name)]);
          folders.push(...children);
          projects.push(...members);
          next.push(...children.map((folder) => folder.name));
        }),
      );
    }
    level = next;
  }
  return {
    parent,
    folders: folders.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.name.localeCompare(b.name)),
    projects: projects.sort(
      (a, b) => a.displayName.localeCompare(b.displayName) || a.projectId.localeCompare(b.projectId),
    ),
  };
}

/** organizations.search: the organizations whose resourcemanager.organizations.get the caller holds. */
export async function searchGcpOrganizations(manager: ResourceManager): Promise<GcpOrganization[]> {
  const organizations = await listAll(
    manager,
    '/v3/organizations:search',
    {},
    'organizations',
    organizationSchema,
    'search the organizations these credentials can see',
  );
  return organizations
    .map((organization) => ({ name: organization.name, displayName: organization.displayName ?? organization.name }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

async function foldersIn(manager: ResourceManager, parent: string): Promise<GcpFolder[]> {
  const folders = await listAll(
    manager,
    '/v3/folders',
    { parent },
    'folders',
    folderSchema,
    `list the folders in ${parent}`,
  );
  return folders.map((folder) => ({
    name: folder.name,
    displayName: folder.displayName ?? folder.name,
    parent: folder.parent,
  }));
}

async function projectsIn(manager: ResourceManager, parent: string): Promise<GcpListedProject[]> {
  const projects = await listAll(
    manager,
    '/v3/projects',
    { parent },
    'projects',
    projectSchema,
    `list the projects in ${parent}`,
  );
  return projects.map((project) => ({
    projectId: project.projectId,
    projectNumber: project.name.slice('projects/'.length),
    displayName: project.displayName ?? project.projectId,
    parent: project.parent ?? parent,
    state: project.state ?? 'STATE_UNSPECIFIED',
  }));
}

async function listAll<T>(
  manager: ResourceManager,
  path: string,
  params: Record<string, string>,
  key: string,
  item: z.ZodType<T>,
  action: string,
): Promise<T[]> {
  const context: GoogleCallContext = {
    ...manager.context,
    action,
    field: 'parent',
    ...(params.parent ? { resource: params.parent } : {}),
  };
  const pageSchema = z.object({ [key]: z.array(item).optional(), nextPageToken: z.string().optional() });
  const items: T[] = [];
  const seen = new Set<string>();
  let pageToken: string | undefined;
  do {
    let data: unknown;
    try {
      const response = await manager.client.request({
        url: `${manager.baseUrl}${path}`,
        method: 'GET',
        params: {
          ...params,
          ...(manager.pageSize === undefined ? {} : { pageSize: manager.pageSize }),
          ...(pageToken ? { pageToken } : {}),
        },
        timeout: REQUEST_TIMEOUT_MS,
        retry: true,
        retryConfig: retryConfig(manager.retries ?? 4),
      });
      data = response.data;
    } catch (error) {
      throw googleErrorToCoreError(error, context);
    }
    const page = pageSchema.safeParse(data);
    if (!page.success) {
      throw new CoreError({
        code: gcpErrorCodes.requestFailed,
        message: `Cloud Resource Manager answered in a shape Liaison does not understand when trying to ${action}.`,
        remediation: 'Check CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER if it is set.',
      });
    }
    items.push(...((page.data[key] as T[] | undefined) ?? []));
    pageToken = (page.data.nextPageToken as string | undefined) || undefined;
    // A token seen before would loop for ever: stop with an error rather than hang.
    if (pageToken && seen.has(pageToken)) {
      throw new CoreError({
        code: gcpErrorCodes.requestFailed,
        message: `Cloud Resource Manager repeated a page token when trying to ${action}.`,
        remediation: 'List again; if it keeps happening, report it with the log.',
      });
    }
    if (pageToken) seen.add(pageToken);
  } while (pageToken);
  return items;
}
