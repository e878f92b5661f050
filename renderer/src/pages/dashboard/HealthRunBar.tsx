import { Alert, Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { memo } from 'react';
import type { HealthRunStatus } from '../../../../shared/contract/health';
import { useCancelHealthRun, useStartHealthRun } from '../../queries/health';
import { useHealthRunProgress } from './useHealthRunProgress';

interface HealthRunBarProps {
  initial: HealthRunStatus | undefined;
  selectedIds: readonly string[];
}

/** Check all / Check selected, the progress of the run with its counts, and Cancel. */
export const HealthRunBar = memo(function HealthRunBar({ initial, selectedIds }: HealthRunBarProps) {
  const status = useHealthRunProgress(initial);
  const start = useStartHealthRun();
  const cancel = useCancelHealthRun();
  const running = status?.state === 'running';
  const percent = status && status.total > 0 ? Math.round((status.done / status.total) * 100) : 0;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Button variant="contained" disabled={running || start.isPending} onClick={() => start.mutate({})}>
          Check all
        </Button>
        <Button
          variant="outlined"
          disabled={running || start.isPending || selectedIds.length === 0}
          onClick={() => start.mutate({ associationIds: [...selectedIds] })}
        >
          Check selected ({selectedIds.length})
        </Button>
        {running && status ? (
          <Button color="warning" onClick={() => cancel.mutate(status.runId)} disabled={cancel.isPending}>
            Cancel
          </Button>
        ) : null}
      </Stack>
      {start.error ? <Alert severity="error">{start.error.message}</Alert> : null}
      {status ? (
        <Box>
          <LinearProgress
            variant="determinate"
            value={percent}
            aria-label="Check progress"
            aria-valuetext={`${status.done} of ${status.total} checked`}
          />
          <Typography variant="body2" role="status" sx={{ mt: 0.5 }} data-testid="run-status">
            {running ? 'Checking' : status.state === 'cancelled' ? 'Cancelled' : 'Finished'}: {status.done} of{' '}
            {status.total} checked — {status.counts.success} Success, {status.counts.configured} Configured,{' '}
            {status.counts.failing} Failing, {status.counts['needs-sign-in']} Needs sign-in, {status.counts.error} Error
          </Typography>
        </Box>
      ) : null}
    </Stack>
  );
});
