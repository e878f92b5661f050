import AddIcon from '@mui/icons-material/Add';
import AddLinkIcon from '@mui/icons-material/AddLink';
import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useCurrentPlatformEnvironment } from '../../queries/platform-settings';
import { NewFolderDialog } from '../platform/NewFolderDialog';
import { usePlatformConnection, usePlatformGroups } from '../platform/platform-queries';
import { useGroupsUiStore } from './groups-ui-store';

/**
 * The two ways to add a top-level group, each its own form: with a platform sign-in, New folder creates
 * one on the platform (which gives it its id); Register existing id pastes the id of one that exists.
 * Without a sign-in Liaison cannot create groups, so only the second is offered.
 */
export function GroupsActions() {
  const openDialog = useGroupsUiStore((state) => state.openDialog);
  const environment = useCurrentPlatformEnvironment();
  const connection = usePlatformConnection(environment);
  const signedIn = connection.data?.state === 'signed-in';
  const platformGroups = usePlatformGroups(environment, signedIn);
  const [creating, setCreating] = useState(0);
  const canCreate = signedIn && environment !== undefined && platformGroups.data !== undefined;
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
      {canCreate ? (
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating((count) => count + 1)}>
          New folder
        </Button>
      ) : null}
      <Button
        variant={canCreate ? 'outlined' : 'contained'}
        startIcon={<AddLinkIcon />}
        onClick={() => openDialog({ kind: 'create', mode: 'existing' })}
      >
        Register existing id
      </Button>
      {connection.data && !signedIn ? (
        <Typography variant="body2" color="text.secondary">
          New folders are created on the platform: sign in (Settings → Platform) to create one here.
        </Typography>
      ) : null}
      {creating > 0 && canCreate ? (
        <NewFolderDialog
          key={creating}
          environment={environment}
          parents={platformGroups.data}
          onClose={() => setCreating(0)}
        />
      ) : null}
    </Stack>
  );
}
