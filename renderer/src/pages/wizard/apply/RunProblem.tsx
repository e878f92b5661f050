import { Alert, AlertTitle, Box } from '@mui/material';
import { terraformErrorCodes, type TerraformRun } from '../../../../../shared/contract/terraform';

const TITLES: Record<string, string> = {
  [terraformErrorCodes.registryUnreachable]: 'Terraform could not reach the registry',
  [terraformErrorCodes.initFailed]: 'terraform init failed',
  [terraformErrorCodes.planStale]: 'The saved plan is stale',
  [terraformErrorCodes.planMissing]: 'The saved plan is gone',
  [terraformErrorCodes.locked]: 'The state is locked',
  [terraformErrorCodes.interrupted]: 'The run was interrupted',
  [terraformErrorCodes.cancelled]: 'The run was cancelled',
  [terraformErrorCodes.diskFull]: 'The disk is full',
  [terraformErrorCodes.credentials]: 'No credentials for Terraform',
  [terraformErrorCodes.notFound]: 'Terraform was not found',
  [terraformErrorCodes.tooOld]: 'Terraform is too old',
};

/** Why a run did not succeed, as its own state: what happened and what to do next. */
export function RunProblem({ run }: { run: TerraformRun }) {
  if (!run.error) return null;
  const cancelled = run.status === 'cancelled';
  const what = run.kind === 'apply' ? 'Apply' : run.kind === 'force-unlock' ? 'Force-unlock' : 'Plan';
  return (
    <Alert severity={cancelled ? 'info' : 'error'} role="alert">
      <AlertTitle>{TITLES[run.error.code] ?? `${what} failed`}</AlertTitle>
      {run.error.message}
      {run.error.remediation ? <Box sx={{ mt: 0.5 }}>{run.error.remediation}</Box> : null}
    </Alert>
  );
}
