import { z } from 'zod';

/*
 * What an association is: the platform association (a group bound to an account or project) or one
 * of the role recipes (issue 18). Stored associations from before recipes have no kind: platform.
 */
export const ROLE_RECIPE_KINDS = ['third-party-role', 'eks-service-account-role'] as const;
export type RoleRecipeKind = (typeof ROLE_RECIPE_KINDS)[number];
export const ASSOCIATION_KINDS = ['platform', ...ROLE_RECIPE_KINDS] as const;
export type AssociationKind = (typeof ASSOCIATION_KINDS)[number];

export const associationKindSchema = z.enum(ASSOCIATION_KINDS);

/** The kind of stored values: absent means the platform association (rows written before recipes). */
export function associationKindOf(values: { kind?: AssociationKind | undefined }): AssociationKind {
  return values.kind ?? 'platform';
}

const draftText = z.string().max(1224, 'Too long to keep in a draft');

/** A role recipe's own fields as the wizard keeps them (any text until the recipe is saved). */
export const roleRecipeDraftSchema = z.object({
  vendorAccountId: draftText.optional(),
  vendorRoleArn: z.string().max(2048).optional(),
  externalId: draftText.optional(),
  roleName: draftText.optional(),
  managedPolicyArns: z.array(z.string().max(2048)).max(20).optional(),
  policyDocument: z.string().max(8192).optional(),
  maxSessionSeconds: z.number().optional(),
  vendorProfile: draftText.optional(),
  // The EKS service-account role's own fields.
  region: draftText.optional(),
  clusterName: draftText.optional(),
  issuerUrl: z.string().max(2048).optional(),
  oidcProviderExists: z.boolean().optional(),
  namespace: draftText.optional(),
  serviceAccount: draftText.optional(),
});
export type RoleRecipeDraft = z.infer<typeof roleRecipeDraftSchema>;
