import {
  recipeRoleArn,
  roleWorkspaceKey,
  thirdPartyRoleInputSchema,
  vendorPrincipalArn,
  type ThirdPartyRole,
} from '../contract/role-recipes';
import { apiErrorFromZod, type ApiError } from '../errors';
import { asList, policyStatements, type IamPolicyDocument, type IamPolicyStatement } from '../iam-policy-grammar';
import type { GeneratedFile } from './generate-workspace';
import { renderHcl } from './hcl-render';
import {
  attr,
  blank,
  block,
  comments,
  list,
  num,
  object,
  ref,
  str,
  type HclBlock,
  type HclBodyItem,
} from './hcl-syntax';
import { LIAISON_MARKER, MARKDOWN_HEADER } from './liaison-header';
import { PROVIDER_REQUIREMENTS, REQUIRED_TERRAFORM_VERSION } from './versions-tf';

/** The name of the policy a recipe creates from its own document; the checks look for its ARN. */
export function ownPolicyName(roleName: string): string {
  return `${roleName}-permissions`;
}

export type RoleGenerationResult =
  { ok: true; role: ThirdPartyRole; workspaceKey: string; files: GeneratedFile[] } | { ok: false; error: ApiError };

/** The action the vendor calls; the only one its trust grants (seed 002). */
export const THIRD_PARTY_ACTION = 'sts:AssumeRole';
export const EXTERNAL_ID_KEY = 'sts:ExternalId';

/**
 * A third-party role's workspace (seed 002): a plain `aws_iam_role` trusting the vendor (its account
 * root, or one role of it) for `sts:AssumeRole` only with `StringEquals sts:ExternalId`, never a `*`
 * principal; its own permissions policy and any managed ones attached. Pure and deterministic.
 */
export function generateThirdPartyRole(input: unknown): RoleGenerationResult {
  const parsed = thirdPartyRoleInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: apiErrorFromZod(parsed.error) };
  const role = parsed.data;
  return {
    ok: true,
    role,
    workspaceKey: roleWorkspaceKey(role.accountId, role.roleName),
    files: thirdPartyRoleFiles(role),
  };
}

/** The files of a recipe already validated (the contract parsed it). */
export function thirdPartyRoleFiles(role: ThirdPartyRole): GeneratedFile[] {
  return [
    { path: 'main.tf', content: renderHcl(thirdPartyRoleMainTf(role)) },
    { path: 'versions.tf', content: renderHcl(roleVersionsTf(`AWS account ${role.accountId}, role ${role.roleName}`)) },
    { path: 'README.md', content: thirdPartyRoleReadme(role) },
  ];
}

export function roleHeader(target: string): HclBodyItem[] {
  return comments(
    `${LIAISON_MARKER} for ${target}.`,
    'Liaison rewrites this file whenever the role is saved again, so edits made here are replaced:',
    'change the role in Liaison instead.',
  );
}

export function thirdPartyRoleMainTf(role: ThirdPartyRole): HclBodyItem[] {
  const managed = [...new Set(role.managedPolicyArns)].sort();
  return [
    ...roleHeader(`AWS account ${role.accountId}, role ${role.roleName}`),
    blank,
    ...comments('Terraform stops if the credentials in use belong to another account.'),
    block('provider', ['aws'], [attr('allowed_account_ids', list([str(role.accountId)]))]),
    blank,
    ...comments(
      `Who may assume the role: ${vendorPrincipalArn(role)}, and only with the External ID it was given.`,
      'Never widen this to a "*" principal: that opens the role to every AWS account.',
    ),
    block('data', ['aws_iam_policy_document', 'trust'], [trustStatement(role)]),
    blank,
    block(
      'resource',
      ['aws_iam_role', 'this'],
      [
        attr('name', str(role.roleName)),
        attr('description', str(`Third-party access for AWS account ${role.vendorAccountId}`)),
        attr('max_session_duration', num(role.maxSessionSeconds)),
        attr('assume_role_policy', ref('data', 'aws_iam_policy_document', 'trust', 'json')),
      ],
    ),
    ...(role.policyDocument === undefined ? [] : ownPolicy(role.roleName, role.policyDocument)),
    ...managed.flatMap((arn, index) => [
      blank,
      block(
        'resource',
        ['aws_iam_role_policy_attachment', `managed_${index + 1}`],
        [attr('role', ref('aws_iam_role', 'this', 'name')), attr('policy_arn', str(arn))],
      ),
    ]),
  ];
}

function trustStatement(role: ThirdPartyRole): HclBlock {
  return block(
    'statement',
    [],
    [
      attr('sid', str('VendorWithExternalId')),
      attr('effect', str('Allow')),
      attr('actions', list([str(THIRD_PARTY_ACTION)])),
      blank,
      block('principals', [], [attr('type', str('AWS')), attr('identifiers', list([str(vendorPrincipalArn(role))]))]),
      blank,
      block(
        'condition',
        [],
        [
          attr('test', str('StringEquals')),
          attr('variable', str(EXTERNAL_ID_KEY)),
          attr('values', list([str(role.externalId)])),
        ],
      ),
    ],
  );
}

/** The operator's policy document, statement by statement, as `aws_iam_policy_document` (reviewable HCL, not a JSON string). */
export function ownPolicy(roleName: string, document: IamPolicyDocument): HclBodyItem[] {
  return [
    blank,
    ...comments('The permissions the role grants, from the policy document given in Liaison.'),
    block(
      'data',
      ['aws_iam_policy_document', 'permissions'],
      policyStatements(document).flatMap((statement, index) => [
        ...(index === 0 ? [] : [blank]),
        permissionStatement(statement),
      ]),
    ),
    blank,
    block(
      'resource',
      ['aws_iam_policy', 'permissions'],
      [
        attr('name', str(ownPolicyName(roleName))),
        attr('policy', ref('data', 'aws_iam_policy_document', 'permissions', 'json')),
      ],
    ),
    blank,
    block(
      'resource',
      ['aws_iam_role_policy_attachment', 'permissions'],
      [
        attr('role', ref('aws_iam_role', 'this', 'name')),
        attr('policy_arn', ref('aws_iam_policy', 'permissions', 'arn')),
      ],
    ),
  ];
}

function permissionStatement(statement: IamPolicyStatement): HclBlock {
  const strings = (values: readonly string[]) => list(values.map(str));
  const body: HclBodyItem[] = [
    ...(statement.Sid ? [attr('sid', str(statement.Sid))] : []),
    attr('effect', str(statement.Effect)),
    ...(statement.Action === undefined ? [] : [attr('actions', strings(asList(statement.Action)))]),
    ...(statement.NotAction === undefined ? [] : [attr('not_actions', strings(asList(statement.NotAction)))]),
    ...(statement.Resource === undefined ? [] : [attr('resources', strings(asList(statement.Resource)))]),
    ...(statement.NotResource === undefined ? [] : [attr('not_resources', strings(asList(statement.NotResource)))]),
  ];
  for (const [test, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [variable, values] of Object.entries(keys)) {
      body.push(
        blank,
        block(
          'condition',
          [],
          [
            attr('test', str(test)),
            attr('variable', str(variable)),
            attr('values', strings(asList(values).map(String))),
          ],
        ),
      );
    }
  }
  return block('statement', [], body);
}

/** versions.tf of a role workspace: the Terraform version and the pinned aws provider (or a narrower range a recipe needs). */
export function roleVersionsTf(target: string, awsVersion?: string): HclBodyItem[] {
  return [
    ...roleHeader(target),
    blank,
    ...comments('The Terraform and provider versions this workspace was generated for.'),
    block(
      'terraform',
      [],
      [
        attr('required_version', str(REQUIRED_TERRAFORM_VERSION)),
        blank,
        block(
          'required_providers',
          [],
          PROVIDER_REQUIREMENTS.aws.map((provider) =>
            attr(
              provider.name,
              object([attr('source', str(provider.source)), attr('version', str(awsVersion ?? provider.version))]),
            ),
          ),
        ),
      ],
    ),
  ];
}

function thirdPartyRoleReadme(role: ThirdPartyRole): string {
  const arn = recipeRoleArn(role.accountId, role.roleName);
  const inline = (text: string) => `\`${text.replaceAll('`', "'")}\``;
  return [
    MARKDOWN_HEADER,
    '',
    `# Third-party role ${role.roleName} in AWS account ${role.accountId}`,
    '',
    `Lets ${inline(vendorPrincipalArn(role))} assume ${inline(arn)} with ${THIRD_PARTY_ACTION}, only with`,
    `the External ID below (a request without it, or with another, is refused). Sessions last at most`,
    `${role.maxSessionSeconds} seconds.`,
    '',
    'Give the vendor:',
    '',
    `- Role ARN: ${inline(arn)}`,
    `- External ID: ${inline(role.externalId)}`,
    '',
    'Apply it from Liaison (Apply step), or here with:',
    '',
    '```sh',
    'terraform init',
    'terraform plan -out=tfplan',
    'terraform apply tfplan',
    '```',
    '',
  ].join('\n');
}
