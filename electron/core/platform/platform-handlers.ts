import type { platformMethods } from '../../../shared/contract/platform';
import type { HandlersFor } from '../handler-types';
import type { PlatformService } from './platform-service';

export function platformHandlers(platform: PlatformService): HandlersFor<typeof platformMethods> {
  return {
    getPlatformConnection: ({ environment }) => platform.connection(environment),
    signInToPlatform: ({ environment }) => platform.signIn(environment),
    listPlatformGroups: ({ environment }) => platform.listGroups(environment),
    createPlatformFolder: ({ environment, parentId, name, description }) =>
      platform.createFolder(environment, parentId, { name, description }),
    planPlatformRegistration: ({ associationId }) => platform.planRegistration(associationId),
    registerPlatformAssociation: ({ associationId, confirmReplace }) =>
      platform.register(associationId, confirmReplace),
    unsetPlatformAssociation: ({ associationId }) => platform.unset(associationId),
  };
}
