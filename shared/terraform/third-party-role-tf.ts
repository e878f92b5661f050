import {
  recipeRoleArn,
  thirdPartyRoleInputSchema,
  vendorPrincipalArn,
  type ThirdPartyRole,
} from '../contract/role-recipes';
import type { GeneratedFile } from './generate-workspace';
import { renderHcl } from './hcl-render';
import { attr, blank, block, comments, list, str, type HclBlock, type HclBodyItem } from './hcl-syntax';
import { MARKDOWN_HEADER } from './liaison-header';
import {
  applyReadmeSection,
  generateRoleWorkspace,
  inlineCode,
  roleHeader,
  roleProvider,
  roleVersionsTf,
  roleWithPermissions,
  type RoleWorkspaceResult,
} from './role-workspace-tf';

export type RoleGenerationResult = RoleWorkspaceResult<ThirdPartyRole>;

/** The action the vendor calls; the only one its trust grants (seed 002). */
export const THIRD_PARTY_ACTION = 'sts:AssumeRole';
export const EXTERNAL_ID_KEY = 'sts:ExternalId';

/**
 * A third-party role's workspace (seed 002): a plain `aws_iam_role` trusting the vendor (its account
 * root, or one role of it) for `sts:AssumeRole` only with `StringEquals sts:ExternalId`, never a `*`
 * principal; its own permissions policy and any managed ones attached. Pure and deterministic.
 */
export function generateThirdPartyRole(input: unknown): RoleGenerationResult {
  return generateRoleWorkspace(thirdPartyRoleInputSchema, thirdPartyRoleFiles, input);
}

/** The files of a recipe already validated (the contract parsed it). */
export function thirdPartyRoleFiles(role: ThirdPartyRole): GeneratedFile[] {
  return [
    { path: 'main.tf', content: renderHcl(thirdPartyRoleMainTf(role)) },
    { path: 'versions.tf', content: renderHcl(roleVersionsTf(`AWS account ${role.accountId}, role ${role.roleName}`)) },
    { path: 'README.md', content: thirdPartyRoleReadme(role) },
  ];
}

export function thirdPartyRoleMainTf(role: ThirdPartyRole): HclBodyItem[] {
  return [
    ...roleHeader(`AWS account ${role.accountId}, role ${role.roleName}`),
    blank,
    ...roleProvider(role.accountId),
    blank,
    ...comments(
      `Who may assume the role: ${vendorPrincipalArn(role)}, and only with the External ID it was given.`,
      'Never widen this to a "*" principal: that opens the role to every AWS account.',
    ),
    block('data', ['aws_iam_policy_document', 'trust'], [trustStatement(role)]),
    blank,
    ...roleWithPermissions(role, `Third-party access for AWS account ${role.vendorAccountId}`),
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

function thirdPartyRoleReadme(role: ThirdPartyRole): string {
  const arn = recipeRoleArn(role.accountId, role.roleName);
  const inline = inlineCode;
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
    ...applyReadmeSection('it'),
  ].join('\n');
}
