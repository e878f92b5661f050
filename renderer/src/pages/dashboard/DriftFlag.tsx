import CompareArrowsOutlined from '@mui/icons-material/CompareArrowsOutlined';
import { Button, Chip } from '@mui/material';
import { memo, Suspense, useState, type ComponentProps } from 'react';
import type { HealthRow } from '../../../../shared/contract/health';
import { lazyComponent } from '../../app/lazy-component';
import { useCheckDrift } from '../../queries/health';

// Opened rarely, from a drifted or failed row: its code (with the run's problem and log) loads on
// first open, not with the dashboard.
const LazyDriftDetailsDialog = lazyComponent(() => import('./DriftDetailsDialog'), 'DriftDetailsDialog');

/** The drift dialog, loaded on demand; renders nothing until it is first opened. */
export function DriftDetailsDialog(props: ComponentProps<typeof LazyDriftDetailsDialog>) {
  const [opened, setOpened] = useState(props.open);
  if (props.open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <LazyDriftDetailsDialog {...props} />
    </Suspense>
  );
}

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
