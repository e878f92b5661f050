import { CreateGroupDialog } from './CreateGroupDialog';
import { DeleteGroupDialog } from './DeleteGroupDialog';
import { EditGroupDialog } from './EditGroupDialog';
import { useGroupsUiStore } from './groups-ui-store';

/** Whichever group dialog the store says is open; keyed per opening so every form starts fresh. */
export function GroupDialogs() {
  const dialog = useGroupsUiStore((state) => state.dialog);
  const open = useGroupsUiStore((state) => state.open);
  const openCount = useGroupsUiStore((state) => state.openCount);
  const closeDialog = useGroupsUiStore((state) => state.closeDialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'create':
      return <CreateGroupDialog key={openCount} target={dialog} open={open} onClose={closeDialog} />;
    case 'edit':
      return <EditGroupDialog key={openCount} group={dialog.group} open={open} onClose={closeDialog} />;
    case 'delete':
      return (
        <DeleteGroupDialog
          key={openCount}
          group={dialog.group}
          descendantCount={dialog.descendantCount}
          open={open}
          onClose={closeDialog}
        />
      );
  }
}
