import CompareArrowsOutlined from '@mui/icons-material/CompareArrowsOutlined';
import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
} from '@mui/material';
import { memo, useState } from 'react';
import type { HealthRow } from '../../../../shared/contract/health';
import { RunProblem } from '../wizard/apply/RunProblem';
import { useStartPlan, useTerraformRun } from '../../queries/terraform';
import { useCheckDrift } from '../../queries/health';

const LABEL: Record<HealthRow['drift'], string> = {
  unknown: 'Not checked',
  'in-sync': 'In sync',
  drift: 'Drifted',
  error: 'Plan failed',
};

/** Terraform's own words for a workspace that was never initialised here (no modules, no backend). */
const NOT_INITIALISED = /module not installed|terraform init|backend initialization required|initialization required/i;

/** A workspace never initialised is not a failed plan: it needs `terraform init`, which Liaison can run. */
export function needsInit(row: HealthRow): boolean {
  return row.drift === 'error' && NOT_INITIALISED.test(row.driftDetail ?? '');
}

const label = (row: HealthRow) => (needsInit(row) ? 'Not initialised' : LABEL[row.drift]);
const runLabel = (row: HealthRow) => `${label(row)}: check drift of workspace ${row.workspaceKey}`;
const showLabel = (row: HealthRow) => `${label(row)}: show the differences in workspace ${row.workspaceKey}`;
const canRun = (row: HealthRow) => row.drift === 'unknown' || row.drift === 'in-sync';

/**
 * Whether the workspace's resources still match its state. Not checked or in sync: a button that runs
 * the refresh-only plan. Drifted or failed: opens a dialog listing what differs (or why the plan
 * failed), from which it can be run again.
 */
export function DriftFlag({ row }: { row: HealthRow }) {
  const check = useCheckDrift();
  const [open, setOpen] = useState(false);
  if (canRun(row)) {
    return (
      <Button
        size="small"
        onClick={() => check.mutate(row.workspaceKey)}
        loading={check.isPending}
        title={`Run a refresh-only plan in ${row.workspaceKey}`}
        aria-label={runLabel(row)}
      >
        {LABEL[row.drift]}
      </Button>
    );
  }
  return (
    <>
      <Chip
        size="small"
        variant="outlined"
        color={row.drift === 'drift' ? 'warning' : 'error'}
        icon={<CompareArrowsOutlined />}
        label={label(row)}
        aria-label={showLabel(row)}
        onClick={() => setOpen(true)}
      />
      <DriftDetailsDialog row={row} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

/**
 * The drift flag in a table row, where a row mounts on every filter keystroke: plain buttons styled
 * by the table (`driftCellSx`), the run state from the table's one subscription, the dialog the
 * table's one `DriftDetailsDialog`. Same labels and actions as `DriftFlag`.
 */
export const DriftCell = memo(function DriftCell({
  row,
  pending,
  tabIndex,
  onRun,
  onShowDetails,
}: {
  row: HealthRow;
  pending: boolean;
  tabIndex: number;
  onRun: (workspaceKey: string) => void;
  onShowDetails: (associationId: string) => void;
}) {
  if (canRun(row)) {
    return (
      <button
        type="button"
        className="drift-run"
        tabIndex={tabIndex}
        disabled={pending}
        aria-busy={pending}
        title={`Run a refresh-only plan in ${row.workspaceKey}`}
        aria-label={runLabel(row)}
        onClick={() => onRun(row.workspaceKey)}
      >
        {pending ? 'Checking…' : LABEL[row.drift]}
      </button>
    );
  }
  return (
    <button
      type="button"
      className={`drift-flag drift-${row.drift}`}
      tabIndex={tabIndex}
      aria-haspopup="dialog"
      aria-label={showLabel(row)}
      onClick={() => onShowDetails(row.associationId)}
    >
      <CompareArrowsOutlined aria-hidden />
      {label(row)}
    </button>
  );
});

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

/** The look of a small MUI text button and an outlined chip, for `DriftCell`; part of the table's style. */
export const driftCellSx = {
  '& .drift-run, & .drift-flag': {
    font: 'inherit',
    fontSize: '0.8125rem',
    cursor: 'pointer',
    display: 'inline-flex',
    alignItems: 'center',
    whiteSpace: 'nowrap',
    bgcolor: 'transparent',
  },
  '& .drift-run': {
    fontWeight: 600,
    color: 'primary.main',
    border: 0,
    borderRadius: 1,
    px: '5px',
    py: '4px',
    '&:hover': { bgcolor: 'action.hover' },
    '&:disabled': { color: 'text.disabled', cursor: 'default' },
  },
  '& .drift-flag': {
    height: 24,
    borderRadius: '12px',
    border: 1,
    pl: '4px',
    pr: '7px',
    gap: '3px',
    '& svg': { fontSize: 18 },
    '&:hover': { bgcolor: 'action.hover' },
  },
  '& .drift-drift': { color: 'warning.main', borderColor: 'rgba(var(--mui-palette-warning-mainChannel) / 0.7)' },
  '& .drift-error': { color: 'error.main', borderColor: 'rgba(var(--mui-palette-error-mainChannel) / 0.7)' },
} as const;
