import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { PlatformGroup } from '../../../../shared/contract/platform';
import { FormAlert } from '../../components/FormAlert';
import { formFailureFrom } from '../../forms/field-errors';
import { notify } from '../../notifications/notification-store';
import { useCreateGroup } from '../../queries/groups';
import { useCreatePlatformFolder } from './platform-queries';

const FIELDS = ['parentId', 'name', 'description'] as const;

type NewFolderDialogProps = {
  environment: string;
  onClose: () => void;
} & (
  | {
      /** From a row of the platform's tree: the folder goes under it, and stays on the platform only. */ parent: PlatformGroup;
    }
  | {
      /** From the Groups page's New folder: the operator picks the parent, and the folder is used in Liaison. */
      parents: readonly PlatformGroup[];
    }
);

/** Creates a folder on the platform under a group; the platform gives it its id. */
export function NewFolderDialog(props: NewFolderDialogProps) {
  const { environment, onClose } = props;
  const create = useCreatePlatformFolder(environment);
  const useInLiaison = useCreateGroup();
  const fixed = 'parent' in props ? props.parent : undefined;
  const [parentId, setParentId] = useState(fixed?.id ?? '');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [parentMissing, setParentMissing] = useState(false);
  const failure = create.error
    ? formFailureFrom(create.error, FIELDS)
    : useInLiaison.error
      ? formFailureFrom(useInLiaison.error, FIELDS)
      : undefined;
  const parentError = parentMissing ? 'Choose the group the folder goes under' : failure?.fieldErrors.parentId;
  return (
    <Dialog open onClose={onClose} aria-labelledby="new-folder-title" fullWidth maxWidth="sm">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (parentId === '') {
            setParentMissing(true);
            return;
          }
          create.mutate(
            { parentId, name, description },
            {
              onSuccess: (folder) => {
                if (fixed) return onClose();
                useInLiaison.mutate(
                  { mode: 'existing', id: folder.id, name: folder.name, description: folder.description },
                  {
                    onSuccess: () => {
                      notify(`Folder ${folder.name} created on the platform and added to Liaison`);
                      onClose();
                    },
                  },
                );
              },
            },
          );
        }}
      >
        <DialogTitle id="new-folder-title">{fixed ? `New folder under ${fixed.name}` : 'New folder'}</DialogTitle>
        <DialogContent>
          <Stack sx={{ gap: 2, pt: 1 }}>
            <Typography variant="body2" color="text.secondary">
              The folder is created on the platform, which gives it its id
              {fixed ? '.' : '; Liaison then lists it with your groups.'}
            </Typography>
            <FormAlert alert={failure?.alert} />
            {'parents' in props ? (
              <TextField
                select
                label="Parent group"
                value={parentId}
                onChange={(event) => {
                  setParentId(event.target.value);
                  setParentMissing(false);
                }}
                error={parentError !== undefined}
                helperText={parentError ?? 'An organization or folder on the platform'}
                required
                slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
              >
                <option value="">Choose a group</option>
                {props.parents.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name} ({group.id})
                  </option>
                ))}
              </TextField>
            ) : null}
            <TextField
              label="Folder name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={failure?.fieldErrors.name !== undefined}
              helperText={failure?.fieldErrors.name}
              required
              autoFocus={fixed !== undefined}
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
          <Button type="submit" variant="contained" loading={create.isPending || useInLiaison.isPending}>
            Create folder
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
