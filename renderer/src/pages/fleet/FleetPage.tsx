import { Alert, Button, LinearProgress, Stack } from '@mui/material';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { FleetBoard } from './board/FleetBoard';
import { useFleetRun, useFleetRuns } from './fleet-queries';
import { newestFirst } from './fleet-run-labels';
import { FleetRunPicker } from './FleetRunPicker';
import { FleetSetup } from './setup/FleetSetup';

/** The search parameter that names the open run (`/fleet?run=<id>`, or `new` for a new run's setup). */
const RUN_PARAM = 'run';

/**
 * Fleet: many accounts onboarded in one reviewed, ordered, resumable run. Opens to the run the URL
 * names, else the newest stored run (so a restarted app shows each account's true stage), or to a new
 * run's setup. The operator can reopen any stored run from the picker; the URL keeps it over a reload.
 */
export function FleetPage() {
  const runs = useFleetRuns();
  const [params, setParams] = useSearchParams();
  const chosen = params.get(RUN_PARAM) ?? undefined;
  const setChosen = (id: string) => setParams({ [RUN_PARAM]: id });
  const sorted = runs.data ? newestFirst(runs.data) : undefined;
  const newest = sorted?.[0];
  // An id no stored run has (deleted, or a stale link) falls back to the newest; until the list is read, it is trusted.
  const known = chosen !== undefined && (sorted?.some((each) => each.id === chosen) ?? true);
  const fleetId = chosen === 'new' ? undefined : known ? chosen : newest?.id;
  const run = useFleetRun(fleetId);
  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap', justifyContent: 'flex-end' }}>
        {sorted && sorted.length > 0 ? <FleetRunPicker runs={sorted} value={fleetId} onChange={setChosen} /> : null}
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
