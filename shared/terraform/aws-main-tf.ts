import { memberRoleArn } from '../aws-access-path';
import { importOidcProviderBlock } from './adopt-oidc-provider';
import { groupComments, sortGroups } from './group-comments';
import { attr, blank, block, comment, comments, list, object, ref, str, type HclBodyItem } from './hcl-syntax';
import { hclHeader } from './liaison-header';
import { AWS_AUDITLOGS_SUBDIR, AWS_MODULE_SOURCE, MODULE_VERSIONS } from './module-catalog';
import { moduleAddress, sourceAttrs, type ModuleSource } from './module-source';
import { issuerUrl } from './platform-environment';
import type { AssumeRoleSpec, AwsWorkspaceSpec } from './workspace-spec';

/** The body of an AWS account's `main.tf`: one module instance for every group associated with it. */
export function awsMainTf(spec: AwsWorkspaceSpec): HclBodyItem[] {
  const groups = sortGroups(spec.groups);
  const legacy = MODULE_VERSIONS[spec.moduleVersion].generation === 'legacy';
  const regions = [...spec.auditLogRegions].sort();
  return [
    ...hclHeader(`AWS account ${spec.accountId}`),
    comment(`Platform environment ${spec.environment} (issuer ${issuerUrl(spec.environment)}).`),
    blank,
    ...accountGuard(spec.accountId, spec.assumeRole),
    ...regions.flatMap((region) => [blank, regionalProvider(spec.accountId, region, spec.assumeRole)]),
    blank,
    ...(groups.length === 0
      ? comments(
          'No group is associated with this account any more. Applying this file removes the roles',
          'Liaison set up here; the providers stay so that Terraform can do that.',
        )
      : [
          ...groupComments(groups),
          block(
            'module',
            ['aws-impersonation'],
            [
              ...sourceAttrs(moduleAddress(spec.moduleSource, AWS_MODULE_SOURCE, spec.moduleVersion)),
              blank,
              ...(legacy
                ? [
                    attr('enforce_group_ids', list(groups.map((group) => str(group.id)))),
                    attr('enforce_domain_name', str(spec.environment)),
                  ]
                : [
                    attr('group_ids', list(groups.map((group) => str(group.id)))),
                    attr('account', str(spec.accountId)),
                    attr('environment', str(spec.environment)),
                  ]),
            ],
          ),
          ...(regions.length === 0 ? [] : auditLogModules(spec.moduleSource, spec.moduleVersion, regions)),
          ...(spec.adoptOidcProviderArn === undefined
            ? []
            : [blank, ...importOidcProviderBlock(spec.adoptOidcProviderArn, spec.environment)]),
        ]),
  ];
}

/** `allowed_account_ids` makes Terraform stop if the credentials in use belong to another account. */
function accountGuard(accountId: string, assumeRole: AssumeRoleSpec | undefined): HclBodyItem[] {
  return [
    ...(assumeRole
      ? comments(
          `Terraform signs in with the credentials in its environment (another account's), then assumes`,
          `${assumeRole.roleName} in this account; it refuses any other account.`,
        )
      : [comment('Use credentials for this account (e.g. AWS_PROFILE); Terraform refuses any other account.')]),
    block(
      'provider',
      ['aws'],
      [attr('allowed_account_ids', list([str(accountId)])), ...assumeRoleBlock(accountId, assumeRole)],
    ),
  ];
}

function regionalProvider(accountId: string, region: string, assumeRole: AssumeRoleSpec | undefined): HclBodyItem {
  return block(
    'provider',
    ['aws'],
    [
      attr('alias', str(providerAlias(region))),
      attr('region', str(region)),
      attr('allowed_account_ids', list([str(accountId)])),
      ...assumeRoleBlock(accountId, assumeRole),
    ],
  );
}

/** The provider's own AssumeRole (seed 001): no profile name or key, so an exported workspace runs anywhere. */
function assumeRoleBlock(accountId: string, assumeRole: AssumeRoleSpec | undefined): HclBodyItem[] {
  if (!assumeRole) return [];
  return [
    blank,
    block(
      'assume_role',
      [],
      [
        attr('role_arn', str(memberRoleArn(accountId, assumeRole.roleName, assumeRole.partition))),
        attr('session_name', str(assumeRole.sessionName)),
        ...(assumeRole.externalId === undefined ? [] : [attr('external_id', str(assumeRole.externalId))]),
        // Go duration syntax, which the provider parses.
        ...(assumeRole.durationSeconds === undefined ? [] : [attr('duration', str(`${assumeRole.durationSeconds}s`))]),
      ],
    ),
  ];
}

function auditLogModules(source: ModuleSource, version: string, regions: readonly string[]): HclBodyItem[] {
  return [
    blank,
    ...comments(
      'While the module above configures global IAM bindings, the auditlogs module holds regional',
      'resources that let the platform watch audit logs and discover infrastructure changes at once.',
      'It is applied once per region, each through its own provider alias.',
    ),
    ...regions.flatMap((region, index) => [
      ...(index === 0 ? [] : [blank]),
      block(
        'module',
        [`aws-auditlogs-${region}`],
        [
          comment('The // is semantic: auditlogs is a directory inside the module.'),
          ...sourceAttrs(moduleAddress(source, AWS_MODULE_SOURCE, version, AWS_AUDITLOGS_SUBDIR)),
          blank,
          attr('providers', object([attr('aws', ref('aws', providerAlias(region)))])),
        ],
      ),
    ]),
  ];
}

/** Aliases are identifiers; region codes are validated to letters, digits and hyphens first. */
export function providerAlias(region: string): string {
  return region.replaceAll('-', '_');
}
