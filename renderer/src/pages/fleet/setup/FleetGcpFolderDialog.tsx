import { useCallback, useMemo } from 'react';
import type { GcpCredentialRef } from '../../../../../shared/contract/gcp';
import type { GcpListedProject, GcpProjectTree } from '../../../../../shared/contract/gcp-folders';
import { selectGcpFolder, type FleetCandidate, type UnitSelection } from '../../../../../shared/fleet/fleet-selection';
import { GcpProjectTreeDialog } from '../../onboard/organization/GcpProjectTreeDialog';
import { FleetUnitAdd, indentedUnits } from './FleetUnitAdd';

interface FleetGcpFolderDialogProps {
  open: boolean;
  credential: GcpCredentialRef;
  /** What is selected so far ("Selected: 4 accounts"), so adding here shows its effect. */
  selectedText: string;
  onAdd: (candidates: FleetCandidate[], skipped: UnitSelection['skipped']) => void;
  onClose: () => void;
}

/** The wizard's project tree, adding instead of picking: every active project of a folder at once, or one by one. */
export function FleetGcpFolderDialog({ open, credential, selectedText, onAdd, onClose }: FleetGcpFolderDialogProps) {
  const folderAction = useCallback(
    (tree: GcpProjectTree, rootName: string) => (
      <GcpFolderAdd tree={tree} rootName={rootName} selectedText={selectedText} onAdd={onAdd} />
    ),
    [onAdd, selectedText],
  );
  const addProject = useCallback(
    (project: GcpListedProject, tree: GcpProjectTree): void => {
      const selection = selectGcpFolder({ ...tree, projects: [project] }, project.parent);
      onAdd(selection.candidates, selection.skipped);
    },
    [onAdd],
  );
  return (
    <GcpProjectTreeDialog
      open={open}
      credential={credential}
      title="Add projects from a GCP organization or folder"
      closeLabel="Done"
      folderAction={folderAction}
      onPick={addProject}
      onClose={onClose}
    />
  );
}

/** The folder chooser; its options (with each folder's project count) are computed once per listing, not per keystroke. */
function GcpFolderAdd({
  tree,
  rootName,
  selectedText,
  onAdd,
}: {
  tree: GcpProjectTree;
  rootName: string;
  selectedText: string;
  onAdd: FleetGcpFolderDialogProps['onAdd'];
}) {
  const units = useMemo(
    () =>
      indentedUnits(
        [{ id: tree.parent, name: rootName }],
        tree.folders.map((folder) => ({ id: folder.name, name: folder.displayName, parentId: folder.parent })),
        (id) => selectGcpFolder(tree, id).candidates.length,
      ),
    [tree, rootName],
  );
  return (
    <FleetUnitAdd
      label="Folder"
      units={units}
      addLabel="Add all active projects in this folder"
      hint="Nested folders are included; projects being deleted are left out. Or pick projects one by one:"
      status={selectedText}
      onAdd={(folder) => {
        const selection = selectGcpFolder(tree, folder);
        onAdd(selection.candidates, selection.skipped);
      }}
    />
  );
}
