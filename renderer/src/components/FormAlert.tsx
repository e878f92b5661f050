import { Alert, Box } from '@mui/material';
import type { FormFailure } from '../forms/field-errors';

/** The part of a failed submission that belongs to no single field, with what to do about it. */
export function FormAlert({ alert }: { alert: FormFailure<string>['alert'] }) {
  if (!alert) return null;
  return (
    <Alert severity="error" sx={{ mb: 2 }}>
      {alert.message}
      {alert.remediation ? <Box sx={{ mt: 0.5 }}>{alert.remediation}</Box> : null}
    </Alert>
  );
}
