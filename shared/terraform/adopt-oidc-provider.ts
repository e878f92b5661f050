import { z } from 'zod';
import { attr, block, comments, ref, str, type HclBodyItem } from './hcl-syntax';
import { issuerUrl } from './platform-environment';

/*
 * AWS allows one IAM OIDC provider per URL, so an account that already has one for the issuer (an
 * earlier manual setup, another tool) makes the module's apply fail with EntityAlreadyExists. The fix
 * is to adopt it: an `import` block (Terraform 1.5+) puts the existing provider into the module's state
 * instead of creating another. Import blocks are idempotent, so the block can stay in main.tf.
 */

/** Where the provider lives in the generated config: every AWS module version names it `chainguard_idp`. */
export const OIDC_PROVIDER_ADDRESS = [
  'module',
  'aws-impersonation',
  'aws_iam_openid_connect_provider',
  'chainguard_idp',
] as const;

/** `terraform import` ids for an OIDC provider are its ARN. */
export const OIDC_PROVIDER_ARN_PATTERN =
  /^arn:aws(-[a-z]+)*:iam::(\d{12}):oidc-provider\/([a-z0-9.-]+(\/[\x21-\x7e]+)?)$/;

export const oidcProviderArnSchema = z
  .string()
  .max(2048)
  .regex(OIDC_PROVIDER_ARN_PATTERN, 'Not an IAM OIDC provider ARN (arn:aws:iam::<account>:oidc-provider/<host>)');

/** The ARN an OIDC provider for `environment`'s issuer has in `accountId` (partition `aws` unless given). */
export function oidcProviderArn(accountId: string, environment: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${accountId}:oidc-provider/${issuerUrl(environment).replace(/^https:\/\//, '')}`;
}

/** Why `arn` is not the issuer's provider in `accountId`, or undefined when it is. */
export function adoptedArnProblem(arn: string, accountId: string, environment: string): string | undefined {
  const match = OIDC_PROVIDER_ARN_PATTERN.exec(arn);
  if (!match) return 'Not an IAM OIDC provider ARN';
  if (match[2] !== accountId) return `The OIDC provider is in account ${match[2] ?? ''}, not ${accountId}`;
  const host = issuerUrl(environment).replace(/^https:\/\//, '');
  if (match[3] !== host) return `The OIDC provider is for ${match[3] ?? ''}, not the issuer ${host}`;
  return undefined;
}

/** The `import` block that adopts the existing provider, with the reason it is there. */
export function importOidcProviderBlock(arn: string, environment: string): HclBodyItem[] {
  return [
    ...comments(
      `An IAM OIDC provider for ${issuerUrl(environment)} already existed in this account, and AWS allows`,
      'one per URL: Terraform adopts it into the module (import) instead of creating another.',
    ),
    block('import', [], [attr('to', ref(...OIDC_PROVIDER_ADDRESS)), attr('id', str(arn))]),
  ];
}

/** Import blocks need Terraform 1.5. */
export const IMPORT_REQUIRED_TERRAFORM_VERSION = '>= 1.5.0';
