import { z } from 'zod';

/*
 * How Liaison reaches an AWS account: with a local profile for that account, or from a profile in
 * another (management, security) account by assuming a role in it (seeds 001–003). The character
 * sets and lengths are AWS's own (STS AssumeRole's RoleSessionName and ExternalId, IAM role names).
 */

/** Created by AWS Organizations in every account it creates (not in invited ones). */
export const ORGANIZATION_ACCESS_ROLE = 'OrganizationAccountAccessRole';
/** Created by AWS Control Tower in the accounts it enrolls. */
export const CONTROL_TOWER_ROLE = 'AWSControlTowerExecution';
export const SUGGESTED_ROLE_NAMES = [ORGANIZATION_ACCESS_ROLE, CONTROL_TOWER_ROLE] as const;

/** STS's limits on DurationSeconds (the upper one needs the role's MaxSessionDuration raised). */
export const MIN_SESSION_SECONDS = 900;
export const MAX_SESSION_SECONDS = 43_200;
export const DEFAULT_SESSION_SECONDS = 3_600;

/** The AWS partitions an ARN can name: commercial, GovCloud (US), China. */
export const AWS_PARTITIONS = ['aws', 'aws-us-gov', 'aws-cn'] as const;
export type AwsPartition = (typeof AWS_PARTITIONS)[number];
export const awsPartitionSchema = z.enum(AWS_PARTITIONS, {
  error: 'The partition is aws, aws-us-gov (GovCloud) or aws-cn (China)',
});

/** The partition an ARN names (`arn:aws-us-gov:…` → aws-us-gov), when it is one of AWS_PARTITIONS. */
export function partitionOfArn(arn: string): AwsPartition | undefined {
  const partition = /^arn:([a-z-]+):/.exec(arn)?.[1];
  return AWS_PARTITIONS.find((each) => each === partition);
}

export const ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
export const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]{2,1224}$/;
export const SESSION_NAME_PATTERN = /^[\w+=,.@-]{2,64}$/;

export const roleNameSchema = z
  .string({ error: 'Role name is required' })
  .trim()
  .min(1, 'Role name is required')
  .max(64, 'A role name is at most 64 characters')
  .regex(ROLE_NAME_PATTERN, 'A role name uses only letters, digits and + = , . @ _ -');

export const externalIdSchema = z
  .string()
  .trim()
  .min(2, 'An External ID is at least 2 characters')
  .max(1224, 'An External ID is at most 1224 characters')
  .regex(EXTERNAL_ID_PATTERN, 'An External ID uses only letters, digits and + = , . @ : / _ -');

export const sessionNameSchema = z
  .string()
  .trim()
  .min(2, 'A session name is at least 2 characters')
  .max(64, 'A session name is at most 64 characters')
  .regex(SESSION_NAME_PATTERN, 'A session name uses only letters, digits and + = , . @ _ -');

export const sessionSecondsSchema = z
  .number({ error: 'Duration is a number of seconds' })
  .int('Duration is a whole number of seconds')
  .min(MIN_SESSION_SECONDS, `Duration is at least ${MIN_SESSION_SECONDS} seconds (15 minutes)`)
  .max(MAX_SESSION_SECONDS, `Duration is at most ${MAX_SESSION_SECONDS} seconds (12 hours)`);

/** An empty text field means "none": no External ID, or the default session name. */
const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

export const assumeRolePathSchema = z.object({
  kind: z.literal('assume-role'),
  roleName: roleNameSchema.default(ORGANIZATION_ACCESS_ROLE),
  externalId: optionalText(externalIdSchema),
  /** Absent: `liaison-<local user>`, filled in by the main process (see `defaultSessionName`). */
  sessionName: optionalText(sessionNameSchema),
  durationSeconds: sessionSecondsSchema.default(DEFAULT_SESSION_SECONDS),
  /** The member role's partition (the source's, as AWS cannot assume across partitions); absent: aws. */
  partition: awsPartitionSchema.optional(),
});

export const accessPathSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('profile') }),
  assumeRolePathSchema,
]);
export type AccessPath = z.output<typeof accessPathSchema>;
export type AccessPathInput = z.input<typeof accessPathSchema>;
export type AssumeRolePath = z.output<typeof assumeRolePathSchema>;

/** What the wizard keeps while the operator types: any text, checked only when the association is complete. */
const draftText = z.string().max(1224, 'Too long to keep in a draft');
export const accessPathDraftSchema = z.object({
  kind: z.enum(['profile', 'assume-role']),
  roleName: draftText.optional(),
  externalId: draftText.optional(),
  sessionName: draftText.optional(),
  durationSeconds: z.number().optional(),
  partition: draftText.optional(),
});
export type AccessPathDraft = z.infer<typeof accessPathDraftSchema>;

/** `liaison-<user>`, with whatever AWS does not allow in a session name replaced by `-`. */
export function defaultSessionName(localUser: string): string {
  const cleaned = localUser.replace(/[^\w+=,.@-]/g, '-').slice(0, 56);
  return `liaison-${cleaned === '' ? 'operator' : cleaned}`;
}

/** The role's ARN in the member account. */
export function memberRoleArn(accountId: string, roleName: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}

/** Why Liaison could not reach a member account through its role. */
export const memberAccessErrorCodes = {
  refused: 'ASSUME_ROLE_REFUSED',
  wrongAccount: 'ASSUME_ROLE_WRONG_ACCOUNT',
  failed: 'ASSUME_ROLE_FAILED',
} as const;
