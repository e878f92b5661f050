import type { groupMethods } from '../../../shared/contract/groups';
import type { HandlersFor } from '../handler-types';
import type { GroupsService } from './groups-service';

export function groupHandlers(groups: GroupsService): HandlersFor<typeof groupMethods> {
  return {
    listGroups: () => groups.list(),
    createGroup: (input) => groups.create(input),
    updateGroup: (input) => groups.update(input),
    deleteGroup: (input) => groups.delete(input.id),
  };
}
