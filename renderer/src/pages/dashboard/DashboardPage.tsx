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
import { memo, Suspense, useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { HealthRow } from '../../../../shared/contract/health';
import { lazyComponent } from '../../app/lazy-component';
import { PageLoading } from '../../app/PageLoading';
import { useClient } from '../../client/ClientProvider';
import { ErrorState } from '../../components/ErrorState';
import { TargetClashAlert } from '../platform/TargetClashAlert';
import { ExportButtons } from './ExportButtons';
import { filterHealthRows, NO_FILTER, toSearchableHealthRows, type HealthFilter } from './health-filter';
import { useCheckAllDrift, useHealthOverview } from '../../queries/health';
import { DEFAULT_SORT, sortHealthRows, type HealthSort } from './health-sort';
import { HealthFilters } from './HealthFilters';
import { HealthRunBar } from './HealthRunBar';
import { HealthTable } from './HealthTable';
import { VerdictCountCards } from './VerdictCountCards';

// Collapsed until asked for: its code loads on the first expand, not with the dashboard.
const HealthSettingsForm = lazyComponent(() => import('./HealthSettingsForm'), 'HealthSettingsForm');

const NO_ROWS: readonly HealthRow[] = [];
const NO_IDS: readonly string[] = [];
const NO_SELECTION: ReadonlySet<string> = new Set();

/**
 * The home page: every association's verdict, trend and drift, with bulk checks and exports.
 * A search keystroke costs one `includes` per row over keys built once per load and sort, and
 * re-renders only the search field, the count line and the table; the rest is memoized.
 */
export function DashboardPage() {
  const overview = useHealthOverview();
  const [filter, setFilter] = useState<HealthFilter>(NO_FILTER);
  const [sort, setSort] = useState<HealthSort>(DEFAULT_SORT);
  const [selected, setSelected] = useState<ReadonlySet<string>>(NO_SELECTION);
  const allRows = overview.data?.rows ?? NO_ROWS;
  const searchable = useMemo(() => toSearchableHealthRows(sortHealthRows(allRows, sort)), [allRows, sort]);
  const rows = useMemo(() => filterHealthRows(searchable, filter), [searchable, filter]);
  // "Check selected" runs the selected rows that the filters show.
  const selectedIds = useMemo(() => {
    if (selected.size === 0) return NO_IDS;
    return rows.filter((row) => selected.has(row.associationId)).map((row) => row.associationId);
  }, [rows, selected]);
  const changeFilter = useCallback((patch: Partial<HealthFilter>) => setFilter((f) => ({ ...f, ...patch })), []);
  const selectVerdict = useCallback((verdict: HealthFilter['verdict']) => changeFilter({ verdict }), [changeFilter]);

  if (overview.isError) {
    return (
      <ErrorState title="The dashboard could not load" error={overview.error} onRetry={() => void overview.refetch()} />
    );
  }
  if (!overview.data) return <Skeleton variant="rounded" height={400} aria-label="Loading the dashboard" />;
  const data = overview.data;
  const empty = data.rows.length === 0;
  return (
    <Stack spacing={3}>
      <TargetClashAlert />
      <VerdictCountCards counts={data.counts} active={filter.verdict} onSelect={selectVerdict} />
      {empty ? null : (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <HealthRunBar initial={data.run} selectedIds={selectedIds} />
        </Paper>
      )}
      {/* The actions wrap under the filters when the page is too narrow for both. */}
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={2}
        useFlexGap
        sx={{ justifyContent: 'space-between', flexWrap: 'wrap' }}
      >
        <HealthFilters filter={filter} rows={data.rows} onChange={changeFilter} />
        <OverviewActions empty={empty} />
      </Stack>
      {empty ? (
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
          <HealthTable
            rows={rows}
            sort={sort}
            onSortChange={setSort}
            selected={selected}
            onSelectedChange={setSelected}
          />
        </>
      )}
      <HealthSettingsSection />
    </Stack>
  );
}

/** Check drift everywhere, and the overview's exports. */
const OverviewActions = memo(function OverviewActions({ empty }: { empty: boolean }) {
  const client = useClient();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <CheckAllDriftButton disabled={empty} />
      <ExportButtons what="the overview" load={(format) => client.call('exportHealthOverview', { format })} />
    </Stack>
  );
});

/** Runs a refresh-only plan in every workspace, one after another; the Drift column fills as they end. */
function CheckAllDriftButton({ disabled }: { disabled: boolean }) {
  const checkAll = useCheckAllDrift();
  return (
    <Button
      variant="outlined"
      disabled={disabled}
      loading={checkAll.isPending}
      onClick={() => checkAll.mutate()}
      sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
    >
      Check drift
    </Button>
  );
}

const HealthSettingsSection = memo(function HealthSettingsSection() {
  return (
    // The summary is the page's second heading level (the page title is the h1).
    <Accordion
      disableGutters
      variant="outlined"
      slotProps={{ heading: { component: 'h2' }, transition: { unmountOnExit: true } }}
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography>Re-check schedule, concurrency and retention</Typography>
      </AccordionSummary>
      <AccordionDetails>
        <Suspense fallback={<PageLoading title="the settings" />}>
          <HealthSettingsForm />
        </Suspense>
      </AccordionDetails>
    </Accordion>
  );
});
