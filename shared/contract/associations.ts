import { z } from 'zod';
import { accessPathDraftSchema, accessPathSchema } from '../aws-access-path';
import { awsAccountIdSchema, awsProfileNameSchema, awsRegionSchema } from '../aws-validation';
import { gcpProjectIdSchema, gcpProjectNumberSchema } from '../gcp-validation';
import { isoTimestampSchema } from '../model';
import { oidcProviderArnSchema } from '../terraform/adopt-oidc-provider';
import { backendConfigSchema } from '../terraform/backend';
import { AWS_MODULE_VERSIONS, GCP_MODULE_VERSIONS } from '../terraform/module-catalog';
import { moduleSourceSchema } from '../terraform/module-source';
import { environmentSchema } from '../terraform/platform-environment';
import { targetIdOf } from '../targets/target-kinds';
import { uidpSchema } from '../validation';
import { gcpCredentialRefSchema } from './gcp';
import { associationKindSchema, roleRecipeDraftSchema } from './role-recipe-values';

/*
 * Associations: one group bound to one AWS account or GCP project. Every association on the same
 * account/project shares one workspace directory and one module instance listing all their groups.
 */

export const associationIdSchema = z.uuid({ error: 'Not an association id' });

const trimmedEnvironmentSchema = z.string({ error: 'Environment is required' }).trim().pipe(environmentSchema);

const commonFields = {
  /** The draft (or generated association) this input completes or updates, if any. */
  id: associationIdSchema.optional(),
  groupId: uidpSchema,
  environment: trimmedEnvironmentSchema,
  /** Where the workspace keeps its state: shared by every association in it, like the module settings. */
  backend: backendConfigSchema.default({ type: 'local' }),
  /** Where Terraform gets the module (public registry, a private one, or a local copy): per workspace. */
  moduleSource: moduleSourceSchema.default({ type: 'registry' }),
};

export const awsAssociationInputSchema = z.object({
  cloud: z.literal('aws'),
  ...commonFields,
  accountId: awsAccountIdSchema,
  /** The AWS profile whose credentials apply the workspace (a local name, never a secret). */
  profile: awsProfileNameSchema,
  /** The profile is the account's own, or the source of an AssumeRole into it (issue 16). */
  accessPath: accessPathSchema.default({ kind: 'profile' }),
  moduleVersion: z.enum(AWS_MODULE_VERSIONS, { error: `Choose ${AWS_MODULE_VERSIONS.join(' or ')}` }),
  auditLogRegions: z.array(awsRegionSchema).max(40, 'Choose at most 40 regions').default([]),
  /** The account's existing OIDC provider for the issuer, adopted with an `import` block (per workspace). */
  adoptOidcProviderArn: oidcProviderArnSchema.optional(),
});

export const gcpAssociationInputSchema = z.object({
  cloud: z.literal('gcp'),
  ...commonFields,
  projectId: gcpProjectIdSchema,
  projectNumber: gcpProjectNumberSchema,
  credential: gcpCredentialRefSchema,
  moduleVersion: z.enum(GCP_MODULE_VERSIONS, { error: `Choose ${GCP_MODULE_VERSIONS.join(' or ')}` }),
});

/** A complete association, as the wizard's last step submits it. */
export const associationInputSchema = z.discriminatedUnion('cloud', [
  awsAssociationInputSchema,
  gcpAssociationInputSchema,
]);
export type AssociationInput = z.input<typeof associationInputSchema>;
export type ParsedAssociationInput = z.output<typeof associationInputSchema>;

const draftText = z.string().max(512, 'Too long to keep in a draft');

/**
 * Whatever the wizard holds so far, valid or not: drafts are saved as the user types so a wizard left
 * halfway can be resumed. Nothing in a draft reaches a generated file until it passes the full schema.
 */
export const associationValuesSchema = z.object({
  /** Absent: the platform association (every row saved before role recipes). */
  kind: associationKindSchema.optional(),
  /** A role recipe's own fields (issue 18). */
  role: roleRecipeDraftSchema.optional(),
  groupId: draftText.optional(),
  cloud: z.enum(['aws', 'gcp']).optional(),
  accountId: draftText.optional(),
  profile: draftText.optional(),
  accessPath: accessPathDraftSchema.optional(),
  projectId: draftText.optional(),
  projectNumber: draftText.optional(),
  credential: gcpCredentialRefSchema.optional(),
  moduleVersion: draftText.optional(),
  environment: draftText.optional(),
  auditLogRegions: z.array(draftText).max(40).optional(),
  adoptOidcProviderArn: z.string().max(2048).optional(),
  backend: z
    .object({
      type: z.enum(['local', 's3', 'gcs']),
      bucket: draftText.optional(),
      key: draftText.optional(),
      region: draftText.optional(),
      prefix: draftText.optional(),
    })
    .optional(),
  moduleSource: z
    .object({
      type: z.enum(['registry', 'private-registry', 'local']),
      host: draftText.optional(),
      namespace: draftText.optional(),
      path: z.string().max(4096).optional(),
    })
    .optional(),
});
export type AssociationValues = z.infer<typeof associationValuesSchema>;

export const WIZARD_STEPS = 4;

/**
 * What a draft is about: its group and its account or project. The store keeps at most one draft per
 * target, so leaving the wizard many times over does not pile up identical entries.
 */
export function draftTarget(values: AssociationValues): string {
  const where = targetIdOf(values) ?? '';
  return `${values.groupId ?? ''}\0${values.cloud ?? ''}\0${where}`;
}

export const associationSchema = z.object({
  id: associationIdSchema,
  status: z.enum(['draft', 'generated']),
  /** The wizard step to resume at (0-based). */
  step: z
    .number()
    .int()
    .min(0)
    .max(WIZARD_STEPS - 1),
  values: associationValuesSchema,
  /** The workspace directory's name, once generated: `aws-<account>` or `gcp-<project>`. */
  workspaceKey: z.string().optional(),
  createdAt: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
  generatedAt: isoTimestampSchema.optional(),
});
export type Association = z.infer<typeof associationSchema>;

export const generatedFileSchema = z.object({
  path: z.enum(['main.tf', 'versions.tf', 'README.md']),
  content: z.string(),
});

/** A file already in the workspace; `liaison` is false when Liaison did not write it (no header). */
export const workspaceFileSchema = z.object({
  path: z.enum(['main.tf', 'versions.tf', 'README.md']),
  content: z.string().nullable(),
  liaison: z.boolean(),
});

export const workspacePreviewSchema = z.object({
  workspaceKey: z.string(),
  workspaceDir: z.string(),
  /** The files as saving would write them. */
  files: z.array(generatedFileSchema),
  /** The files there now (content null when absent). */
  current: z.array(workspaceFileSchema),
  /** Every group the workspace's module lists after saving, this one included. */
  groups: z.array(z.object({ id: uidpSchema, name: z.string() })),
  /** Files that exist and lack Liaison's header: saving needs `replaceForeignFiles`. */
  foreignFiles: z.array(z.string()),
});
export type WorkspacePreview = z.infer<typeof workspacePreviewSchema>;

export const associationMethods = {
  listAssociations: { input: z.object({}), output: z.array(associationSchema) },
  /** Creates or updates a draft; refuses to turn a generated association back into a draft. */
  saveAssociationDraft: {
    input: z.object({
      id: associationIdSchema.optional(),
      step: z
        .number()
        .int()
        .min(0)
        .max(WIZARD_STEPS - 1),
      values: associationValuesSchema,
    }),
    output: associationSchema,
  },
  /** The workspace files this association would produce, and the ones there now, for review. */
  previewAssociation: { input: associationInputSchema, output: workspacePreviewSchema },
  /** Writes the workspace files (atomically) and records the association as generated. */
  saveAssociation: {
    input: z.intersection(associationInputSchema, z.object({ replaceForeignFiles: z.boolean().default(false) })),
    output: z.object({ association: associationSchema, preview: workspacePreviewSchema }),
  },
  /** The files the preview shows, as a zip (base64) for a download. */
  exportAssociationZip: {
    input: associationInputSchema,
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
  /** Deletes every draft (the Onboard page's bulk discard); generated associations are untouched. */
  discardAssociationDrafts: {
    input: z.object({}),
    output: z.object({ deletedIds: z.array(associationIdSchema) }),
  },
  /** Deletes a draft, or removes a generated association's group from its workspace's main.tf. */
  deleteAssociation: {
    input: z.object({ id: associationIdSchema }),
    output: z.object({ deletedId: associationIdSchema, workspaceDir: z.string().optional() }),
  },
};

export const associationEvents = {
  associationsChanged: z.object({ ids: z.array(z.string()) }),
};
