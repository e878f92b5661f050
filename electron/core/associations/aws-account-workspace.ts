import { accessPathSchema, type AccessPath } from '../../../shared/aws-access-path';
import type { AssumeRoleSpec } from '../../../shared/terraform/workspace-spec';
import type { WorkspaceTarget } from './workspace-target';

/** An AWS account's workspace: the module, its audit-log regions and how Terraform reaches the account. */
export const AWS_ACCOUNT_WORKSPACE: WorkspaceTarget<'aws'> = {
  settingsOf: (input) => ({
    cloud: 'aws',
    accountId: input.accountId,
    moduleVersion: input.moduleVersion,
    environment: input.environment,
    auditLogRegions: input.auditLogRegions,
    profile: input.profile,
    accessPath: input.accessPath,
    ...(input.adoptOidcProviderArn === undefined ? {} : { adoptOidcProviderArn: input.adoptOidcProviderArn }),
    backend: input.backend,
    moduleSource: input.moduleSource,
  }),
  settingsFromValues: (values, common) => {
    if (!values.accountId) return undefined;
    // Saved before access paths existed: the profile was the account's own.
    const accessPath = accessPathSchema.safeParse(values.accessPath ?? { kind: 'profile' });
    return {
      cloud: 'aws',
      accountId: values.accountId,
      auditLogRegions: values.auditLogRegions ?? [],
      ...(values.profile ? { profile: values.profile } : {}),
      accessPath: accessPath.success ? accessPath.data : { kind: 'profile' },
      ...(values.adoptOidcProviderArn ? { adoptOidcProviderArn: values.adoptOidcProviderArn } : {}),
      ...common,
    };
  },
  specOf: ({ accessPath, ...rest }, groups) => ({
    ...rest,
    moduleVersion: rest.moduleVersion as '0.1.0',
    groups,
    ...(accessPath.kind === 'assume-role' ? { assumeRole: assumeRoleSpec(accessPath) } : {}),
  }),
  sharedValues: (settings, input) => ({
    moduleVersion: settings.moduleVersion,
    environment: settings.environment,
    auditLogRegions: settings.auditLogRegions,
    // The provider's assume_role is the workspace's, and so is the profile it starts from.
    accessPath: settings.accessPath,
    ...(settings.accessPath.kind === 'assume-role' ? { profile: input.profile } : {}),
    // Adopting the provider is the workspace's: declining it on one association declines it for all.
    adoptOidcProviderArn: settings.adoptOidcProviderArn,
    backend: settings.backend,
    moduleSource: settings.moduleSource,
  }),
};

/** The provider's assume_role; the session name was filled in (see `withSessionName`) before this. */
function assumeRoleSpec(path: Extract<AccessPath, { kind: 'assume-role' }>): AssumeRoleSpec {
  return {
    roleName: path.roleName,
    sessionName: path.sessionName ?? '',
    durationSeconds: path.durationSeconds,
    ...(path.externalId === undefined ? {} : { externalId: path.externalId }),
    ...(path.partition === undefined ? {} : { partition: path.partition }),
  };
}
