import { Alert, TextField } from '@mui/material';
import { useState } from 'react';
import type { GcpCredentialRef, GcpImpersonationResult } from '../../../../../shared/contract/gcp';
import { serviceAccountEmailSchema } from '../../../../../shared/gcp-validation';
import { FormDialog } from '../../../components/FormDialog';
import { validateValue } from '../../../forms/field-errors';
import { useFormFields } from '../../../forms/useFormFields';
import { MONOSPACE_FONTS } from '../../../theme';
import { credentialLabel } from './gcp-credential-labels';
import { gcpFormFailure } from './gcp-form-failure';
import { useCheckGcpImpersonation } from '../../../queries/gcp';

const FIELDS = ['serviceAccount'] as const;
const validators = { serviceAccount: (value: string) => validateValue(serviceAccountEmailSchema, value) };

interface GcpImpersonationDialogProps {
  credential: GcpCredentialRef;
  open: boolean;
  onClose: () => void;
}

/** Asks Google for a short-lived token for a service account, as the credential's principal: can it impersonate? */
export function GcpImpersonationDialog({ credential, open, onClose }: GcpImpersonationDialogProps) {
  const mutation = useCheckGcpImpersonation();
  const form = useFormFields({ serviceAccount: '' }, validators);
  const [result, setResult] = useState<GcpImpersonationResult>();

  const submit = (): void => {
    const problem = validators.serviceAccount(form.values.serviceAccount);
    setResult(undefined);
    if (problem) {
      form.showFailure({ fieldErrors: { serviceAccount: problem }, alert: undefined });
      return;
    }
    form.clearFailure();
    mutation.mutate(
      { credential, serviceAccount: form.values.serviceAccount.trim() },
      {
        onSuccess: (value) => setResult(value),
        onError: (error) => form.showFailure(gcpFormFailure(error, FIELDS)),
      },
    );
  };

  return (
    <FormDialog
      open={open}
      title="Check impersonation"
      description={`Can ${credentialLabel(credential)} impersonate a service account? Liaison asks Google for a short-lived token for it (generateAccessToken), as gcloud's impersonate_service_account does, and discards the token.`}
      submitLabel="Check"
      pending={mutation.isPending}
      alert={form.alert}
      formRef={form.formRef}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextField
        label="Service account email"
        name="serviceAccount"
        required
        fullWidth
        margin="normal"
        autoFocus
        autoComplete="off"
        value={form.values.serviceAccount}
        onChange={(event) => {
          setResult(undefined);
          form.change('serviceAccount', event.target.value);
        }}
        onBlur={() => form.blur('serviceAccount')}
        error={form.errors.serviceAccount !== undefined}
        helperText={form.errors.serviceAccount ?? 'e.g. terraform@my-project.iam.gserviceaccount.com'}
        slotProps={{ htmlInput: { spellCheck: false, sx: { fontFamily: MONOSPACE_FONTS } } }}
      />
      {result ? (
        <Alert severity="success" role="status" sx={{ mt: 1 }}>
          Impersonation works: Google issued a token for {result.serviceAccount}.
        </Alert>
      ) : null}
    </FormDialog>
  );
}
