import { Alert, Box, Button, Stack, Step, StepLabel, Stepper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { WorkspacePreview } from '../../../../../shared/contract/associations';
import { thirdPartyRoleInputSchema } from '../../../../../shared/contract/role-recipes';
import { CodeBlock } from '../../../components/CodeBlock';
import { FormAlert } from '../../../components/FormAlert';
import { fieldErrorsFromZod, formFailureFrom, type FormFailure } from '../../../forms/field-errors';
import { useNewExternalId, usePreviewRoleRecipe, useSaveRoleRecipe } from '../../../queries/role-recipes';
import { AssociationCheckPanel } from '../../checks/AssociationCheckPanel';
import { ApplyStep } from '../apply/ApplyStep';
import { HclCode } from '../HclCode';
import {
  emptyThirdPartyForm,
  THIRD_PARTY_FIELDS,
  thirdPartyInput,
  type ThirdPartyField,
  type ThirdPartyForm,
} from './third-party-role-form';

const STEPS = ['Role', 'Review and save', 'Apply', 'Check'] as const;

const LABELS: Record<ThirdPartyField, { label: string; help: string; multiline?: boolean }> = {
  accountId: { label: 'Your AWS account id', help: 'The account the role is created in.' },
  profile: { label: 'AWS profile', help: 'A local profile of that account: it applies the Terraform.' },
  vendorAccountId: { label: "Vendor's AWS account id", help: 'The third party allowed to assume the role.' },
  vendorRoleArn: {
    label: "Vendor's role ARN (optional)",
    help: "Narrower than the vendor's whole account: only this role of theirs.",
  },
  externalId: {
    label: 'External ID',
    help: "The vendor's, pasted, or a new one (Generate). Without it the vendor is refused.",
  },
  roleName: { label: 'Role name', help: 'Letters, digits and + = , . @ _ - (at most 64).' },
  managedPolicyArns: {
    label: 'Managed policy ARNs',
    help: 'One per line, e.g. arn:aws:iam::aws:policy/SecurityAudit.',
    multiline: true,
  },
  policyDocument: {
    label: 'Policy document (optional, JSON)',
    help: "The role's own permissions, checked against IAM's policy grammar.",
    multiline: true,
  },
  maxSessionSeconds: { label: 'Maximum session duration (seconds)', help: '3600 to 43200.' },
  vendorProfile: {
    label: "Profile of the vendor's account (optional)",
    help: 'Lets the check assume the role live with the External ID; without it the check is static only.',
  },
};

/**
 * The third-party role recipe (seed 002) through the wizard's loop: the role's details, a review of
 * the generated files, Apply, and Check. No group and no platform registration: the role is the
 * operator's own arrangement with the vendor.
 */
export function ThirdPartyRoleWizard({
  initial = emptyThirdPartyForm,
  id,
  onDone,
}: {
  initial?: ThirdPartyForm;
  id?: string;
  onDone: () => void;
}) {
  const [step, setStep] = useState(0);
  const [form, setForm] = useState(initial);
  const [failure, setFailure] = useState<FormFailure<ThirdPartyField>>({ fieldErrors: {}, alert: undefined });
  const [preview, setPreview] = useState<WorkspacePreview>();
  const [saved, setSaved] = useState<{ associationId: string; workspaceKey: string }>();
  const newExternalId = useNewExternalId();
  const review = usePreviewRoleRecipe();
  const save = useSaveRoleRecipe();

  const set = (field: ThirdPartyField, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setFailure((current) => ({ ...current, fieldErrors: { ...current.fieldErrors, [field]: undefined } }));
  };

  const toReview = async () => {
    const input = thirdPartyInput(form, id ?? saved?.associationId);
    const parsed = thirdPartyRoleInputSchema.safeParse(input);
    if (!parsed.success) {
      setFailure({ fieldErrors: fieldErrorsFromZod(parsed.error, THIRD_PARTY_FIELDS), alert: undefined });
      return;
    }
    try {
      setPreview(await review.mutateAsync(input));
      setFailure({ fieldErrors: {}, alert: undefined });
      setStep(1);
    } catch (error) {
      setFailure(formFailureFrom(error, THIRD_PARTY_FIELDS));
    }
  };

  const saveRole = async (replaceForeignFiles: boolean) => {
    try {
      const result = await save.mutateAsync({
        ...thirdPartyInput(form, id ?? saved?.associationId),
        replaceForeignFiles,
      });
      setSaved({ associationId: result.association.id, workspaceKey: result.preview.workspaceKey });
      setFailure({ fieldErrors: {}, alert: undefined });
      setStep(2);
    } catch (error) {
      const next = formFailureFrom(error, THIRD_PARTY_FIELDS);
      setFailure(next);
      if (Object.keys(next.fieldErrors).length > 0) setStep(0);
    }
  };

  return (
    <Stack sx={{ gap: 3 }}>
      <Typography variant="h5" component="h2">
        Third-party role
      </Typography>
      <Stepper activeStep={step} aria-label="Third-party role steps">
        {STEPS.map((title) => (
          <Step key={title}>
            <StepLabel>{title}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <FormAlert alert={failure.alert} />
      {step === 0 ? (
        <Stack component="form" noValidate sx={{ gap: 2, maxWidth: 720 }} onSubmit={(event) => event.preventDefault()}>
          {THIRD_PARTY_FIELDS.map((field) => (
            <Stack key={field} direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
              <TextField
                fullWidth
                id={`third-party-${field}`}
                label={LABELS[field].label}
                value={form[field]}
                onChange={(event) => set(field, event.target.value)}
                error={failure.fieldErrors[field] !== undefined}
                helperText={failure.fieldErrors[field] ?? LABELS[field].help}
                multiline={LABELS[field].multiline ?? false}
                minRows={LABELS[field].multiline ? 3 : undefined}
                slotProps={field === 'policyDocument' ? { htmlInput: { spellCheck: false } } : {}}
              />
              {field === 'externalId' ? (
                <Button
                  sx={{ mt: 1 }}
                  disabled={newExternalId.isPending}
                  onClick={() => {
                    void newExternalId.mutateAsync().then(({ externalId }) => set('externalId', externalId));
                  }}
                >
                  Generate
                </Button>
              ) : null}
            </Stack>
          ))}
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
      {step === 3 && saved ? <AssociationCheckPanel associationId={saved.associationId} /> : null}
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
