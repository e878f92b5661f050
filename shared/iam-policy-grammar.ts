import { z } from 'zod';

/*
 * The grammar of an IAM identity-based policy document (AWS's "IAM JSON policy element reference"),
 * as zod: what a role's permissions policy may say. A trust policy (with a Principal) is something
 * else and is refused here. Limits are IAM's own: 6,144 characters for a managed policy.
 */

export const MANAGED_POLICY_MAX_CHARS = 6_144;

/** `service:Action`, with `*` / `?` wildcards, or `*` alone. */
const ACTION_PATTERN = /^(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$/;
/** `*`, or an ARN (any service; wildcards and policy variables allowed after `arn:`). */
const RESOURCE_PATTERN = /^(\*|arn:[^\s]+)$/;
const SID_PATTERN = /^[A-Za-z0-9]*$/;
/** Condition operators: the documented ones, with `IfExists` and the set prefixes. */
const CONDITION_OPERATOR_PATTERN =
  /^((ForAllValues|ForAnyValue):)?(StringEquals|StringNotEquals|StringEqualsIgnoreCase|StringNotEqualsIgnoreCase|StringLike|StringNotLike|NumericEquals|NumericNotEquals|NumericLessThan|NumericLessThanEquals|NumericGreaterThan|NumericGreaterThanEquals|DateEquals|DateNotEquals|DateLessThan|DateLessThanEquals|DateGreaterThan|DateGreaterThanEquals|Bool|BinaryEquals|IpAddress|NotIpAddress|ArnEquals|ArnLike|ArnNotEquals|ArnNotLike)(IfExists)?$|^Null$/;

/** Text a generated file can hold unchanged: no lone surrogate, already in Unicode NFC (HCL normalises to it). */
const writableText = z
  .string()
  .refine((text) => !/\p{Cs}/u.test(text) && text.normalize('NFC') === text, 'Use well-formed Unicode text (NFC)');

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1, 'The list is empty')]);

const actionSchema = z.string().regex(ACTION_PATTERN, 'An action is service:Action (e.g. s3:GetObject) or *');
const resourceSchema = writableText.regex(RESOURCE_PATTERN, 'A resource is an ARN (arn:…) or *');
const conditionValueSchema = z.union([writableText, z.boolean(), z.number()]);

const conditionSchema = z
  .record(z.string(), z.record(writableText.min(1, 'A condition key is required'), oneOrMany(conditionValueSchema)))
  .superRefine((condition, context) => {
    for (const operator of Object.keys(condition)) {
      if (CONDITION_OPERATOR_PATTERN.test(operator)) continue;
      context.addIssue({
        code: 'custom',
        path: [operator],
        message: `${operator} is not an IAM condition operator (e.g. StringEquals, Bool, ArnLike)`,
      });
    }
  });

const statementSchema = z
  .object({
    Sid: z.string().regex(SID_PATTERN, 'A Sid uses only letters and digits').optional(),
    Effect: z.enum(['Allow', 'Deny'], { error: 'Effect is Allow or Deny' }),
    Action: oneOrMany(actionSchema).optional(),
    NotAction: oneOrMany(actionSchema).optional(),
    Resource: oneOrMany(resourceSchema).optional(),
    NotResource: oneOrMany(resourceSchema).optional(),
    Condition: conditionSchema.optional(),
  })
  .strict()
  .refine((s) => (s.Action === undefined) !== (s.NotAction === undefined), {
    message: 'A statement has exactly one of Action or NotAction',
    path: ['Action'],
  })
  .refine((s) => (s.Resource === undefined) !== (s.NotResource === undefined), {
    message: 'A statement has exactly one of Resource or NotResource',
    path: ['Resource'],
  });
export type IamPolicyStatement = z.infer<typeof statementSchema>;

export const iamPolicyDocumentSchema = z
  .object({
    Version: z.enum(['2012-10-17', '2008-10-17'], { error: 'Version is "2012-10-17"' }),
    Id: z.string().optional(),
    // One statement or a list: always a list once parsed, so an issue names its statement's index.
    Statement: z.preprocess(
      (value) => (Array.isArray(value) ? value : [value]),
      z.array(statementSchema).min(1, 'The policy has no statement'),
    ),
  })
  .strict();
export type IamPolicyDocument = z.infer<typeof iamPolicyDocumentSchema>;

/** The statements of a document. */
export function policyStatements(document: IamPolicyDocument): IamPolicyStatement[] {
  return document.Statement;
}

/** A value that is one item or a list, as a list. */
export function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** A policy document typed as JSON text: parsed, then checked against the grammar (issues name the JSON path). */
export const iamPolicyJsonSchema = z
  .string()
  .trim()
  .min(1, 'Paste a policy document (JSON)')
  .max(MANAGED_POLICY_MAX_CHARS, `A managed policy is at most ${MANAGED_POLICY_MAX_CHARS} characters`)
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      context.addIssue({ code: 'custom', message: `Not JSON: ${(error as Error).message}` });
      return z.NEVER;
    }
  })
  .pipe(iamPolicyDocumentSchema);

/** The statements that allow every action or every resource: worth a warning, never silently. */
export function wildcardGrants(document: IamPolicyDocument): string[] {
  const found: string[] = [];
  policyStatements(document).forEach((statement, index) => {
    if (statement.Effect !== 'Allow') return;
    const name = statement.Sid ? `statement ${statement.Sid}` : `statement ${index + 1}`;
    if (asList(statement.Action).includes('*') || statement.NotAction !== undefined) {
      found.push(`${name} allows every action`);
    }
    if (asList(statement.Resource).includes('*') || statement.NotResource !== undefined) {
      found.push(`${name} applies to every resource (*)`);
    }
  });
  return found;
}

/** An IAM managed policy ARN: AWS's own (`arn:aws:iam::aws:policy/…`) or a customer's. */
export const MANAGED_POLICY_ARN_PATTERN =
  /^arn:(aws|aws-us-gov|aws-cn):iam::(aws|\d{12}):policy\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/;

export const managedPolicyArnSchema = z
  .string()
  .trim()
  .regex(MANAGED_POLICY_ARN_PATTERN, 'A policy ARN looks like arn:aws:iam::aws:policy/ReadOnlyAccess');
