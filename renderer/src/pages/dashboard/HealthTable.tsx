import { Box, Link as MuiLink, Tooltip, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridRowSelectionModel } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { CheckVerdict } from '../../../../shared/contract/checks';
import type { HealthRow } from '../../../../shared/contract/health';
import { RelativeTime } from '../../components/RelativeTime';
import { DriftFlag } from './DriftFlag';
import { VerdictChip } from './VerdictChip';
import { VerdictSparkline } from './VerdictSparkline';
import { VERDICT_LEVEL } from './verdict-trend';

const columns: GridColDef<HealthRow>[] = [
  {
    field: 'groupName',
    headerName: 'Group',
    flex: 1.4,
    minWidth: 200,
    renderCell: ({ row }) => (
      <Box sx={{ lineHeight: 1.3, py: 0.5 }}>
        <MuiLink component={Link} to={`/associations/${row.associationId}`}>
          {row.groupName || 'Unregistered group'}
        </MuiLink>
        <Typography variant="caption" component="div" sx={{ fontFamily: 'monospace' }} title={row.groupId}>
          {row.groupId.slice(0, 12)}…
        </Typography>
      </Box>
    ),
  },
  { field: 'cloud', headerName: 'Cloud', width: 80, valueFormatter: (value: string) => value.toUpperCase() },
  { field: 'target', headerName: 'Account or project', flex: 1, minWidth: 150 },
  {
    field: 'verdict',
    headerName: 'Verdict',
    width: 160,
    // Sorted by health, not by the label's alphabet.
    sortComparator: (a: CheckVerdict | undefined, b: CheckVerdict | undefined) =>
      (a ? VERDICT_LEVEL[a] : -1) - (b ? VERDICT_LEVEL[b] : -1),
    renderCell: ({ row }) => (
      <Tooltip title={row.headline ?? ''}>
        <span>
          <VerdictChip verdict={row.verdict} />
        </span>
      </Tooltip>
    ),
  },
  {
    field: 'lastCheckedAt',
    headerName: 'Last checked',
    width: 150,
    renderCell: ({ row }) => (row.lastCheckedAt ? <RelativeTime value={row.lastCheckedAt} /> : 'Never'),
  },
  {
    field: 'durationMs',
    headerName: 'Duration',
    width: 100,
    type: 'number',
    valueFormatter: (value: number | undefined) => (value === undefined ? '—' : `${value} ms`),
  },
  {
    field: 'recent',
    headerName: 'Last 30',
    width: 140,
    sortable: false,
    renderCell: ({ row }) => <VerdictSparkline verdicts={row.recent} />,
  },
  {
    field: 'drift',
    headerName: 'Drift',
    width: 120,
    renderCell: ({ row }) => <DriftFlag row={row} />,
  },
];

/** The overview table: virtualized, sortable, with row selection for "Check selected". */
export function HealthTable({
  rows,
  selection,
  onSelectionChange,
}: {
  rows: readonly HealthRow[];
  selection: GridRowSelectionModel;
  onSelectionChange: (selection: GridRowSelectionModel) => void;
}) {
  const data = useMemo(() => [...rows], [rows]);
  return (
    <Box sx={{ height: 640, width: '100%' }}>
      <DataGrid
        aria-label="Associations"
        rows={data}
        columns={columns}
        getRowId={(row) => row.associationId}
        checkboxSelection
        disableRowSelectionOnClick
        rowSelectionModel={selection}
        onRowSelectionModelChange={onSelectionChange}
        rowHeight={56}
        // Pages of up to 100 (the MIT grid's limit), each virtualized; failing ones sort first.
        initialState={{
          sorting: { sortModel: [{ field: 'verdict', sort: 'asc' }] },
          pagination: { paginationModel: { pageSize: 100, page: 0 } },
        }}
        pageSizeOptions={[25, 50, 100]}
        disableColumnMenu
      />
    </Box>
  );
}
