import { TextField } from '@mui/material';
import { useState } from 'react';
import { awsMfaCodeSchema } from '../../../../../shared/aws-validation';
import { LiaisonError } from '../../../../../shared/errors';
import { FormDialog } from '../../../components/FormDialog';
import { useClient } from '../../../client/ClientProvider';
import { useAwsPromptStore, type MfaRequest } from './aws-prompt-store';

/** Asks for the code the core is waiting on; Cancel ends that verification cleanly. */
export function AwsMfaDialog() {
  const request = useAwsPromptStore((state) => state.mfaRequests[0]);
  // A fresh form per request: nothing typed for one prompt carries over to the next.
  return request ? <MfaCodeForm key={request.requestId} request={request} /> : null;
}

function MfaCodeForm({ request }: { request: MfaRequest }) {
  const client = useClient();
  const removeMfaRequest = useAwsPromptStore((state) => state.removeMfaRequest);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  const submit = async (): Promise<void> => {
    const parsed = awsMfaCodeSchema.safeParse(code);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Enter the 6-digit code');
      return;
    }
    setPending(true);
    try {
      await client.call('answerAwsMfa', { requestId: request.requestId, code: parsed.data });
      removeMfaRequest(request.requestId);
    } catch (failure) {
      setError(failure instanceof LiaisonError ? failure.message : 'The code could not be sent');
      setPending(false);
    }
  };
  const cancel = (): void => {
    removeMfaRequest(request.requestId);
    void client.call('cancelAwsMfa', { requestId: request.requestId }).catch(() => undefined);
  };

  return (
    <FormDialog
      open
      title="MFA code"
      description={
        <>
          Verifying <strong>{request.profile}</strong> needs a code from the MFA device {request.mfaSerial}.
        </>
      }
      submitLabel="Continue"
      pending={pending}
      alert={undefined}
      onSubmit={() => void submit()}
      onClose={cancel}
    >
      <TextField
        label="MFA code"
        value={code}
        onChange={(event) => {
          setCode(event.target.value.replace(/\D/g, '').slice(0, 6));
          setError(undefined);
        }}
        error={error !== undefined}
        helperText={error ?? '6 digits'}
        autoFocus
        margin="normal"
        fullWidth
        slotProps={{
          htmlInput: { inputMode: 'numeric', autoComplete: 'one-time-code', maxLength: 6, pattern: '[0-9]{6}' },
        }}
      />
    </FormDialog>
  );
}
