import { z } from 'zod';
import { externalIdSchema, roleNameSchema } from '../aws-access-path';
import { awsAccountIdSchema, awsProfileNameSchema, awsRegionSchema, parseRoleArn } from '../aws-validation';
import { iamPolicyJsonSchema, managedPolicyArnSchema } from '../iam-policy-grammar';
import { kubernetesNamespaceSchema, kubernetesServiceAccountSchema } from '../kubernetes-names';
import { oidcIssuerUrlSchema } from '../oidc-issuer-url';
import { associationSchema, workspacePreviewSchema, type AssociationValues } from './associations';

/*
 * Role recipes (issue 18): roles in the operator's account that are not the platform's, set up
 * through the same wizard → review → apply → check loop. A recipe has no platform group; its kind
 * says which recipe it is, beside the platform association's `cloud`.
 */

export { ROLE_RECIPE_KINDS, type RoleRecipeKind } from './role-recipe-values';

/** IAM's bounds on a role's MaxSessionDuration. */
export const MIN_ROLE_SESSION_SECONDS = 3_600;
export const MAX_ROLE_SESSION_SECONDS = 43_200;

const roleArnSchema = z
  .string()
  .trim()
  .refine((value) => parseRoleArn(value) !== undefined, 'A role ARN looks like arn:aws:iam::123456789012:role/name');

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

export const thirdPartyRoleInputSchema = z
  .object({
    kind: z.literal('third-party-role'),
    /** The draft (or saved recipe) this input completes or updates. */
    id: z.uuid().optional(),
    /** The operator's account the role is created in, and the profile that applies it. */
    accountId: awsAccountIdSchema,
    profile: awsProfileNameSchema,
    /** The vendor's account: its root (every principal the vendor authorises) is trusted. */
    vendorAccountId: awsAccountIdSchema,
    /** Or, narrower, one role of the vendor's (must be in the vendor's account). */
    vendorRoleArn: optional(roleArnSchema),
    externalId: externalIdSchema,
    roleName: roleNameSchema,
    /** AWS-managed (or the account's own) policies to attach. */
    managedPolicyArns: z.array(managedPolicyArnSchema).max(20, 'A role takes at most 20 managed policies').default([]),
    /** A permissions policy of the role's own (JSON), created as an `aws_iam_policy`. */
    policyDocument: optional(iamPolicyJsonSchema),
    maxSessionSeconds: z
      .number({ error: 'Maximum session duration is a number of seconds' })
      .int('A whole number of seconds')
      .min(MIN_ROLE_SESSION_SECONDS, 'At least 3600 seconds (1 hour)')
      .max(MAX_ROLE_SESSION_SECONDS, 'At most 43200 seconds (12 hours)')
      .default(MIN_ROLE_SESSION_SECONDS),
    /** A local profile in the vendor's account, for the live check (assume the role with the External ID). */
    vendorProfile: optional(awsProfileNameSchema),
  })
  .superRefine((input, context) => {
    const vendorRole = input.vendorRoleArn === undefined ? undefined : parseRoleArn(input.vendorRoleArn);
    if (vendorRole && vendorRole.account !== input.vendorAccountId) {
      context.addIssue({
        code: 'custom',
        path: ['vendorRoleArn'],
        message: `The vendor role is in account ${vendorRole.account}, not the vendor's ${input.vendorAccountId}`,
      });
    }
    if (input.managedPolicyArns.length === 0 && input.policyDocument === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['managedPolicyArns'],
        message: 'Give the role some permissions: a managed policy ARN or a policy document',
      });
    }
    if (input.vendorAccountId === input.accountId) {
      context.addIssue({
        code: 'custom',
        path: ['vendorAccountId'],
        message: "The vendor's account is your own account: a third-party role trusts another account",
      });
    }
  });
export type ThirdPartyRoleInput = z.input<typeof thirdPartyRoleInputSchema>;
export type ThirdPartyRole = z.output<typeof thirdPartyRoleInputSchema>;

const clusterNameSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/, 'A cluster name is letters, digits, "-" and "_" (at most 100)');

/**
 * An EKS service-account role (seed 004): a role the cluster's pods assume with their projected
 * token, trusting the account's IAM OIDC provider for the cluster's issuer with `StringEquals` on
 * `aud = sts.amazonaws.com` and `sub = system:serviceaccount:<namespace>:<name>`.
 */
export const eksServiceAccountRoleInputSchema = z
  .object({
    kind: z.literal('eks-service-account-role'),
    id: z.uuid().optional(),
    accountId: awsAccountIdSchema,
    profile: awsProfileNameSchema,
    /** Where the cluster runs (its issuer names the region too). */
    region: awsRegionSchema,
    /** The cluster the issuer was read from, when picked from the account's clusters. */
    clusterName: optional(clusterNameSchema),
    /** The cluster's OIDC issuer (https, normalised: no trailing slash, lower-case host). */
    issuerUrl: oidcIssuerUrlSchema,
    /** The account already has the IAM OIDC provider for the issuer: reference it instead of creating one. */
    oidcProviderExists: z.boolean().default(false),
    namespace: kubernetesNamespaceSchema,
    serviceAccount: kubernetesServiceAccountSchema,
    roleName: roleNameSchema,
    managedPolicyArns: z.array(managedPolicyArnSchema).max(20, 'A role takes at most 20 managed policies').default([]),
    policyDocument: optional(iamPolicyJsonSchema),
    maxSessionSeconds: z
      .number({ error: 'Maximum session duration is a number of seconds' })
      .int('A whole number of seconds')
      .min(MIN_ROLE_SESSION_SECONDS, 'At least 3600 seconds (1 hour)')
      .max(MAX_ROLE_SESSION_SECONDS, 'At most 43200 seconds (12 hours)')
      .default(MIN_ROLE_SESSION_SECONDS),
  })
  .superRefine((input, context) => {
    if (input.managedPolicyArns.length === 0 && input.policyDocument === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['managedPolicyArns'],
        message: 'Give the role some permissions: a managed policy ARN or a policy document',
      });
    }
  });
export type EksServiceAccountRoleInput = z.input<typeof eksServiceAccountRoleInputSchema>;
export type EksServiceAccountRole = z.output<typeof eksServiceAccountRoleInputSchema>;

/** Any role recipe's input, told apart by its kind. */
export const roleRecipeInputSchema = z.discriminatedUnion('kind', [
  thirdPartyRoleInputSchema,
  eksServiceAccountRoleInputSchema,
]);
export type RoleRecipe = z.output<typeof roleRecipeInputSchema>;

/** The workspace directory a role recipe gets: one per role, never shared with the account's platform workspace. */
export function roleWorkspaceKey(accountId: string, roleName: string): string {
  return `aws-${accountId}-role-${roleName}`;
}

/** The ARN of the role a recipe creates. */
export function recipeRoleArn(accountId: string, roleName: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}

/** The principal the trust names: the vendor's role when given, else the vendor account's root. */
export function vendorPrincipalArn(role: Pick<ThirdPartyRole, 'vendorAccountId' | 'vendorRoleArn'>): string {
  return role.vendorRoleArn ?? `arn:aws:iam::${role.vendorAccountId}:root`;
}

/** A saved recipe's values (as the associations table keeps them) back as the recipe's input. */
export function thirdPartyRoleFromValues(values: AssociationValues): unknown {
  return { kind: values.kind, accountId: values.accountId, profile: values.profile, ...values.role };
}

/** Any saved recipe's values back as its input (parse with roleRecipeInputSchema). */
export const roleRecipeFromValues = thirdPartyRoleFromValues;

/** Every recipe kind's association values; a kind missing here fails to compile. */
const ROLE_RECIPE_VALUES: {
  readonly [Kind in RoleRecipe['kind']]: (role: Extract<RoleRecipe, { kind: Kind }>) => AssociationValues;
} = {
  'third-party-role': valuesOfThirdPartyRole,
  'eks-service-account-role': valuesOfEksServiceAccountRole,
};

/** The association values of any parsed recipe, by its kind's entry. */
export function valuesOfRoleRecipe(role: RoleRecipe): AssociationValues {
  // The one widening cast: the entry is looked up by the role's own kind.
  return (ROLE_RECIPE_VALUES[role.kind] as (role: RoleRecipe) => AssociationValues)(role);
}

export function valuesOfEksServiceAccountRole(role: EksServiceAccountRole): AssociationValues {
  return {
    kind: 'eks-service-account-role',
    cloud: 'aws',
    accountId: role.accountId,
    profile: role.profile,
    role: {
      region: role.region,
      ...(role.clusterName === undefined ? {} : { clusterName: role.clusterName }),
      issuerUrl: role.issuerUrl,
      oidcProviderExists: role.oidcProviderExists,
      namespace: role.namespace,
      serviceAccount: role.serviceAccount,
      roleName: role.roleName,
      managedPolicyArns: role.managedPolicyArns,
      ...(role.policyDocument === undefined ? {} : { policyDocument: JSON.stringify(role.policyDocument) }),
      maxSessionSeconds: role.maxSessionSeconds,
    },
  };
}

/** A parsed recipe as association values: the account and profile where every association keeps them. */
export function valuesOfThirdPartyRole(role: ThirdPartyRole): AssociationValues {
  return {
    kind: 'third-party-role',
    cloud: 'aws',
    accountId: role.accountId,
    profile: role.profile,
    role: {
      vendorAccountId: role.vendorAccountId,
      ...(role.vendorRoleArn === undefined ? {} : { vendorRoleArn: role.vendorRoleArn }),
      externalId: role.externalId,
      roleName: role.roleName,
      managedPolicyArns: role.managedPolicyArns,
      // Compact JSON is never longer than the text it was parsed from.
      ...(role.policyDocument === undefined ? {} : { policyDocument: JSON.stringify(role.policyDocument) }),
      maxSessionSeconds: role.maxSessionSeconds,
      ...(role.vendorProfile === undefined ? {} : { vendorProfile: role.vendorProfile }),
    },
  };
}

export const eksClusterSchema = z.object({
  name: z.string(),
  /** Absent when the cluster reports no OIDC issuer (or one IAM could not name). */
  issuerUrl: z.string().optional(),
  /** The account has the IAM OIDC provider for the issuer already. */
  oidcProviderExists: z.boolean(),
});
export type EksCluster = z.infer<typeof eksClusterSchema>;

export const roleRecipeMethods = {
  /** The account's EKS clusters in a region with their OIDC issuers (ListClusters, DescribeCluster). */
  listEksClusters: {
    input: z.object({ accountId: awsAccountIdSchema, profile: awsProfileNameSchema, region: awsRegionSchema }),
    output: z.object({ clusters: z.array(eksClusterSchema) }),
  },
  /** A fresh External ID for the vendor (32 random bytes, base64url: only characters STS accepts). */
  newExternalId: { input: z.object({}), output: z.object({ externalId: z.string() }) },
  /** The role's workspace files as saving would write them, and the ones there now, for review. */
  previewRoleRecipe: { input: roleRecipeInputSchema, output: workspacePreviewSchema },
  /** Writes the role's workspace files (atomically) and records the recipe as a generated association. */
  saveRoleRecipe: {
    input: z.intersection(roleRecipeInputSchema, z.object({ replaceForeignFiles: z.boolean().default(false) })),
    output: z.object({ association: associationSchema, preview: workspacePreviewSchema }),
  },
};
