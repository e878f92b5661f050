import { sortGroups } from './group-comments';
import { MARKDOWN_HEADER } from './liaison-header';
import { AWS_MODULE_SOURCE, GCP_MODULE_SOURCE } from './module-catalog';
import { issuerUrl } from './platform-environment';
import type { AwsWorkspaceSpec, GcpWorkspaceSpec, WorkspaceSpec } from './workspace-spec';

/**
 * The workspace's README: what the files do and the seed guide's commands, filled in. Only validated
 * ids appear here (free text such as group names stays in `#` comments), so nothing needs escaping.
 */
export function workspaceReadme(spec: WorkspaceSpec): string {
  const lines = spec.cloud === 'aws' ? awsReadme(spec) : gcpReadme(spec);
  return [MARKDOWN_HEADER, '', ...lines].join('\n') + '\n';
}

function awsReadme(spec: AwsWorkspaceSpec): string[] {
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
    ...applyCommands(),
    '',
    '## 3. Check',
    '',
    ...shell(groups.map((group) => `chainctl iam groups check-aws ${group.id}`)),
    '',
    'Each check prints `AWS role impersonation was successful!` when the association works.',
    ...stateNote(),
  ];
}

/** Which credentials Terraform needs: the account's own, or a source account's that may assume the role. */
function applyCredentialsLines(spec: AwsWorkspaceSpec): string[] {
  if (!spec.assumeRole) {
    return [
      `Use credentials for account ${spec.accountId} (for example \`export AWS_PROFILE=...\`); the provider`,
      'refuses to run against any other account. Then, in this directory:',
    ];
  }
  return [
    `Use credentials allowed to assume \`${spec.assumeRole.roleName}\` in account ${spec.accountId} (for example`,
    "a management account's profile: `export AWS_PROFILE=...`); the provider assumes that role, as",
    '`main.tf` says, and refuses to run against any other account. Then, in this directory:',
  ];
}

function gcpReadme(spec: GcpWorkspaceSpec): string[] {
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

function about(source: string, spec: WorkspaceSpec): string[] {
  const groups = sortGroups(spec.groups);
  return [
    `\`main.tf\` uses the module \`${source}\` at version \`${spec.moduleVersion}\` (pinned) for the`,
    `platform environment \`${spec.environment}\` (issuer ${issuerUrl(spec.environment)}).`,
    '',
    groups.length === 0
      ? 'No group is associated any more: applying removes what earlier versions of this file created.'
      : 'Groups associated:',
    ...(groups.length === 0 ? [] : ['', ...groups.map((group) => `- \`${group.id}\``)]),
  ];
}

function applyCommands(): string[] {
  return shell(['terraform init -upgrade', 'terraform plan', 'terraform apply']);
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
