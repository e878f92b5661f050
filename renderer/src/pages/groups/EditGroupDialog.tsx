import { InputAdornment, TextField } from '@mui/material';
import { useRef } from 'react';
import { updateGroupInputSchema, type Group } from '../../../../shared/model';
import { CopyGroupIdButton } from '../../components/CopyGroupIdButton';
import { FormDialog } from '../../components/FormDialog';
import { fieldErrorsFromZod, formFailureFrom } from '../../forms/field-errors';
import { useFormFields } from '../../forms/useFormFields';
import { notify } from '../../notifications/notification-store';
import { MONOSPACE_FONTS } from '../../theme';
import { GroupDetailsFields } from './GroupDetailsFields';
import { groupFieldValidators } from './group-field-validators';
import { useUpdateGroup } from '../../queries/groups';

const FIELDS = ['id', 'name', 'description'] as const;

interface EditGroupDialogProps {
  group: Group;
  open: boolean;
  onClose: () => void;
}

/** Rename a group or change its description; the id is fixed, shown to read and copy. */
export function EditGroupDialog({ group, open, onClose }: EditGroupDialogProps) {
  const mutation = useUpdateGroup();
  const form = useFormFields({ id: group.id, name: group.name, description: group.description }, groupFieldValidators);
  const idRef = useRef<HTMLInputElement>(null);

  const submit = (): void => {
    const parsed = updateGroupInputSchema.safeParse(form.values);
    if (!parsed.success) {
      form.showFailure({ fieldErrors: fieldErrorsFromZod(parsed.error, FIELDS), alert: undefined });
      return;
    }
    const renamed = parsed.data.name !== group.name;
    if (!renamed && parsed.data.description === group.description) {
      onClose();
      return;
    }
    form.clearFailure();
    mutation.mutate(parsed.data, {
      onSuccess: () => {
        const describedToo = parsed.data.description !== group.description;
        notify(renamed && !describedToo ? 'Group renamed' : 'Group updated');
        onClose();
      },
      onError: (error) => form.showFailure(formFailureFrom(error, FIELDS)),
    });
  };

  return (
    <FormDialog
      open={open}
      title="Edit group"
      submitLabel="Save"
      pending={mutation.isPending}
      alert={form.alert}
      formRef={form.formRef}
      onSubmit={submit}
      onClose={onClose}
    >
      <GroupDetailsFields
        values={form.values}
        errors={form.errors}
        onChange={form.change}
        onBlur={form.blur}
        autoFocusName
      />
      <TextField
        label="Group ID"
        fullWidth
        margin="normal"
        value={group.id}
        inputRef={idRef}
        error={form.errors.id !== undefined}
        helperText={form.errors.id ?? 'Fixed when the group was created.'}
        slotProps={{
          input: {
            readOnly: true,
            endAdornment: (
              <InputAdornment position="end">
                <CopyGroupIdButton id={group.id} textRef={idRef} />
              </InputAdornment>
            ),
          },
          htmlInput: { spellCheck: false, sx: { fontFamily: MONOSPACE_FONTS, textOverflow: 'ellipsis' } },
        }}
      />
    </FormDialog>
  );
}
