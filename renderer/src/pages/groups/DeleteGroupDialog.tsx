import { Alert, Box, DialogContentText } from '@mui/material';
import { useState } from 'react';
import type { Group } from '../../../../shared/model';
import { FormDialog } from '../../components/FormDialog';
import { GroupIdText } from '../../components/GroupIdText';
import { formFailureFrom, type FormFailure } from '../../forms/field-errors';
import { notify } from '../../notifications/notification-store';
import { useDeleteGroup } from './group-queries';

interface DeleteGroupDialogProps {
  group: Group;
  descendantCount: number;
  open: boolean;
  onClose: () => void;
}

const subgroups = (count: number): string => (count === 1 ? '1 subgroup' : `${count} subgroups`);

/** Confirms a delete, naming the group and what goes with it. Focus starts on Cancel. */
export function DeleteGroupDialog({ group, descendantCount, open, onClose }: DeleteGroupDialogProps) {
  const mutation = useDeleteGroup();
  const [alert, setAlert] = useState<FormFailure<string>['alert']>();

  const submit = (): void => {
    setAlert(undefined);
    mutation.mutate(
      { id: group.id },
      {
        onSuccess: ({ deletedIds }) => {
          const others = deletedIds.length - 1;
          notify(others > 0 ? `Group deleted, with ${subgroups(others)}` : 'Group deleted');
          onClose();
        },
        onError: (error) => setAlert(formFailureFrom(error, []).alert),
      },
    );
  };

  return (
    <FormDialog
      open={open}
      title="Delete group"
      submitLabel="Delete"
      submitColor="error"
      initialFocus="cancel"
      pending={mutation.isPending}
      alert={alert}
      onSubmit={submit}
      onClose={onClose}
    >
      <DialogContentText>
        Delete <strong>{group.name}</strong>? This cannot be undone.
      </DialogContentText>
      <Box sx={{ mt: 1, color: 'text.secondary' }}>
        <GroupIdText id={group.id} />
      </Box>
      {descendantCount > 0 ? (
        <Alert severity="warning" sx={{ mt: 2 }}>
          Its {subgroups(descendantCount)} will also be deleted.
        </Alert>
      ) : null}
    </FormDialog>
  );
}
