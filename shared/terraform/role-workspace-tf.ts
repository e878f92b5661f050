import type { z } from 'zod';
import { roleWorkspaceKey } from '../contract/role-recipes';
import { apiErrorFromZod, type ApiError } from '../errors';
import { asList, policyStatements, type IamPolicyDocument, type IamPolicyStatement } from '../iam-policy-grammar';
import type { GeneratedFile } from './generate-workspace';
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
import { LIAISON_MARKER } from './liaison-header';
import { PROVIDER_REQUIREMENTS, REQUIRED_TERRAFORM_VERSION } from './versions-tf';

/*
 * What every role recipe's workspace has alike (issue 18): the files' header, the aws provider held to
 * the account, the role with its permissions (its own policy and the managed ones), versions.tf, and
 * the README's apply section. Each recipe's generator adds only its trust and its own words.
 */

/** What a role recipe's generation gives: its parsed input, its workspace and files, or the input's errors. */
export type RoleWorkspaceResult<Role> =
  { ok: true; role: Role; workspaceKey: string; files: GeneratedFile[] } | { ok: false; error: ApiError };

/** A recipe's workspace from unparsed input: parsed by its schema, its files from `files`. Pure and deterministic. */
export function generateRoleWorkspace<Role extends { accountId: string; roleName: string }>(
  schema: z.ZodType<Role>,
  files: (role: Role) => GeneratedFile[],
  input: unknown,
): RoleWorkspaceResult<Role> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, error: apiErrorFromZod(parsed.error) };
  const role = parsed.data;
  return { ok: true, role, workspaceKey: roleWorkspaceKey(role.accountId, role.roleName), files: files(role) };
}

/** The aws provider, held to the role's account (and, for a recipe that needs one, a region). */
export function roleProvider(accountId: string, region?: string): HclBodyItem[] {
  return [
    ...comments('Terraform stops if the credentials in use belong to another account.'),
    block(
      'provider',
      ['aws'],
      [
        ...(region === undefined ? [] : [attr('region', str(region))]),
        attr('allowed_account_ids', list([str(accountId)])),
      ],
    ),
  ];
}

/** The permissions every recipe gives its role. */
export interface RolePermissions {
  roleName: string;
  managedPolicyArns: string[];
  policyDocument?: IamPolicyDocument | undefined;
  maxSessionSeconds: number;
}

/** `aws_iam_role.this` assumed through `data.aws_iam_policy_document.trust`, then its own policy and the managed ones attached. */
export function roleWithPermissions(role: RolePermissions, description: string): HclBodyItem[] {
  const managed = [...new Set(role.managedPolicyArns)].sort();
  return [
    block(
      'resource',
      ['aws_iam_role', 'this'],
      [
        attr('name', str(role.roleName)),
        attr('description', str(description)),
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

/** Markdown inline code of any text (a backtick inside becomes a quote). */
export function inlineCode(text: string): string {
  return `\`${text.replaceAll('`', "'")}\``;
}

/** The README's last lines: how to apply the workspace, from Liaison or by hand. */
export function applyReadmeSection(what: string): string[] {
  return [
    `Apply ${what} from Liaison (Apply step), or here with:`,
    '',
    '```sh',
    'terraform init',
    'terraform plan -out=tfplan',
    'terraform apply tfplan',
    '```',
    '',
  ];
}

/** The name of the policy a recipe creates from its own document; the checks look for its ARN. */
export function ownPolicyName(roleName: string): string {
  return `${roleName}-permissions`;
}

/** The header of every file Liaison writes into a role's workspace. */
export function roleHeader(target: string): HclBodyItem[] {
  return comments(
    `${LIAISON_MARKER} for ${target}.`,
    'Liaison rewrites this file whenever the role is saved again, so edits made here are replaced:',
    'change the role in Liaison instead.',
  );
}

/** The operator's policy document, statement by statement, as `aws_iam_policy_document` (reviewable HCL, not a JSON string). */
function ownPolicy(roleName: string, document: IamPolicyDocument): HclBodyItem[] {
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
