import { Alert, AlertTitle, Box, Button } from '@mui/material';
import { LiaisonError } from '../../../shared/errors';

interface ErrorStateProps {
  title: string;
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}

/** A failed load: what went wrong, what to do about it, and a way to try again. */
export function ErrorState({ title, error, onRetry, retrying = false }: ErrorStateProps) {
  const message = error instanceof Error ? error.message : 'Something went wrong';
  const remediation = error instanceof LiaisonError ? error.remediation : undefined;
  return (
    <Alert
      severity="error"
      variant="outlined"
      action={
        <Button color="inherit" onClick={onRetry} loading={retrying} loadingPosition="start">
          Retry
        </Button>
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {message}
      {remediation ? <Box sx={{ mt: 0.5 }}>{remediation}</Box> : null}
    </Alert>
  );
}
