import { Alert, AlertTitle, Box, Link } from '@mui/material';
import type { TerraformBinaryStatus } from '../../../../../shared/contract/terraform';

const TITLES = {
  missing: 'Terraform was not found',
  'too-old': 'Terraform is too old',
  unusable: 'Terraform could not be run',
} as const;

/** No usable Terraform: what was found (or not), what is needed, and where to set a path. */
export function BinaryProblem({ status }: { status: Exclude<TerraformBinaryStatus, { status: 'found' }> }) {
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>{TITLES[status.status]}</AlertTitle>
      {status.error.message}
      {status.error.remediation ? <Box sx={{ mt: 0.5 }}>{status.error.remediation}</Box> : null}
      <Box sx={{ mt: 0.5 }}>
        Set a path to terraform or tofu in <Link href="#/settings">Settings</Link>.
      </Box>
    </Alert>
  );
}
