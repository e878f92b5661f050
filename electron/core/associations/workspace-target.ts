import type { AccessPath } from '../../../shared/aws-access-path';
import type { AssociationValues, ParsedAssociationInput } from '../../../shared/contract/associations';
import type { BackendConfig } from '../../../shared/terraform/backend';
import type { ModuleSource } from '../../../shared/terraform/module-source';
import type { WorkspaceSpecInput } from '../../../shared/terraform/workspace-spec';
import type { TargetCloud } from '../../../shared/targets/target-kind';

/** What every workspace has, whatever its target. */
export interface CommonWorkspaceSettings {
  moduleVersion: string;
  environment: string;
  backend: BackendConfig;
  moduleSource: ModuleSource;
}

/** Settings every association in one workspace shares, because they share one module instance. */
export type WorkspaceSettings = (
  | {
      cloud: 'aws';
      accountId: string;
      auditLogRegions: string[];
      /** Named in the README's commands: the profile of the association saved last. */
      profile?: string;
      /** How Terraform reaches the account: the provider's assume_role, shared by the workspace. */
      accessPath: AccessPath;
      /** The existing OIDC provider the workspace adopts (an `import` block), if any. */
      adoptOidcProviderArn?: string;
    }
  | { cloud: 'gcp'; projectId: string; projectNumber: string }
) &
  CommonWorkspaceSettings;

/**
 * How one target kind's workspace is planned from an association: the settings its associations
 * share, read from an input or from stored values, and the generator's spec for them.
 */
export interface WorkspaceTarget<C extends TargetCloud = TargetCloud> {
  settingsOf(input: Extract<ParsedAssociationInput, { cloud: C }>): Extract<WorkspaceSettings, { cloud: C }>;
  /** A stored generated association's settings, or undefined when its values do not name a whole target. */
  settingsFromValues(
    values: AssociationValues,
    common: CommonWorkspaceSettings,
  ): Extract<WorkspaceSettings, { cloud: C }> | undefined;
  specOf(
    settings: Extract<WorkspaceSettings, { cloud: C }>,
    groups: { id: string; name: string }[],
  ): WorkspaceSpecInput;
  /**
   * The values every other association in the workspace takes over when one is saved (they share
   * one module instance); `input` is the saved association's.
   */
  sharedValues(
    settings: Extract<WorkspaceSettings, { cloud: C }>,
    input: Extract<ParsedAssociationInput, { cloud: C }>,
  ): Partial<AssociationValues>;
}
