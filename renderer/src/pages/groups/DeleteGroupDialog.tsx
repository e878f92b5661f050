import { Alert, AlertTitle, Box, DialogContentText } from '@mui/material';
import { useState } from 'react';
import type { Group } from '../../../../shared/model';
import { DEFAULT_TARGET_CLOUD, describeTarget } from '../../../../shared/targets/target-kinds';
import { FormDialog } from '../../components/FormDialog';
import { GroupIdText } from '../../components/GroupIdText';
import { formFailureFrom, type FormFailure } from '../../forms/field-errors';
import { notify } from '../../notifications/notification-store';
import { useAssociationsQuery } from '../../queries/associations';
import { useDeleteGroup } from '../../queries/groups';

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
  const associations = useAssociationsQuery();
  const inSubtree = (groupId: string | undefined) =>
    groupId !== undefined && (groupId === group.id || groupId.startsWith(`${group.id}/`));
  const affected = (associations.data ?? []).filter((each) => inSubtree(each.values.groupId));
  const trusted = affected.filter((each) => each.status === 'generated');
  const drafts = affected.length - trusted.length;

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
      submitDisabled={trusted.length > 0}
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
      {trusted.length > 0 ? (
        <Alert severity="error" sx={{ mt: 2 }}>
          <AlertTitle>
            Still trusted by {trusted.length === 1 ? 'a workspace' : `${trusted.length} workspaces`}
          </AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {trusted.map((each) => (
              <li key={each.id}>
                {describeTarget({ ...each.values, cloud: each.values.cloud ?? DEFAULT_TARGET_CLOUD })}
              </li>
            ))}
          </Box>
          Remove the association on the Onboard page (that takes the group out of the workspace’s main.tf), apply the
          workspace, then delete the group.
        </Alert>
      ) : drafts > 0 ? (
        <Alert severity="info" sx={{ mt: 2 }}>
          {drafts === 1 ? 'An unfinished onboarding' : `${drafts} unfinished onboardings`} for this group will be
          discarded.
        </Alert>
      ) : null}
    </FormDialog>
  );
}
