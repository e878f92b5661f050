import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { PlatformGroup } from '../../../../shared/contract/platform';
import { FormAlert } from '../../components/FormAlert';
import { formFailureFrom } from '../../forms/field-errors';
import { useCreatePlatformFolder } from './platform-queries';

const FIELDS = ['name', 'description'] as const;

/** Creates a folder on the platform under the chosen group; the platform gives it its id. */
export function NewFolderDialog({
  environment,
  parent,
  onClose,
}: {
  environment: string;
  parent: PlatformGroup;
  onClose: () => void;
}) {
  const create = useCreatePlatformFolder(environment);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const failure = create.error ? formFailureFrom(create.error, FIELDS) : undefined;
  return (
    <Dialog open onClose={onClose} aria-labelledby="new-folder-title" fullWidth maxWidth="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ parentId: parent.id, name, description }, { onSuccess: onClose });
        }}
      >
        <DialogTitle id="new-folder-title">New folder under {parent.name}</DialogTitle>
        <DialogContent>
          <Stack sx={{ gap: 2, pt: 1 }}>
            <Typography variant="body2" color="text.secondary">
              The folder is created on the platform, which gives it its id.
            </Typography>
            <FormAlert alert={failure?.alert} />
            <TextField
              label="Folder name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={failure?.fieldErrors.name !== undefined}
              helperText={failure?.fieldErrors.name}
              required
              autoFocus
            />
            <TextField
              label="Folder description"
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              error={failure?.fieldErrors.description !== undefined}
              helperText={failure?.fieldErrors.description}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={create.isPending}>
            Create folder
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
