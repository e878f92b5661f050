import { z } from 'zod';
import { assumeRolePathSchema, roleNameSchema } from '../aws-access-path';
import { awsAccountIdSchema, awsProfileNameSchema } from '../aws-validation';
import { FINDING_CODES } from '../trust-policy/finding-codes';

/*
 * The role inspector (issue 18): an account's IAM roles read with the operator's own credentials —
 * a profile for the account, or a profile elsewhere plus a role in the account (the access paths).
 * Trust documents come with the list (ListRoles returns them inline); policies per role, on demand.
 */

export const roleAccessSchema = z.object({
  profile: awsProfileNameSchema,
  /** Absent: the profile's own account. Else the member account, reached by assuming a role from the profile. */
  member: z.object({ accountId: awsAccountIdSchema, accessPath: assumeRolePathSchema }).optional(),
});
export type RoleAccess = z.output<typeof roleAccessSchema>;

export const findingSchema = z.object({
  code: z.enum(FINDING_CODES),
  severity: z.enum(['high', 'medium', 'low']),
  where: z.string(),
  message: z.string(),
});

export const roleSummarySchema = z.object({
  name: z.string(),
  path: z.string(),
  arn: z.string(),
  description: z.string().optional(),
  createdAt: z.string().optional(),
  maxSessionDuration: z.number().optional(),
  /** The trust policy, decoded and indented; absent when AWS returned none. */
  trustPolicy: z.string().optional(),
  /** Why the trust policy could not be read (it is then not evaluated). */
  trustError: z.string().optional(),
  findings: z.array(findingSchema),
});
export type RoleSummary = z.infer<typeof roleSummarySchema>;

export const accountRolesSchema = z.object({
  accountId: z.string(),
  /** Who read them: the profile's identity, or the assumed role's session in the member account. */
  readAs: z.string(),
  roles: z.array(roleSummarySchema),
});
export type AccountRoles = z.infer<typeof accountRolesSchema>;

export const rolePolicySchema = z.object({
  kind: z.enum(['managed', 'inline']),
  name: z.string(),
  /** Managed policies only. */
  arn: z.string().optional(),
  defaultVersionId: z.string().optional(),
  /** The (default version's) document, decoded and indented. */
  document: z.string().optional(),
  /** Why the document could not be read (e.g. the permission to read it is missing). */
  error: z.string().optional(),
  findings: z.array(findingSchema),
});
export type RolePolicy = z.infer<typeof rolePolicySchema>;

export const rolePoliciesSchema = z.object({
  roleName: z.string(),
  attached: z.array(rolePolicySchema),
  inline: z.array(rolePolicySchema),
});
export type RolePolicies = z.infer<typeof rolePoliciesSchema>;

export const roleErrorCodes = {
  accessDenied: 'AWS_ROLES_ACCESS_DENIED',
  notFound: 'AWS_ROLE_NOT_FOUND',
  failed: 'AWS_ROLES_FAILED',
} as const;

export const roleMethods = {
  /** Every role of the account (ListRoles, paginated to the end), each trust policy evaluated for findings. */
  listAccountRoles: { input: roleAccessSchema, output: accountRolesSchema },
  /** One role's attached policies (their default versions' documents) and inline policies. */
  describeRolePolicies: {
    input: roleAccessSchema.extend({ roleName: roleNameSchema }),
    output: rolePoliciesSchema,
  },
};

export const roleEvents = {};
