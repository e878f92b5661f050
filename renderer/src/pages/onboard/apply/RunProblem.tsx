import { Alert, AlertTitle, Box, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { terraformErrorCodes, type TerraformRun } from '../../../../../shared/contract/terraform';
import { CopyLogButton } from '../../workspaces/CopyLogButton';
import { RunLogDialog } from '../../workspaces/RunLogDialog';

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
  [terraformErrorCodes.oidcProviderExists]: 'The OIDC provider already exists in the account',
  [terraformErrorCodes.poolExists]: 'The workload identity pool already exists',
};

/**
 * Why a run did not succeed, as its own state: what happened and what to do next, with its log to
 * copy or read whole. With `diagnosticsShown`, Terraform's own words are on screen already (the
 * diagnostics below), so the message that repeats them is left out: the error is said once.
 */
export function RunProblem({ run, diagnosticsShown = false }: { run: TerraformRun; diagnosticsShown?: boolean }) {
  const [logOpen, setLogOpen] = useState(false);
  if (!run.error) return null;
  const cancelled = run.status === 'cancelled';
  const what = run.kind === 'apply' ? 'Apply' : run.kind === 'force-unlock' ? 'Force-unlock' : 'Plan';
  return (
    <Alert severity={cancelled ? 'info' : 'error'} role="alert">
      <AlertTitle>{TITLES[run.error.code] ?? `${what} failed`}</AlertTitle>
      {diagnosticsShown ? null : run.error.message}
      {run.error.remediation ? <Box sx={{ mt: diagnosticsShown ? 0 : 0.5 }}>{run.error.remediation}</Box> : null}
      {run.eventCount > 0 ? (
        <Stack direction="row" sx={{ gap: 1, mt: 1 }}>
          <CopyLogButton runId={run.id} />
          <Button onClick={() => setLogOpen(true)}>View log</Button>
        </Stack>
      ) : null}
      {logOpen ? <RunLogDialog runId={run.id} onClose={() => setLogOpen(false)} /> : null}
    </Alert>
  );
}
