import { z } from 'zod';
import { accessPathSchema } from '../aws-access-path';
import { awsAccountIdSchema, awsProfileNameSchema } from '../aws-validation';
import { gcpProjectNumberSchema } from '../gcp-validation';
import { gcpCredentialRefSchema } from './gcp';
import { isoTimestampSchema } from '../model';
import { environmentSchema } from '../terraform/platform-environment';

/*
 * What already exists in the cloud that the module would create and cannot create twice (issue 19,
 * part 6): looked for before the plan, so the operator can adopt it instead of failing the apply.
 */

export const existingOidcProviderSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('found'),
    arn: z.string(),
    url: z.string(),
    clientIds: z.array(z.string()),
    createdAt: isoTimestampSchema.optional(),
  }),
  /** Looked, and the account has no OIDC provider for the issuer: the module creates it. */
  z.object({ status: z.literal('none') }),
  /** Could not look (credentials, permissions, network): the plan goes ahead as generated. */
  z.object({ status: z.literal('unknown'), message: z.string(), remediation: z.string().optional() }),
]);
export type ExistingOidcProvider = z.infer<typeof existingOidcProviderSchema>;

/** GCP: the module's workload identity pool, which Google keeps for 30 days once deleted. */
export const existingPoolSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none'), name: z.string() }),
  z.object({ status: z.literal('active'), name: z.string() }),
  /** Soft-deleted: its id stays taken until `expireTime`, so creating it fails with 409; undelete it. */
  z.object({ status: z.literal('deleted'), name: z.string(), expireTime: isoTimestampSchema.optional() }),
  z.object({ status: z.literal('unknown'), message: z.string(), remediation: z.string().optional() }),
]);
export type ExistingPool = z.infer<typeof existingPoolSchema>;

const poolTargetSchema = z.object({
  credential: gcpCredentialRefSchema,
  projectNumber: gcpProjectNumberSchema,
});

export const adoptionMethods = {
  /** AWS: ListOpenIDConnectProviders + GetOpenIDConnectProvider for the issuer, with the association's credentials. */
  findExistingOidcProvider: {
    input: z.object({
      profile: awsProfileNameSchema,
      accountId: awsAccountIdSchema,
      environment: environmentSchema,
      accessPath: accessPathSchema.default({ kind: 'profile' }),
      /** The operator asked (Look again): an MFA code may be asked for. Looking on its own never prompts. */
      interactive: z.boolean().default(false),
    }),
    output: existingOidcProviderSchema,
  },
  /** GCP: projects.locations.workloadIdentityPools.get on `chainguard-pool`. */
  findWorkloadIdentityPool: { input: poolTargetSchema, output: existingPoolSchema },
  /** GCP: `:undelete` on a soft-deleted `chainguard-pool`, then reads it back (active). */
  undeleteWorkloadIdentityPool: { input: poolTargetSchema, output: existingPoolSchema },
};
