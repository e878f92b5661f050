import AddIcon from '@mui/icons-material/Add';
import AddLinkIcon from '@mui/icons-material/AddLink';
import { Button, Stack } from '@mui/material';
import { useGroupsUiStore } from './groups-ui-store';

/** The two ways to add a top-level group: create a fresh one, or register an id that already exists. */
export function GroupsActions() {
  const openDialog = useGroupsUiStore((state) => state.openDialog);
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
      <Button variant="contained" startIcon={<AddIcon />} onClick={() => openDialog({ kind: 'create', mode: 'root' })}>
        New group
      </Button>
      <Button
        variant="outlined"
        startIcon={<AddLinkIcon />}
        onClick={() => openDialog({ kind: 'create', mode: 'existing' })}
      >
        Register existing id
      </Button>
    </Stack>
  );
}
