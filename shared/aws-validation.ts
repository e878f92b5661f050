import { z } from 'zod';

/** An AWS account id: exactly 12 digits (leading zeros are significant). */
export const AWS_ACCOUNT_ID_PATTERN = /^\d{12}$/;

/** Region codes as AWS forms them: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `us-isob-east-1`. */
export const AWS_REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export const awsAccountIdSchema = z
  .string({ error: 'Account id is required' })
  .trim()
  .regex(AWS_ACCOUNT_ID_PATTERN, 'An AWS account id is exactly 12 digits (e.g. 123456789012)');

export const awsRegionSchema = z
  .string({ error: 'Region is required' })
  .trim()
  .regex(AWS_REGION_PATTERN, 'Use an AWS region code such as us-east-1 or eu-west-2');

// Profile names come from section headers: one line, no brackets, no control characters.
// eslint-disable-next-line no-control-regex
const PROFILE_NAME_FORBIDDEN = /[\u0000-\u001f\u007f[\]]/;

export const awsProfileNameSchema = z
  .string({ error: 'Profile name is required' })
  .min(1, 'Profile name is required')
  .max(512, 'Profile name is too long')
  .refine((name) => !PROFILE_NAME_FORBIDDEN.test(name), 'Profile name cannot contain brackets or control characters');

/** The six-digit code an MFA device shows. */
export const awsMfaCodeSchema = z
  .string({ error: 'Enter the 6-digit code' })
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit code from your MFA device');

export interface AwsArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

const ARN_PATTERN =
  /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|):(.+)$/;

/** Splits an ARN into its parts, or undefined when it is not one. */
export function parseArn(value: string): AwsArn | undefined {
  const match = ARN_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const [, partition = '', service = '', region = '', account = '', resource = ''] = match;
  return { partition, service, region, account, resource };
}

/** An IAM role ARN (`arn:aws:iam::123456789012:role/path/name`), parsed, or undefined. */
export function parseRoleArn(value: string): (AwsArn & { roleName: string }) | undefined {
  const arn = parseArn(value);
  if (!arn || arn.service !== 'iam' || arn.account === '' || !arn.resource.startsWith('role/')) return undefined;
  const roleName = arn.resource.slice(arn.resource.lastIndexOf('/') + 1);
  return roleName ? { ...arn, roleName } : undefined;
}
