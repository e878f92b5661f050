import { TextField } from '@mui/material';
import { createGroupInputSchema, type CreateGroupInput, type Group } from '../../../../shared/model';
import { FormDialog } from '../../components/FormDialog';
import { fieldErrorsFromZod, formFailureFrom } from '../../forms/field-errors';
import { useFormFields } from '../../forms/useFormFields';
import { notify } from '../../notifications/notification-store';
import { MONOSPACE_FONTS } from '../../theme';
import { GroupDetailsFields } from './GroupDetailsFields';
import { GROUP_ID_HINT, groupFieldValidators } from './group-field-validators';
import { useCreateGroup } from '../../queries/groups';

export type CreateMode = { mode: 'root' } | { mode: 'child'; parent: Group } | { mode: 'existing' };

const FIELDS = ['id', 'name', 'description', 'parentId'] as const;

const TITLES = { root: 'New group', child: 'New child group', existing: 'Register existing group' } as const;

const DESCRIPTIONS = {
  root: 'A new root group, with a freshly generated id.',
  child: 'A new group nested under its parent; its id extends the parent’s id.',
  existing: 'Paste the id of a group that already exists on the identity platform.',
} as const;

interface CreateGroupDialogProps {
  target: CreateMode;
  open: boolean;
  onClose: () => void;
}

/** One dialog for the three ways to add a group: a new root, a new child, or an existing id. */
export function CreateGroupDialog({ target, open, onClose }: CreateGroupDialogProps) {
  const mutation = useCreateGroup();
  const parentId = target.mode === 'child' ? target.parent.id : '';
  const form = useFormFields({ id: '', name: '', description: '', parentId }, groupFieldValidators);
  const { values, errors } = form;

  const input = (): CreateGroupInput => {
    const details = { name: values.name, description: values.description };
    if (target.mode === 'child') return { mode: 'child', parentId: target.parent.id, ...details };
    if (target.mode === 'existing') return { mode: 'existing', id: values.id.trim(), ...details };
    return { mode: 'root', ...details };
  };

  const submit = (): void => {
    const parsed = createGroupInputSchema.safeParse(input());
    if (!parsed.success) {
      form.showFailure({ fieldErrors: fieldErrorsFromZod(parsed.error, FIELDS), alert: undefined });
      return;
    }
    form.clearFailure();
    mutation.mutate(parsed.data, {
      onSuccess: () => {
        notify(target.mode === 'existing' ? 'Group registered' : 'Group created');
        onClose();
      },
      onError: (error) => form.showFailure(formFailureFrom(error, FIELDS)),
    });
  };

  return (
    <FormDialog
      open={open}
      title={TITLES[target.mode]}
      description={DESCRIPTIONS[target.mode]}
      submitLabel={target.mode === 'existing' ? 'Register' : 'Create'}
      pending={mutation.isPending}
      alert={form.alert}
      formRef={form.formRef}
      onSubmit={submit}
      onClose={onClose}
    >
      {target.mode === 'child' ? (
        <TextField
          label="Parent group"
          fullWidth
          margin="normal"
          value={target.parent.name}
          error={errors.parentId !== undefined}
          helperText={errors.parentId ?? target.parent.id}
          slotProps={{ input: { readOnly: true }, formHelperText: { sx: { fontFamily: MONOSPACE_FONTS } } }}
        />
      ) : null}
      {target.mode === 'existing' ? (
        <TextField
          label="Group ID"
          name="id"
          required
          fullWidth
          margin="normal"
          autoFocus
          autoComplete="off"
          value={values.id}
          // Pasted ids often carry a stray space or newline.
          onChange={(event) => form.change('id', event.target.value.trim())}
          onBlur={() => form.blur('id')}
          error={errors.id !== undefined}
          helperText={errors.id ?? GROUP_ID_HINT}
          slotProps={{ htmlInput: { spellCheck: false, sx: { fontFamily: MONOSPACE_FONTS } } }}
        />
      ) : null}
      <GroupDetailsFields
        values={values}
        errors={errors}
        onChange={form.change}
        onBlur={form.blur}
        autoFocusName={target.mode !== 'existing'}
      />
    </FormDialog>
  );
}
