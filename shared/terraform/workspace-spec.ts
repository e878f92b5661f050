import { z } from 'zod';
import {
  EXTERNAL_ID_PATTERN,
  MAX_SESSION_SECONDS,
  MIN_SESSION_SECONDS,
  ROLE_NAME_PATTERN,
  awsPartitionSchema,
  SESSION_NAME_PATTERN,
} from '../aws-access-path';
import { AWS_ACCOUNT_ID_PATTERN, AWS_REGION_PATTERN } from '../aws-validation';
import { GCP_PROJECT_NUMBER_PATTERN, gcpProjectIdProblem } from '../gcp-validation';
import { targetIdOf, targetKind } from '../targets/target-kinds';
import { UIDP_PATTERN } from '../validation';
import { adoptedArnProblem, oidcProviderArnSchema } from './adopt-oidc-provider';
import { backendConfigSchema } from './backend';
import { AWS_MODULE_VERSIONS, GCP_MODULE_VERSIONS, MODULE_VERSIONS } from './module-catalog';
import { moduleSourceSchema } from './module-source';
import { DEFAULT_ENVIRONMENT, environmentSchema } from './platform-environment';

/*
 * What the generator needs for one workspace (one AWS account or GCP project, every group associated
 * with it). The schemas are exact, never trimming: generation refuses a value rather than writing a
 * different one, so whatever it writes is precisely what it was given.
 */

export const workspaceGroupSchema = z.object({
  id: z
    .string({ error: 'Group id is required' })
    .regex(UIDP_PATTERN, 'Group id must be 40 lowercase hex characters, then 16 per level, "/"-separated'),
  /** Free text: written only into `#` comments, sanitised to one line. */
  name: z.string().default(''),
});
export type WorkspaceGroup = z.input<typeof workspaceGroupSchema>;

const groupsSchema = z.array(workspaceGroupSchema).superRefine((groups, ctx) => {
  const seen = new Set<string>();
  groups.forEach((group, index) => {
    if (seen.has(group.id)) {
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: 'This group is listed twice' });
    }
    seen.add(group.id);
  });
});

const awsAccountIdSchema = z
  .string({ error: 'Account id is required' })
  .regex(AWS_ACCOUNT_ID_PATTERN, 'An AWS account id is exactly 12 digits (e.g. 123456789012)');

const awsRegionSchema = z
  .string({ error: 'Region is required' })
  .regex(AWS_REGION_PATTERN, 'Use an AWS region code such as us-east-1 or eu-west-2');

const regionsSchema = z.array(awsRegionSchema).superRefine((regions, ctx) => {
  regions.forEach((region, index) => {
    if (regions.indexOf(region) !== index) {
      ctx.addIssue({ code: 'custom', path: [index], message: `${region} is selected twice` });
    }
  });
});

const gcpProjectIdSchema = z.string({ error: 'Project ID is required' }).superRefine((id, ctx) => {
  const problem = gcpProjectIdProblem(id);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const gcpProjectNumberSchema = z
  .string({ error: 'Project number is required' })
  .regex(GCP_PROJECT_NUMBER_PATTERN, 'Project number is 1 to 20 digits, not starting with 0 (e.g. 123456789012)');

/** The provider's `assume_role`: Terraform signs in with its environment's credentials, then assumes this. */
const assumeRoleSpecSchema = z.object({
  roleName: z.string({ error: 'Role name is required' }).regex(ROLE_NAME_PATTERN, 'Not an IAM role name'),
  externalId: z
    .string()
    .regex(EXTERNAL_ID_PATTERN, 'An External ID is 2 to 1224 of letters, digits and + = , . @ : / _ -')
    .optional(),
  sessionName: z
    .string({ error: 'Session name is required' })
    .regex(SESSION_NAME_PATTERN, 'A session name is 2 to 64 of letters, digits and + = , . @ _ -'),
  durationSeconds: z.number().int().min(MIN_SESSION_SECONDS).max(MAX_SESSION_SECONDS).optional(),
  /** Where role_arn points: arn:aws:, arn:aws-us-gov: or arn:aws-cn:; absent: aws. */
  partition: awsPartitionSchema.optional(),
});
export type AssumeRoleSpec = z.output<typeof assumeRoleSpecSchema>;

export const awsWorkspaceSpecSchema = z
  .object({
    cloud: z.literal('aws'),
    accountId: awsAccountIdSchema,
    moduleVersion: z.enum(AWS_MODULE_VERSIONS, { error: `Module version is one of ${AWS_MODULE_VERSIONS.join(', ')}` }),
    environment: environmentSchema,
    auditLogRegions: regionsSchema.default([]),
    /** The local AWS profile the operator chose, named in the README's commands; never a secret. */
    profile: z.string().min(1).max(512).optional(),
    /** Absent: the credentials Terraform is given are the account's own. */
    assumeRole: assumeRoleSpecSchema.optional(),
    groups: groupsSchema,
    /** Where the state lives; local (no backend block) unless the operator chose a shared one. */
    backend: backendConfigSchema.default({ type: 'local' }),
    /** Where Terraform gets the module: the public registry unless the operator chose otherwise. */
    moduleSource: moduleSourceSchema.default({ type: 'registry' }),
    /** An OIDC provider for the issuer that already exists in the account: adopted with an `import` block. */
    adoptOidcProviderArn: oidcProviderArnSchema.optional(),
  })
  .superRefine((spec, ctx) => {
    const adopted = spec.adoptOidcProviderArn;
    const problem = adopted === undefined ? undefined : adoptedArnProblem(adopted, spec.accountId, spec.environment);
    if (problem) ctx.addIssue({ code: 'custom', path: ['adoptOidcProviderArn'], message: problem });
    if (spec.auditLogRegions.length > 0 && !MODULE_VERSIONS[spec.moduleVersion].auditLogs) {
      ctx.addIssue({
        code: 'custom',
        path: ['auditLogRegions'],
        message: `Module ${spec.moduleVersion} has no audit-log submodule; audit-log regions need the legacy version`,
      });
    }
  });

export const gcpWorkspaceSpecSchema = z
  .object({
    cloud: z.literal('gcp'),
    projectId: gcpProjectIdSchema,
    projectNumber: gcpProjectNumberSchema,
    moduleVersion: z.enum(GCP_MODULE_VERSIONS, { error: `Module version is one of ${GCP_MODULE_VERSIONS.join(', ')}` }),
    environment: environmentSchema,
    groups: groupsSchema,
    backend: backendConfigSchema.default({ type: 'local' }),
    /** Where Terraform gets the module: the public registry unless the operator chose otherwise. */
    moduleSource: moduleSourceSchema.default({ type: 'registry' }),
  })
  .superRefine((spec, ctx) => {
    if (!MODULE_VERSIONS[spec.moduleVersion].environmentInput && spec.environment !== DEFAULT_ENVIRONMENT) {
      ctx.addIssue({
        code: 'custom',
        path: ['environment'],
        message: `Module ${spec.moduleVersion} has no environment input, so it only works with ${DEFAULT_ENVIRONMENT}; choose the current version for another environment`,
      });
    }
  });

export const workspaceSpecSchema = z.discriminatedUnion('cloud', [awsWorkspaceSpecSchema, gcpWorkspaceSpecSchema]);

export type WorkspaceSpecInput = z.input<typeof workspaceSpecSchema>;
export type WorkspaceSpec = z.output<typeof workspaceSpecSchema>;
export type AwsWorkspaceSpec = z.output<typeof awsWorkspaceSpecSchema>;
export type GcpWorkspaceSpec = z.output<typeof gcpWorkspaceSpecSchema>;

/** The workspace directory's name under the data dir: one per account or project. */
export function workspaceKey(
  target: { cloud: 'aws'; accountId: string } | { cloud: 'gcp'; projectId: string },
): string {
  return targetKind(target.cloud).workspaceKey(targetIdOf(target) ?? '');
}
