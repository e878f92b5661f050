import { LinearProgress, Stack, Typography } from '@mui/material';
import { memo, useMemo, type Ref } from 'react';
import type { FleetRun } from '../../../../../shared/contract/fleet';
import { countOf, fleetEtaMs, fleetNoun, fleetTotals } from './fleet-board-filter';

const STATE_LABELS: Record<FleetRun['state'], string> = {
  new: 'Not started',
  planning: 'Planning',
  reviewing: 'Plans ready for review',
  applying: 'Applying',
  checking: 'Checking',
  paused: 'Paused',
  done: 'Done',
  cancelled: 'Cancelled',
};

function formatEta(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return minutes <= 1 ? 'under a minute' : `about ${minutes} minutes`;
}

/**
 * The run's totals, plan sums and an ETA, with a progress bar while something runs. A live region the
 * toolbar moves focus to when its pressed button disables itself, so focus never falls to the page.
 */
export const FleetTotalsLine = memo(function FleetTotalsLine({
  run,
  ref,
}: {
  run: FleetRun;
  ref?: Ref<HTMLParagraphElement>;
}) {
  const totals = useMemo(() => fleetTotals(run.items), [run.items]);
  const eta = useMemo(() => fleetEtaMs(run.items, run.concurrency), [run.items, run.concurrency]);
  const active = totals.running > 0;
  return (
    <Stack sx={{ gap: 1 }}>
      <Typography ref={ref} role="status" tabIndex={-1} data-testid="fleet-totals">
        {STATE_LABELS[run.paused ? 'paused' : run.state]} · {countOf(totals.total, fleetNoun(run.items))} ·{' '}
        {totals.running} running · {totals.review} to review · {totals.failed} failed · plans +{totals.plan.add} ~
        {totals.plan.change} −{totals.plan.destroy}
        {totals.plan.replace > 0 ? ` (${totals.plan.replace} replaced)` : ''}
        {eta !== undefined && active ? ` · ${formatEta(eta)} left` : ''}
      </Typography>
      {active ? (
        <LinearProgress
          variant="determinate"
          value={(100 * (totals.done + totals.failed)) / Math.max(1, totals.total)}
          aria-label="Fleet progress"
        />
      ) : null}
    </Stack>
  );
});
