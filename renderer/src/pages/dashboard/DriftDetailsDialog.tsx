import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
} from '@mui/material';
import { useState } from 'react';
import type { HealthRow } from '../../../../shared/contract/health';
import { RunProblem } from '../onboard/apply/RunProblem';
import { useStartPlan, useTerraformRun } from '../../queries/terraform';
import { needsInit } from './DriftFlag';
import { useCheckDrift } from '../../queries/health';

/** What differs in a drifted workspace (or why its plan failed), with "Check again". */
export function DriftDetailsDialog({ row, open, onClose }: { row: HealthRow; open: boolean; onClose: () => void }) {
  const check = useCheckDrift();
  const drifted = row.drift === 'drift';
  const uninitialised = needsInit(row);
  const lines = (row.driftDetail ?? '').split('\n').filter(Boolean);
  const titleId = `drift-${row.associationId}`;
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>
        {drifted
          ? `Drift in ${row.workspaceKey}`
          : uninitialised
            ? `${row.workspaceKey} is not initialised`
            : `Drift check failed in ${row.workspaceKey}`}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          {drifted
            ? 'terraform plan -refresh-only found real resources or outputs that no longer match the state:'
            : uninitialised
              ? 'The workspace has not been initialised here, so Terraform cannot compare it yet. Initialise it (terraform init, then a plan that changes nothing), and check again:'
              : 'terraform plan -refresh-only could not finish:'}
        </DialogContentText>
        <List dense aria-label={drifted ? 'Drifted resources' : 'Plan errors'}>
          {lines.map((line) => (
            <ListItem key={line} disableGutters>
              <ListItemText primary={line} slotProps={{ primary: { sx: { fontFamily: 'monospace' } } }} />
            </ListItem>
          ))}
        </List>
        {check.error ? <Alert severity="error">{check.error.message}</Alert> : null}
        {uninitialised ? <InitWorkspace workspaceKey={row.workspaceKey} /> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => check.mutate(row.workspaceKey)} loading={check.isPending}>
          Check again
        </Button>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * Initialises a workspace from the drift dialog: Liaison's plan run starts with `terraform init`, and
 * its plan only shows what an apply would do (nothing is applied).
 */
function InitWorkspace({ workspaceKey }: { workspaceKey: string }) {
  const start = useStartPlan();
  const [runId, setRunId] = useState<string>();
  const run = useTerraformRun(runId).data?.run;
  const initialised = run !== undefined && (run.phase !== 'init' || run.status === 'succeeded');
  return (
    <>
      <Button
        variant="contained"
        onClick={() => start.mutate({ workspaceKey, destroy: false }, { onSuccess: (started) => setRunId(started.id) })}
        loading={start.isPending || (run?.status === 'running' && run.phase === 'init')}
        disabled={initialised}
      >
        Run terraform init
      </Button>
      {start.error ? <Alert severity="error">{start.error.message}</Alert> : null}
      {run && run.status !== 'running' && run.status !== 'succeeded' ? <RunProblem run={run} /> : null}
      {initialised && (run.status === 'succeeded' || run.status === 'running') ? (
        <Alert severity="success" sx={{ mt: 1 }}>
          Initialised. Check again to compare the workspace with its resources.
        </Alert>
      ) : null}
    </>
  );
}
