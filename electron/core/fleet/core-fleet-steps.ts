import { associationInputSchema } from '../../../shared/contract/associations';
import type { FleetItem, FleetOptions, FleetTarget } from '../../../shared/contract/fleet';
import { errorCodes } from '../../../shared/errors';
import type { AssociationsService } from '../associations/associations-service';
import { readWorkspaceFiles, workspaceDir } from '../associations/workspace-files';
import type { ChecksService } from '../checks/checks-service';
import { CoreError } from '../core-error';
import type { GroupsService } from '../groups/groups-service';
import type { PlatformService } from '../platform/platform-service';
import type { FleetRecord } from './fleet-repository';
import type { FleetSteps } from './fleet-steps';

export interface CoreFleetStepsOptions {
  groups: GroupsService;
  associations: AssociationsService;
  platform: PlatformService;
  checks: ChecksService;
  dataDir: string;
}

/** A fleet item's steps, each done by the service the wizard uses for it. */
export function coreFleetSteps(options: CoreFleetStepsOptions): FleetSteps {
  const { groups, associations, platform, checks, dataDir } = options;
  const localGroup = (id: string) => groups.listGroups().find((group) => group.id === id);
  return {
    async resolveGroup(fleet, item) {
      const choice = item.group;
      if (choice.kind === 'new-folder') {
        const folder = await platform.createPlatformFolder({
          environment: fleet.environment,
          parentId: choice.parentId,
          name: choice.name,
          description: choice.description,
        });
        if (!localGroup(folder.id)) {
          groups.createGroup({ mode: 'existing', id: folder.id, name: folder.name, description: folder.description });
        }
        return folder.id;
      }
      if (localGroup(choice.groupId)) return choice.groupId;
      // A platform group Liaison has not listed locally yet: taken in with its platform name.
      if (fleet.registerOnPlatform) {
        const found = (await platform.listPlatformGroups({ environment: fleet.environment })).find(
          (group) => group.id === choice.groupId,
        );
        if (found) {
          groups.createGroup({ mode: 'existing', id: found.id, name: found.name, description: found.description });
          return found.id;
        }
      }
      throw new CoreError({
        code: errorCodes.notFound,
        field: 'group.groupId',
        message: `Group ${choice.groupId} is neither in Liaison nor on the platform.`,
        remediation: 'Map this account to another group, or create the folder first.',
      });
    },

    generate(fleet, item, groupId) {
      const input = associationInputSchema.parse(associationValuesOf(fleet, item, groupId));
      const { association, preview } = associations.saveAssociation({ ...input, replaceForeignFiles: false });
      return Promise.resolve({ associationId: association.id, workspaceKey: preview.workspaceKey });
    },

    async register(_fleet, associationId) {
      await platform.registerPlatformAssociation({ associationId });
    },

    async check(associationId) {
      return (await checks.runAssociationCheck({ associationId })).verdict;
    },

    workspaceFiles(workspaceKey) {
      return readWorkspaceFiles(workspaceDir(dataDir, workspaceKey)).flatMap((file) =>
        file.content === null ? [] : [{ path: file.path, content: file.content }],
      );
    },
  };
}

/** Each cloud's part of the association a fleet item saves: its target and that cloud's module options. */
const TARGET_VALUES: {
  readonly [C in FleetTarget['cloud']]: (target: Extract<FleetTarget, { cloud: C }>, options: FleetOptions) => object;
} = {
  aws: (target, options) => ({
    cloud: 'aws',
    accountId: target.accountId,
    profile: target.profile,
    accessPath: target.accessPath,
    moduleVersion: options.awsModuleVersion,
    auditLogRegions: options.auditLogRegions,
  }),
  gcp: (target, options) => ({
    cloud: 'gcp',
    projectId: target.projectId,
    projectNumber: target.projectNumber,
    credential: target.credential,
    moduleVersion: options.gcpModuleVersion,
  }),
};

/** The association the wizard would save for this item (its id once saved, so a retry updates it). */
function associationValuesOf(fleet: FleetRecord, item: FleetItem, groupId: string) {
  // The one widening cast: the entry is looked up by the target's own cloud.
  const targetValues = TARGET_VALUES[item.target.cloud] as (target: FleetTarget, options: FleetOptions) => object;
  return {
    ...(item.associationId ? { id: item.associationId } : {}),
    groupId,
    environment: fleet.environment,
    backend: { type: 'local' as const },
    moduleSource: fleet.options.moduleSource,
    ...targetValues(item.target, fleet.options),
  };
}
