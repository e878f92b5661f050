import type { Association, AssociationValues, ParsedAssociationInput } from '../../../shared/contract/associations';
import { errorCodes } from '../../../shared/errors';
import { backendConfigSchema } from '../../../shared/terraform/backend';
import { moduleSourceSchema } from '../../../shared/terraform/module-source';
import { generateWorkspace, type GeneratedFile } from '../../../shared/terraform/generate-workspace';
import { workspaceKey } from '../../../shared/terraform/workspace-spec';
import { describeTarget } from '../../../shared/targets/target-kinds';
import { CoreError } from '../core-error';
import type { WorkspaceSettings } from './workspace-target';
import { workspaceTarget } from './workspace-targets';

export type { WorkspaceSettings } from './workspace-target';

export function settingsOf(input: ParsedAssociationInput): WorkspaceSettings {
  return workspaceTarget(input.cloud).settingsOf(input);
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
  return values.cloud === undefined ? undefined : workspaceTarget(values.cloud).settingsFromValues(values, common);
}

/** The values the workspace's other associations take over when `input` is saved. */
export function sharedValues(settings: WorkspaceSettings, input: ParsedAssociationInput): Partial<AssociationValues> {
  return workspaceTarget(settings.cloud).sharedValues(settings, input);
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
  const result = generateWorkspace(workspaceTarget(settings.cloud).specOf(settings, groups));
  if (result.ok) return result.files;
  // The contract already checked each field; what is left are cross-field rules, and group ids.
  const field = result.error.field?.startsWith('groups.') ? 'groupId' : result.error.field;
  throw new CoreError({
    code: errorCodes.invalidInput,
    message: result.error.message,
    ...(field === undefined ? {} : { field }),
  });
}

/** The other generated associations in the workspace, refusing a second association of the same group. */
export function otherMembers(members: readonly Association[], input: ParsedAssociationInput): Association[] {
  const duplicate = members.find((each) => each.values.groupId === input.groupId && each.id !== input.id);
  if (duplicate) {
    throw new CoreError({
      code: errorCodes.conflict,
      field: 'groupId',
      message: `This group is already associated with ${describeTarget(input)}.`,
      remediation: 'Pick another group, or edit the existing association from the list.',
    });
  }
  return members.filter((each) => each.id !== input.id);
}
