import type { associationMethods } from '../../../shared/contract/associations';
import type { HandlersFor } from '../handler-types';
import type { AssociationsService } from './associations-service';

export function associationHandlers(associations: AssociationsService): HandlersFor<typeof associationMethods> {
  return {
    listAssociations: () => associations.list(),
    saveAssociationDraft: (input) => associations.saveDraft(input),
    previewAssociation: (input) => associations.preview(input),
    saveAssociation: (input) => associations.save(input),
    exportAssociationZip: (input) => associations.exportZip(input),
    discardAssociationDrafts: () => associations.discardDrafts(),
    deleteAssociation: (input) => associations.delete(input.id),
  };
}
