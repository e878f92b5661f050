import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import PauseOutlined from '@mui/icons-material/PauseOutlined';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import StopCircleOutlined from '@mui/icons-material/StopCircleOutlined';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Divider,
  IconButton,
  Stack,
  TextField,
  Tooltip,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { memo, useMemo, useRef, useState, type ReactNode } from 'react';
import { FLEET_ACTIVE_STAGES, FLEET_CONCURRENCY_MAX, type FleetRun } from '../../../../../shared/contract/fleet';
import { useClient } from '../../../client/ClientProvider';
import { downloadExport } from '../../../queries/health';
import { downloadBase64 } from '../../onboard/download-file';
import { useFleetAction } from '../fleet-queries';
import { fleetNoun, hasDestroyOrReplace, isFailed, needsReview } from './fleet-board-filter';

/**
 * The run's actions: plan, approve, apply, retry, pause or resume, cancel, check, export. Memoized on
 * the run, so a search keystroke on the board does not re-render it. A pressed action disables its own
 * button while it runs; `onActionStarted` then takes focus somewhere useful (the totals line).
 */
export const FleetBoardToolbar = memo(function FleetBoardToolbar({
  run,
  onActionStarted,
}: {
  run: FleetRun;
  onActionStarted: () => void;
}) {
  const plan = useFleetAction('planFleet');
  const approve = useFleetAction('approveFleetPlans');
  const apply = useFleetAction('applyFleet');
  const retry = useFleetAction('retryFleetItems');
  const cancel = useFleetAction('cancelFleet');
  const pause = useFleetAction('pauseFleet');
  const resume = useFleetAction('resumeFleet');
  const check = useFleetAction('checkFleet');
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  // Confirmed, the cancel disables the button the dialog would return focus to: focus goes on instead.
  const cancelConfirmed = useRef(false);

  const counts = useMemo(() => {
    let toPlan = 0;
    let safe = 0;
    let approved = 0;
    let failed = 0;
    let running = 0;
    let applied = 0;
    for (const item of run.items) {
      if (item.stage === 'queued' || item.planStale) toPlan += 1;
      if (needsReview(item) && !item.planStale && !hasDestroyOrReplace(item)) safe += 1;
      if (item.stage === 'approved' && !item.planStale) approved += 1;
      if (isFailed(item)) failed += 1;
      if (FLEET_ACTIVE_STAGES.includes(item.stage)) running += 1;
      if (item.stage === 'applied' || item.stage === 'checked') applied += 1;
    }
    return { toPlan, safe, approved, failed, running, applied };
  }, [run.items]);
  const failedIds = useMemo(() => run.items.filter(isFailed).map((item) => item.id), [run.items]);
  const fleetId = run.id;
  const started = (action: () => void) => {
    action();
    onActionStarted();
  };
  const errors = [plan, approve, apply, retry, cancel, pause, resume, check]
    .map((action) => action.error)
    .filter((error): error is Error => error !== null);

  return (
    <Stack sx={{ gap: 1 }}>
      <Stack
        direction="row"
        sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center' }}
        role="toolbar"
        aria-label="Fleet actions"
      >
        <Button
          variant={counts.toPlan > 0 ? 'contained' : 'outlined'}
          size="small"
          disabled={counts.toPlan === 0}
          loading={plan.isPending}
          onClick={() => started(() => plan.mutate({ fleetId }))}
        >
          Plan all ({counts.toPlan})
        </Button>
        <Button
          variant="outlined"
          size="small"
          disabled={counts.safe === 0}
          loading={approve.isPending}
          onClick={() => started(() => approve.mutate({ fleetId, selection: { kind: 'safe' } }))}
        >
          Approve every plan with no destroy or replace ({counts.safe})
        </Button>
        <Button
          variant={counts.approved > 0 ? 'contained' : 'outlined'}
          size="small"
          disabled={counts.approved === 0}
          loading={apply.isPending}
          onClick={() => started(() => apply.mutate({ fleetId }))}
        >
          Apply approved ({counts.approved})
        </Button>
        <Button
          variant="outlined"
          size="small"
          disabled={failedIds.length === 0}
          loading={retry.isPending}
          onClick={() => started(() => retry.mutate({ fleetId, itemIds: failedIds }))}
        >
          Retry failed ({failedIds.length})
        </Button>
        <Button
          variant="outlined"
          size="small"
          disabled={counts.applied === 0}
          loading={check.isPending}
          onClick={() => started(() => check.mutate({ fleetId }))}
        >
          Check all ({counts.applied})
        </Button>
        {/* Run control, compact and apart from the steps: the whole toolbar fits one row at 1366 px. */}
        <Divider orientation="vertical" flexItem />
        {run.paused ? (
          <ToolbarIconButton
            label="Resume"
            loading={resume.isPending}
            onClick={() => started(() => resume.mutate({ fleetId }))}
          >
            <PlayArrowOutlined />
          </ToolbarIconButton>
        ) : (
          <ToolbarIconButton
            label="Pause"
            disabled={counts.running === 0}
            loading={pause.isPending}
            onClick={() => started(() => pause.mutate({ fleetId }))}
          >
            <PauseOutlined />
          </ToolbarIconButton>
        )}
        <ToolbarIconButton
          label="Cancel all"
          color="error"
          disabled={counts.running === 0 && !run.paused}
          onClick={() => setConfirmingCancel(true)}
        >
          <StopCircleOutlined />
        </ToolbarIconButton>
      </Stack>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <ConcurrencyField fleetId={fleetId} concurrency={run.concurrency} noun={fleetNoun(run.items).many} />
        <FleetExportButtons fleetId={fleetId} />
      </Stack>
      {errors.map((error, index) => (
        <Alert key={`${index}-${error.message}`} severity="error">
          {error.message}
        </Alert>
      ))}
      <Dialog
        open={confirmingCancel}
        onClose={() => setConfirmingCancel(false)}
        aria-labelledby="fleet-cancel-title"
        slotProps={{
          transition: {
            onExited: () => {
              if (cancelConfirmed.current) onActionStarted();
              cancelConfirmed.current = false;
            },
          },
        }}
      >
        <DialogTitle id="fleet-cancel-title">Cancel every running account?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Nothing more starts, and each running Terraform is interrupted as Ctrl-C does ({counts.running} running).
            Each is recorded as cancelled and can be retried; an apply cut short may leave part of its resources
            created, which the next plan shows.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button autoFocus onClick={() => setConfirmingCancel(false)}>
            Go back
          </Button>
          <Button
            color="error"
            variant="contained"
            loading={cancel.isPending}
            onClick={() => {
              cancelConfirmed.current = true;
              cancel.mutate({ fleetId }, { onSettled: () => setConfirmingCancel(false) });
            }}
          >
            Cancel all
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
});

/**
 * An icon-only toolbar action named by its label (aria-label and tooltip). The tooltip sits on a span:
 * a disabled button gets no pointer events, and its tooltip still says what it would do.
 */
function ToolbarIconButton({
  label,
  children,
  ...props
}: {
  label: string;
  children: ReactNode;
  color?: 'error';
  disabled?: boolean;
  loading?: boolean;
  onClick: () => void;
}) {
  return (
    <Tooltip title={label}>
      {/* The button carries the name: the tooltip's own aria-label on the span is overridden away. */}
      <span aria-label={undefined}>
        <IconButton size="small" aria-label={label} {...props}>
          {children}
        </IconButton>
      </span>
    </Tooltip>
  );
}

/** Memoized on its two values: the board's stream of events does not re-render the field. */
const ConcurrencyField = memo(function ConcurrencyField({
  fleetId,
  concurrency,
  noun,
}: {
  fleetId: string;
  concurrency: number;
  /** "accounts", "projects" or "accounts and projects". */
  noun: string;
}) {
  const setConcurrency = useFleetAction('setFleetConcurrency');
  const [value, setValue] = useState(String(concurrency));
  const parsed = Number(value);
  const valid = Number.isInteger(parsed) && parsed >= 1 && parsed <= FLEET_CONCURRENCY_MAX;
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
      <TextField
        size="small"
        type="number"
        label={`${noun.charAt(0).toUpperCase()}${noun.slice(1)} at once`}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={!valid || setConcurrency.error !== null}
        helperText={
          setConcurrency.error?.message ?? (valid ? `Concurrency (now ${concurrency})` : `1–${FLEET_CONCURRENCY_MAX}`)
        }
        slotProps={{ htmlInput: { min: 1, max: FLEET_CONCURRENCY_MAX } }}
        sx={{ width: 180 }}
      />
      <Button
        disabled={!valid || parsed === concurrency}
        loading={setConcurrency.isPending}
        onClick={() => setConcurrency.mutate({ fleetId, concurrency: parsed })}
        sx={{ mt: 0.5 }}
      >
        Set
      </Button>
    </Stack>
  );
});

const FleetExportButtons = memo(function FleetExportButtons({ fleetId }: { fleetId: string }) {
  const client = useClient();
  const zip = useMutation({
    mutationFn: () => client.call('exportFleetZip', { fleetId }),
    onSuccess: (file) => downloadBase64(file.fileName, file.base64, 'application/zip'),
  });
  const report = useMutation({
    mutationFn: (format: 'csv' | 'json') => client.call('exportFleetReport', { fleetId, format }),
    onSuccess: downloadExport,
  });
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
      <Button size="small" startIcon={<DownloadOutlined />} loading={zip.isPending} onClick={() => zip.mutate()}>
        Export workspaces (zip)
      </Button>
      {(['csv', 'json'] as const).map((format) => (
        <Button
          key={format}
          size="small"
          startIcon={<DownloadOutlined />}
          disabled={report.isPending}
          onClick={() => report.mutate(format)}
          aria-label={`Export the run report as ${format.toUpperCase()}`}
        >
          Report {format.toUpperCase()}
        </Button>
      ))}
      {(zip.error ?? report.error) ? <Alert severity="error">{(zip.error ?? report.error)?.message}</Alert> : null}
    </Stack>
  );
});
