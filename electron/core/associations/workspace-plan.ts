import { accessPathSchema, type AccessPath } from '../../../shared/aws-access-path';
import type { Association, AssociationValues, ParsedAssociationInput } from '../../../shared/contract/associations';
import { errorCodes } from '../../../shared/errors';
import { backendConfigSchema, type BackendConfig } from '../../../shared/terraform/backend';
import { moduleSourceSchema, type ModuleSource } from '../../../shared/terraform/module-source';
import { generateWorkspace, type GeneratedFile } from '../../../shared/terraform/generate-workspace';
import { workspaceKey, type AssumeRoleSpec, type WorkspaceSpecInput } from '../../../shared/terraform/workspace-spec';
import { CoreError } from '../core-error';

/** Settings every association in one workspace shares, because they share one module instance. */
export type WorkspaceSettings = (
  | {
      cloud: 'aws';
      accountId: string;
      moduleVersion: string;
      environment: string;
      auditLogRegions: string[];
      /** Named in the README's commands: the profile of the association saved last. */
      profile?: string;
      /** How Terraform reaches the account: the provider's assume_role, shared by the workspace. */
      accessPath: AccessPath;
      /** The existing OIDC provider the workspace adopts (an `import` block), if any. */
      adoptOidcProviderArn?: string;
    }
  | { cloud: 'gcp'; projectId: string; projectNumber: string; moduleVersion: string; environment: string }
) & { backend: BackendConfig; moduleSource: ModuleSource };

export function settingsOf(input: ParsedAssociationInput): WorkspaceSettings {
  return input.cloud === 'aws'
    ? {
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
      }
    : {
        cloud: 'gcp',
        projectId: input.projectId,
        projectNumber: input.projectNumber,
        moduleVersion: input.moduleVersion,
        environment: input.environment,
        backend: input.backend,
        moduleSource: input.moduleSource,
      };
}

/** A stored generated association's settings; its values were complete when it was saved. */
export function settingsFromValues(values: AssociationValues): WorkspaceSettings | undefined {
  // Saved before backends existed, or hand-edited: local state, which is what such a workspace had.
  const backend = backendConfigSchema.safeParse(values.backend ?? { type: 'local' });
  const source = moduleSourceSchema.safeParse(values.moduleSource ?? { type: 'registry' });
  const common = {
    moduleVersion: values.moduleVersion ?? '',
    environment: values.environment ?? '',
    backend: backend.success ? backend.data : { type: 'local' as const },
    moduleSource: source.success ? source.data : { type: 'registry' as const },
  };
  if (values.cloud === 'aws' && values.accountId) {
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
  }
  if (values.cloud === 'gcp' && values.projectId && values.projectNumber) {
    return { cloud: 'gcp', projectId: values.projectId, projectNumber: values.projectNumber, ...common };
  }
  return undefined;
}

/** What an association stores once generated: its input, minus the draft id. */
export function valuesOf(input: ParsedAssociationInput): AssociationValues {
  const { id: _id, ...values } = input;
  return values;
}

export function keyOf(settings: WorkspaceSettings): string {
  return workspaceKey(settings);
}

/** The files for a workspace's settings and groups, or the generator's field error as a CoreError. */
export function generateFiles(settings: WorkspaceSettings, groups: { id: string; name: string }[]): GeneratedFile[] {
  const spec: WorkspaceSpecInput =
    settings.cloud === 'aws'
      ? (({ accessPath, ...rest }) => ({
          ...rest,
          moduleVersion: settings.moduleVersion as '0.1.0',
          groups,
          ...(accessPath.kind === 'assume-role' ? { assumeRole: assumeRoleSpec(accessPath) } : {}),
        }))(settings)
      : { ...settings, moduleVersion: settings.moduleVersion as '0.0.12', groups };
  const result = generateWorkspace(spec);
  if (result.ok) return result.files;
  // The contract already checked each field; what is left are cross-field rules, and group ids.
  const field = result.error.field?.startsWith('groups.') ? 'groupId' : result.error.field;
  throw new CoreError({
    code: errorCodes.invalidInput,
    message: result.error.message,
    ...(field === undefined ? {} : { field }),
  });
}

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

/** The other generated associations in the workspace, refusing a second association of the same group. */
export function otherMembers(members: readonly Association[], input: ParsedAssociationInput): Association[] {
  const duplicate = members.find((each) => each.values.groupId === input.groupId && each.id !== input.id);
  if (duplicate) {
    throw new CoreError({
      code: errorCodes.conflict,
      field: 'groupId',
      message: `This group is already associated with ${input.cloud === 'aws' ? `AWS account ${input.accountId}` : `GCP project ${input.projectId}`}.`,
      remediation: 'Pick another group, or edit the existing association from the list.',
    });
  }
  return members.filter((each) => each.id !== input.id);
}
