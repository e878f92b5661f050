import { Alert, Box, Button, Stack, Step, StepLabel, Stepper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { WorkspacePreview } from '../../../../../shared/contract/associations';
import { CodeBlock } from '../../../components/CodeBlock';
import { FormAlert } from '../../../components/FormAlert';
import { fieldErrorsFromZod, formFailureFrom, type FormFailure } from '../../../forms/field-errors';
import { usePreviewRoleRecipe, useSaveRoleRecipe } from '../../../queries/role-recipes';
import { AssociationCheckPanel } from '../../checks/AssociationCheckPanel';
import { ApplyStep } from '../apply/ApplyStep';
import { HclCode } from '../HclCode';
import type { RoleFormControls, RoleRecipeWizardKind } from './role-recipe-wizard-kind';

const STEPS = ['Role', 'Review and save', 'Apply', 'Check'] as const;

/**
 * Any role recipe through the wizard's loop, as its kind's record lays it out: the role's details, a
 * review of the generated files, Apply, and Check. No group and no platform registration: a recipe
 * is the operator's own role.
 */
export function RoleRecipeWizard<Field extends string, Form extends Record<Field, string>, Role>({
  kind,
  initial = kind.empty,
  id,
  onDone,
}: {
  kind: RoleRecipeWizardKind<Field, Form, Role>;
  initial?: Form;
  id?: string;
  onDone: () => void;
}) {
  const [step, setStep] = useState(0);
  const [form, setForm] = useState(initial);
  const [failure, setFailure] = useState<FormFailure<Field>>({ fieldErrors: {}, alert: undefined });
  const [preview, setPreview] = useState<WorkspacePreview>();
  const [parsed, setParsed] = useState<Role>();
  const [saved, setSaved] = useState<{ associationId: string; workspaceKey: string }>();
  const review = usePreviewRoleRecipe();
  const save = useSaveRoleRecipe();

  const set = (field: Field, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setFailure((current) => ({ ...current, fieldErrors: { ...current.fieldErrors, [field]: undefined } }));
  };
  const controls: RoleFormControls<Field, Form> = {
    form,
    set,
    update: setForm,
    pick: (change) => {
      setForm(change);
      setFailure({ fieldErrors: {}, alert: undefined });
    },
    fail: (error) => setFailure(formFailureFrom(error, kind.fields)),
  };

  const toReview = async () => {
    const input = kind.input(form, id ?? saved?.associationId);
    const checked = kind.schema.safeParse(input);
    if (!checked.success) {
      setFailure({ fieldErrors: fieldErrorsFromZod(checked.error, kind.fields), alert: undefined });
      return;
    }
    setParsed(checked.data);
    try {
      setPreview(await review.mutateAsync(input));
      setFailure({ fieldErrors: {}, alert: undefined });
      setStep(1);
    } catch (error) {
      setFailure(formFailureFrom(error, kind.fields));
    }
  };

  const saveRole = async (replaceForeignFiles: boolean) => {
    try {
      const result = await save.mutateAsync({ ...kind.input(form, id ?? saved?.associationId), replaceForeignFiles });
      setSaved({ associationId: result.association.id, workspaceKey: result.preview.workspaceKey });
      setFailure({ fieldErrors: {}, alert: undefined });
      setStep(2);
    } catch (error) {
      const next = formFailureFrom(error, kind.fields);
      setFailure(next);
      if (Object.keys(next.fieldErrors).length > 0) setStep(0);
    }
  };

  return (
    <Stack sx={{ gap: 3 }}>
      <Typography variant="h5" component="h2">
        {kind.title}
      </Typography>
      <Stepper activeStep={step} aria-label={`${kind.title} steps`}>
        {STEPS.map((title) => (
          <Step key={title}>
            <StepLabel>{title}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <FormAlert alert={failure.alert} />
      {step === 0 ? (
        <Stack component="form" noValidate sx={{ gap: 2, maxWidth: 720 }} onSubmit={(event) => event.preventDefault()}>
          {kind.fields.map((field) => {
            const text = kind.texts[field];
            const input = (
              <TextField
                key={field}
                fullWidth
                id={`${kind.idPrefix}-${field}`}
                label={text.label}
                value={form[field]}
                onChange={(event) => set(field, event.target.value)}
                error={failure.fieldErrors[field] !== undefined}
                helperText={failure.fieldErrors[field] ?? text.help}
                multiline={text.multiline ?? false}
                minRows={text.multiline ? 3 : undefined}
                slotProps={field === 'policyDocument' ? { htmlInput: { spellCheck: false } } : {}}
              />
            );
            return kind.placeField ? kind.placeField(field, input, controls) : input;
          })}
          {kind.afterFields?.(controls)}
        </Stack>
      ) : null}
      {step === 1 && preview ? (
        <Stack sx={{ gap: 2 }}>
          <Typography>
            Workspace <code>{preview.workspaceKey}</code> ({preview.workspaceDir})
          </Typography>
          {preview.foreignFiles.length > 0 ? (
            <Alert severity="warning">
              {preview.foreignFiles.join(', ')} in this workspace {preview.foreignFiles.length === 1 ? 'was' : 'were'}{' '}
              not written by Liaison. Saving replaces {preview.foreignFiles.length === 1 ? 'it' : 'them'}.
            </Alert>
          ) : null}
          {preview.files.map((file) =>
            file.path.endsWith('.tf') ? (
              <HclCode key={file.path} label={file.path} content={file.content} highlight />
            ) : (
              <CodeBlock key={file.path} label={file.path}>
                {file.content}
              </CodeBlock>
            ),
          )}
        </Stack>
      ) : null}
      {step === 2 && saved ? <ApplyStep workspaceKey={saved.workspaceKey} /> : null}
      {step >= 1 && parsed !== undefined ? kind.reviewed?.(parsed) : null}
      {step === 3 && saved ? (
        <Stack sx={{ gap: 1 }}>
          {kind.checkNote}
          <AssociationCheckPanel associationId={saved.associationId} />
        </Stack>
      ) : null}
      <Stack direction="row" sx={{ gap: 1 }}>
        <Button onClick={onDone}>{saved ? 'Done' : 'Close'}</Button>
        <Box sx={{ flexGrow: 1 }} />
        <Button disabled={step === 0} onClick={() => setStep(step - 1)}>
          Back
        </Button>
        {step === 0 ? (
          <Button variant="contained" disabled={review.isPending} onClick={() => void toReview()}>
            Review
          </Button>
        ) : null}
        {step === 1 ? (
          <Button
            variant="contained"
            disabled={save.isPending}
            onClick={() => void saveRole((preview?.foreignFiles.length ?? 0) > 0)}
          >
            Save
          </Button>
        ) : null}
        {step === 2 ? (
          <Button variant="contained" onClick={() => setStep(3)}>
            Next
          </Button>
        ) : null}
      </Stack>
    </Stack>
  );
}
