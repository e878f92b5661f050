import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Button,
  Paper,
  Skeleton,
  Stack,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type { GridRowSelectionModel } from '@mui/x-data-grid';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useClient } from '../../client/ClientProvider';
import { ErrorState } from '../../components/ErrorState';
import { ExportButtons } from './ExportButtons';
import { filterHealthRows, NO_FILTER, type HealthFilter } from './health-filter';
import { useCheckAllDrift, useHealthOverview } from './health-queries';
import { HealthFilters } from './HealthFilters';
import { HealthRunBar } from './HealthRunBar';
import { HealthSettingsForm } from './HealthSettingsForm';
import { HealthTable } from './HealthTable';
import { VerdictCountCards } from './VerdictCountCards';

const NONE: GridRowSelectionModel = { type: 'include', ids: new Set() };

/** The home page: every association's verdict, trend and drift, with bulk checks and exports. */
export function DashboardPage() {
  const client = useClient();
  const overview = useHealthOverview();
  const [filter, setFilter] = useState<HealthFilter>(NO_FILTER);
  const [selection, setSelection] = useState<GridRowSelectionModel>(NONE);
  const deferredFilter = useDeferredValue(filter);
  const rows = useMemo(
    () => filterHealthRows(overview.data?.rows ?? [], deferredFilter),
    [overview.data, deferredFilter],
  );
  const selectedIds = useMemo(
    () =>
      selection.type === 'include'
        ? [...selection.ids].map(String)
        : rows.map((r) => r.associationId).filter((id) => !selection.ids.has(id)),
    [selection, rows],
  );

  if (overview.isError) {
    return (
      <ErrorState title="The dashboard could not load" error={overview.error} onRetry={() => void overview.refetch()} />
    );
  }
  if (!overview.data) return <Skeleton variant="rounded" height={400} aria-label="Loading the dashboard" />;
  const data = overview.data;
  return (
    <Stack spacing={3}>
      <VerdictCountCards
        counts={data.counts}
        active={filter.verdict}
        onSelect={(verdict) => setFilter({ ...filter, verdict })}
      />
      {data.rows.length > 0 ? (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <HealthRunBar initial={data.run} selectedIds={selectedIds} />
        </Paper>
      ) : null}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between' }}>
        <HealthFilters filter={filter} rows={data.rows} onChange={setFilter} />
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <CheckAllDriftButton disabled={data.rows.length === 0} />
          <ExportButtons what="the overview" load={(format) => client.call('exportHealthOverview', { format })} />
        </Stack>
      </Stack>
      {data.rows.length === 0 ? (
        <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Typography>No associations yet. Onboard an AWS account or a GCP project to see its health here.</Typography>
          <Button variant="contained" component={Link} to="/onboard">
            Start onboarding
          </Button>
        </Stack>
      ) : (
        <>
          <Typography variant="body2" role="status" data-testid="row-count">
            Showing {rows.length} of {data.rows.length} associations
          </Typography>
          <HealthTable rows={rows} selection={selection} onSelectionChange={setSelection} />
        </>
      )}
      <Accordion disableGutters variant="outlined">
        <AccordionSummary expandIcon={<ExpandMoreIcon />}>
          <Typography>Re-check schedule, concurrency and retention</Typography>
        </AccordionSummary>
        <AccordionDetails>
          <HealthSettingsForm />
        </AccordionDetails>
      </Accordion>
    </Stack>
  );
}

/** Runs a refresh-only plan in every workspace, one after another; the Drift column fills as they end. */
function CheckAllDriftButton({ disabled }: { disabled: boolean }) {
  const checkAll = useCheckAllDrift();
  return (
    <Button variant="outlined" disabled={disabled} loading={checkAll.isPending} onClick={() => checkAll.mutate()}>
      Check drift
    </Button>
  );
}
