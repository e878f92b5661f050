import { TextField } from '@mui/material';
import { createGroupInputSchema, type CreateGroupInput, type Group } from '../../../../shared/model';
import { FormDialog } from '../../components/FormDialog';
import { fieldErrorsFromZod, formFailureFrom } from '../../forms/field-errors';
import { useFormFields } from '../../forms/useFormFields';
import { notify } from '../../notifications/notification-store';
import { MONOSPACE_FONTS } from '../../theme';
import { usePlatformConnection } from '../platform/platform-queries';
import { GroupDetailsFields } from './GroupDetailsFields';
import { childGroupIdError, GROUP_ID_HINT, groupFieldValidators } from './group-field-validators';
import { useCreateGroup } from '../../queries/groups';
import { useCurrentPlatformEnvironment } from '../../queries/platform-settings';

export type CreateMode = { mode: 'root' } | { mode: 'child'; parent: Group } | { mode: 'existing' };

const FIELDS = ['id', 'name', 'description', 'parentId'] as const;

const TITLES = { root: 'New group', child: 'New child group', existing: 'Register existing group' } as const;

/*
 * Groups live on the platform: an id Liaison made up would be trusted by the generated Terraform but
 * carried by no platform token. So every way in here registers an id that exists there (pasted, as
 * `chainctl iam folders ls` shows it); creating a folder on the platform is the Groups page's platform
 * tree, with a sign-in.
 */
function description(mode: CreateMode, signedIn: boolean): string {
  const where =
    mode.mode === 'child'
      ? 'Paste the id of a folder that exists on the platform under this group.'
      : 'Paste the id of a group that exists on the platform.';
  return signedIn
    ? `${where} To create a new folder on the platform instead, use "New folder".`
    : `${where} Liaison has no platform connection, so it cannot create groups or check this id: the group is labelled "not checked against the platform".`;
}

interface CreateGroupDialogProps {
  target: CreateMode;
  open: boolean;
  onClose: () => void;
}

/** Registers a group by its platform id: at the top level, under a parent, or from the wizard. */
export function CreateGroupDialog({ target, open, onClose }: CreateGroupDialogProps) {
  const mutation = useCreateGroup();
  const signedIn = usePlatformConnection(useCurrentPlatformEnvironment()).data?.state === 'signed-in';
  const parentId = target.mode === 'child' ? target.parent.id : '';
  const validators =
    target.mode === 'child'
      ? { ...groupFieldValidators, id: (value: string) => childGroupIdError(target.parent.id, value) }
      : groupFieldValidators;
  const form = useFormFields({ id: '', name: '', description: '', parentId }, validators);
  const { values, errors } = form;

  const input = (): CreateGroupInput => ({
    mode: 'existing',
    id: values.id.trim(),
    name: values.name,
    description: values.description,
  });

  const submit = (): void => {
    const idProblem = target.mode === 'child' ? childGroupIdError(target.parent.id, values.id) : undefined;
    const parsed = createGroupInputSchema.safeParse(input());
    if (!parsed.success || idProblem) {
      const fieldErrors = parsed.success ? {} : fieldErrorsFromZod(parsed.error, FIELDS);
      form.showFailure({ fieldErrors: { ...fieldErrors, ...(idProblem ? { id: idProblem } : {}) }, alert: undefined });
      return;
    }
    form.clearFailure();
    mutation.mutate(parsed.data, {
      onSuccess: () => {
        notify(signedIn ? 'Group registered' : 'Group registered — not checked against the platform');
        onClose();
      },
      onError: (error) => form.showFailure(formFailureFrom(error, FIELDS)),
    });
  };

  return (
    <FormDialog
      open={open}
      title={TITLES[target.mode]}
      description={description(target, signedIn)}
      submitLabel="Register"
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
        helperText={
          errors.id ??
          (target.mode === 'child'
            ? `${target.parent.id}/ and 16 hex characters, as the platform shows it.`
            : GROUP_ID_HINT)
        }
        slotProps={{ htmlInput: { spellCheck: false, sx: { fontFamily: MONOSPACE_FONTS } } }}
      />
      <GroupDetailsFields
        values={values}
        errors={errors}
        onChange={form.change}
        onBlur={form.blur}
        autoFocusName={false}
      />
    </FormDialog>
  );
}
