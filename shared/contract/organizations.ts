import { z } from 'zod';
import { awsProfileNameSchema } from '../aws-validation';

/*
 * Accounts discovered from AWS Organizations (from a management or delegated-administrator
 * profile), so nobody types 12-digit ids. Flat lists with parent ids; the renderer builds the tree.
 */

export const organizationAccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  /** ACTIVE, SUSPENDED or PENDING_CLOSURE (AWS may add more). */
  status: z.string(),
  /** CREATED accounts have OrganizationAccountAccessRole; INVITED ones do not (unless someone made it). */
  joinedMethod: z.string(),
  parentId: z.string(),
});
export type OrganizationAccount = z.infer<typeof organizationAccountSchema>;

export const organizationUnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** A root id (`r-…`) or another unit's id (`ou-…`). */
  parentId: z.string(),
});
export type OrganizationUnit = z.infer<typeof organizationUnitSchema>;

export const awsOrganizationSchema = z.object({
  profile: z.string(),
  organizationId: z.string(),
  managementAccountId: z.string(),
  roots: z.array(z.object({ id: z.string(), name: z.string() })),
  units: z.array(organizationUnitSchema),
  accounts: z.array(organizationAccountSchema),
});
export type AwsOrganization = z.infer<typeof awsOrganizationSchema>;

export const organizationErrorCodes = {
  notInUse: 'AWS_ORGANIZATIONS_NOT_IN_USE',
  accessDenied: 'AWS_ORGANIZATIONS_ACCESS_DENIED',
  failed: 'AWS_ORGANIZATIONS_FAILED',
} as const;

export const organizationMethods = {
  /** The organization a (management) profile sees: roots, units and every account, paginated to the end. */
  listAwsOrganization: {
    input: z.object({ profile: awsProfileNameSchema }),
    output: awsOrganizationSchema,
  },
};

export const organizationEvents = {};
