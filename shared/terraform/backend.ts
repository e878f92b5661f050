import { z } from 'zod';
import { AWS_REGION_PATTERN } from '../aws-validation';
import { attr, block, comments, ref, str, type HclBlock, type HclBodyItem } from './hcl-syntax';

/*
 * Where a workspace keeps its state. Local (the default) is one operator's file; S3 or GCS let
 * several operators and CI share one state and one lock. Values are validated here and escaped by
 * the HCL writer, so a hostile bucket name cannot become HCL.
 */

const S3_BUCKET = /^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const GCS_BUCKET = /^(?!goog)[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/;
const stateKeySchema = z
  .string({ error: 'State key is required' })
  .min(1, 'State key is required')
  .max(1024, 'At most 1024 characters')
  .refine((key) => !key.startsWith('/') && ![...key].some((char) => char.charCodeAt(0) < 0x20 || char === '\\'), {
    message:
      'A path such as liaison/aws-123456789012/terraform.tfstate (no leading /, backslash or control characters)',
  });

export const backendConfigSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('local') }),
  z.object({
    type: z.literal('s3'),
    bucket: z
      .string({ error: 'Bucket is required' })
      .regex(S3_BUCKET, 'An S3 bucket name: 3–63 lowercase letters, digits, dots and hyphens'),
    key: stateKeySchema,
    region: z
      .string({ error: 'Region is required' })
      .regex(AWS_REGION_PATTERN, 'Use an AWS region code such as us-east-1'),
  }),
  z.object({
    type: z.literal('gcs'),
    bucket: z
      .string({ error: 'Bucket is required' })
      .regex(GCS_BUCKET, 'A GCS bucket name: lowercase letters, digits, dots, hyphens and underscores'),
    prefix: stateKeySchema.optional(),
  }),
]);
export type BackendConfig = z.infer<typeof backendConfigSchema>;

/** The key Liaison proposes for a workspace's state in a shared bucket. */
export function defaultStateKey(workspaceKey: string): string {
  return `liaison/${workspaceKey}/terraform.tfstate`;
}

/**
 * The `backend` block for the workspace's `terraform {}` block, or nothing for local state. S3 locks
 * with its own lock file (`use_lockfile`, Terraform 1.10+): no DynamoDB table to create.
 */
export function backendBlock(config: BackendConfig): HclBlock | undefined {
  switch (config.type) {
    case 'local':
      return undefined;
    case 's3':
      return block(
        'backend',
        ['s3'],
        [
          ...comments('Shared state: every operator and pipeline uses this one state and its lock file.'),
          attr('bucket', str(config.bucket)),
          attr('key', str(config.key)),
          attr('region', str(config.region)),
          // HCL's literal `true` (the HCL writer has no boolean kind; a bare `true` parses as one).
          attr('use_lockfile', ref('true')),
        ],
      );
    case 'gcs':
      return block(
        'backend',
        ['gcs'],
        [
          ...comments('Shared state: every operator and pipeline uses this one state; GCS locks it.'),
          attr('bucket', str(config.bucket)),
          ...(config.prefix === undefined ? [] : [attr('prefix', str(config.prefix))]),
        ],
      );
  }
}

/** The Terraform version a backend needs beyond the workspace's own requirement, if any. */
export function backendRequiredVersion(config: BackendConfig): string | undefined {
  return config.type === 's3' ? '>= 1.10.0' : undefined;
}

/** `terraform { backend … }` as a body of its own, for a separate `backend.tf`; empty for local. */
export function backendTf(config: BackendConfig): HclBodyItem[] {
  const backend = backendBlock(config);
  return backend ? [block('terraform', [], [backend])] : [];
}
