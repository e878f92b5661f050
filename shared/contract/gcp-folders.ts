import { z } from 'zod';
import { gcpResourceParentSchema } from '../gcp-validation';
import { gcpCredentialRefSchema } from './gcp';

/*
 * Projects discovered under a Google Cloud organization or folder (Cloud Resource Manager v3), so
 * nobody types project ids and numbers. Flat lists with parent names; the renderer builds the tree.
 */

export const gcpFolderSchema = z.object({
  /** `folders/NUMBER` */
  name: z.string(),
  displayName: z.string(),
  /** `organizations/NUMBER` or `folders/NUMBER` */
  parent: z.string(),
});
export type GcpFolder = z.infer<typeof gcpFolderSchema>;

export const gcpListedProjectSchema = z.object({
  projectId: z.string(),
  projectNumber: z.string(),
  displayName: z.string(),
  parent: z.string(),
  /** ACTIVE or DELETE_REQUESTED (Google may add more). */
  state: z.string(),
});
export type GcpListedProject = z.infer<typeof gcpListedProjectSchema>;

export const gcpProjectTreeSchema = z.object({
  /** The organization or folder listed from, e.g. `folders/123`. */
  parent: z.string(),
  folders: z.array(gcpFolderSchema),
  projects: z.array(gcpListedProjectSchema),
});
export type GcpProjectTree = z.infer<typeof gcpProjectTreeSchema>;

export const gcpOrganizationSchema = z.object({
  /** `organizations/NUMBER` */
  name: z.string(),
  /** Usually the Workspace / Cloud Identity domain. */
  displayName: z.string(),
});
export type GcpOrganization = z.infer<typeof gcpOrganizationSchema>;

export const gcpFolderMethods = {
  /** The organizations the credential can see (organizations.search), to start a listing from. */
  searchGcpOrganizations: {
    input: z.object({ credential: gcpCredentialRefSchema }),
    output: z.object({ organizations: z.array(gcpOrganizationSchema) }),
  },
  /** Every folder below `parent` and every project in them (folders.list, projects.list), paginated to the end. */
  listGcpProjectTree: {
    input: z.object({ credential: gcpCredentialRefSchema, parent: gcpResourceParentSchema }),
    output: gcpProjectTreeSchema,
  },
};

export const gcpFolderEvents = {};
