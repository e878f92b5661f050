import { sortGroups } from './group-comments';
import { MARKDOWN_HEADER } from './liaison-header';
import { AWS_MODULE_SOURCE, GCP_MODULE_SOURCE } from './module-catalog';
import { describeModuleSource, moduleAddress } from './module-source';
import { issuerUrl } from './platform-environment';
import type { AwsWorkspaceSpec, GcpWorkspaceSpec, WorkspaceSpec } from './workspace-spec';

/**
 * The workspace's README: what the files do and the seed guide's commands, filled in (the lines come
 * from the target's record, `terraform-targets.ts`). Only validated ids appear here (free text such as
 * group names stays in `#` comments), so nothing needs escaping.
 */
export function workspaceReadme(lines: readonly string[]): string {
  return [MARKDOWN_HEADER, '', ...lines].join('\n') + '\n';
}

/** An AWS workspace's README lines. */
export function awsReadme(spec: AwsWorkspaceSpec): string[] {
  const groups = sortGroups(spec.groups);
  return [
    `# AWS account ${spec.accountId}`,
    '',
    ...about(AWS_MODULE_SOURCE, spec),
    '',
    '## 1. Register the association with the platform',
    '',
    ...shell(groups.map((group) => `chainctl iam group set-aws ${group.id} --account ${spec.accountId}`)),
    '',
    '## 2. Apply',
    '',
    ...applyCredentialsLines(spec),
    '',
    ...(spec.profile === undefined
      ? applyCommands()
      : shell([`export AWS_PROFILE=${shellQuote(spec.profile)}`, ...APPLY_COMMANDS])),
    '',
    '## 3. Check',
    '',
    ...shell(groups.map((group) => `chainctl iam groups check-aws ${group.id}`)),
    '',
    'Each check prints `AWS role impersonation was successful!` when the association works.',
    ...stateNote(),
  ];
}

/**
 * Which credentials Terraform needs: the account's own, or a source account's that may assume the
 * role; named by the profile the operator chose in Liaison when there is one.
 */
function applyCredentialsLines(spec: AwsWorkspaceSpec): string[] {
  const chosen = spec.profile === undefined ? undefined : 'the AWS profile chosen in Liaison';
  if (!spec.assumeRole) {
    return chosen
      ? [
          `Use the credentials of ${chosen} for account ${spec.accountId}; the provider refuses to run`,
          'against any other account. In this directory:',
        ]
      : [
          `Use credentials for account ${spec.accountId} (for example \`export AWS_PROFILE=...\`); the provider`,
          'refuses to run against any other account. Then, in this directory:',
        ];
  }
  return [
    chosen
      ? `Use the credentials of ${chosen}, allowed to assume \`${spec.assumeRole.roleName}\` in account ${spec.accountId};`
      : `Use credentials allowed to assume \`${spec.assumeRole.roleName}\` in account ${spec.accountId} (for example`,
    chosen
      ? 'the provider assumes that role, as `main.tf` says, and refuses to run against any other account.'
      : "a management account's profile: `export AWS_PROFILE=...`); the provider assumes that role, as",
    chosen
      ? 'In this directory:'
      : '`main.tf` says, and refuses to run against any other account. Then, in this directory:',
  ];
}

/** A GCP workspace's README lines. */
export function gcpReadme(spec: GcpWorkspaceSpec): string[] {
  const groups = sortGroups(spec.groups);
  return [
    `# GCP project ${spec.projectId} (number ${spec.projectNumber})`,
    '',
    ...about(GCP_MODULE_SOURCE, spec),
    '',
    '## 1. Register the association with the platform',
    '',
    ...shell(
      groups.map(
        (group) =>
          `chainctl iam group set-gcp ${group.id} --project-id ${spec.projectId} --project-number ${spec.projectNumber}`,
      ),
    ),
    '',
    '## 2. Apply',
    '',
    `Use gcloud credentials that can administer IAM in project ${spec.projectId}`,
    '(`gcloud auth application-default login`, or the configuration you chose in Liaison). Then, in this directory:',
    '',
    ...applyCommands(),
    '',
    '## 3. Check',
    '',
    'Changes can take a few minutes to propagate.',
    '',
    ...shell(groups.map((group) => `chainctl iam groups check-gcp ${group.id}`)),
    '',
    'Each check prints `GCP role impersonation was successful!` when the association works.',
    ...stateNote(),
  ];
}

function about(publicAddress: string, spec: WorkspaceSpec): string[] {
  const groups = sortGroups(spec.groups);
  const address = moduleAddress(spec.moduleSource, publicAddress, spec.moduleVersion);
  return [
    ...(spec.moduleSource.type === 'registry'
      ? []
      : [`The module comes from ${describeModuleSource(spec.moduleSource)}, not the public registry.`, '']),
    `\`main.tf\` uses the module \`${address.source}\` at version \`${spec.moduleVersion}\` (${address.version === undefined ? 'the version of the local copy' : 'pinned'}) for the`,
    `platform environment \`${spec.environment}\` (issuer ${issuerUrl(spec.environment)}).`,
    '',
    groups.length === 0
      ? 'No group is associated any more: applying removes what earlier versions of this file created.'
      : 'Groups associated:',
    ...(groups.length === 0 ? [] : ['', ...groups.map((group) => `- \`${group.id}\``)]),
  ];
}

const APPLY_COMMANDS = ['terraform init -upgrade', 'terraform plan', 'terraform apply'];

function applyCommands(): string[] {
  return shell(APPLY_COMMANDS);
}

/** A POSIX shell single-quoted word: profile names may hold spaces or quotes. */
function shellQuote(value: string): string {
  return /^[A-Za-z0-9@%_+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

function shell(commands: readonly string[]): string[] {
  return commands.length === 0 ? ['(nothing to run)'] : ['```sh', ...commands, '```'];
}

function stateNote(): string[] {
  return [
    '',
    'Terraform keeps its state (`terraform.tfstate`) and downloads (`.terraform/`) in this directory;',
    'Liaison never changes or deletes them.',
  ];
}
