import { Alert, Button, LinearProgress, Stack } from '@mui/material';
import { useState } from 'react';
import { ErrorState } from '../../components/ErrorState';
import { FleetBoard } from './board/FleetBoard';
import { useFleetRun, useFleetRuns } from './fleet-queries';
import { FleetSetup } from './setup/FleetSetup';

/**
 * Fleet: many accounts onboarded in one reviewed, ordered, resumable run. Opens to the newest stored
 * run (so a restarted app shows each account's true stage), or to a new run's setup.
 */
export function FleetPage() {
  const runs = useFleetRuns();
  const [chosen, setChosen] = useState<string | 'new'>();
  const newest = runs.data?.toSorted((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const fleetId = chosen === 'new' ? undefined : (chosen ?? newest?.id);
  const run = useFleetRun(fleetId);
  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap', justifyContent: 'flex-end' }}>
        {fleetId ? (
          <Button variant="outlined" onClick={() => setChosen('new')}>
            New fleet run
          </Button>
        ) : newest ? (
          <Button onClick={() => setChosen(newest.id)}>Back to “{newest.name}”</Button>
        ) : null}
      </Stack>
      {runs.isPending || (fleetId && run.isPending) ? <LinearProgress aria-label="Loading the fleet run" /> : null}
      {runs.error ? (
        <ErrorState title="Fleet runs could not be read" error={runs.error} onRetry={() => void runs.refetch()} />
      ) : null}
      {run.error ? (
        <ErrorState title="The fleet run could not be read" error={run.error} onRetry={() => void run.refetch()} />
      ) : null}
      {runs.data && !fleetId ? (
        <>
          <Alert severity="info">
            Onboard many AWS accounts or Google Cloud projects at once: pick them (an organizational unit, a GCP folder,
            an accounts.json), map each to a platform folder, then plan, review, and apply in order from the board.
          </Alert>
          <FleetSetup onCreated={(created) => setChosen(created.id)} />
        </>
      ) : null}
      {run.data && fleetId ? <FleetBoard run={run.data} /> : null}
    </Stack>
  );
}
