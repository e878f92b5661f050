import { FormControl, InputLabel, NativeSelect, OutlinedInput, Stack, Typography } from '@mui/material';
import { memo, useId } from 'react';
import {
  countOf,
  FLEET_VIEW_LABELS,
  type FleetBoardFilter,
  type FleetBoardView,
  type FleetNoun,
} from './fleet-board-filter';

/** Search and the view (failed, needs review, destroy or replace) above the board. */
export const FleetBoardFilters = memo(function FleetBoardFilters({
  filter,
  shown,
  total,
  noun,
  onChange,
}: {
  filter: FleetBoardFilter;
  shown: number;
  total: number;
  noun: FleetNoun;
  onChange: (patch: Partial<FleetBoardFilter>) => void;
}) {
  const searchId = useId();
  const viewId = useId();
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, alignItems: { md: 'center' } }}>
      <FormControl size="small" sx={{ minWidth: 260 }}>
        <InputLabel htmlFor={searchId}>Search {noun.many}</InputLabel>
        <OutlinedInput
          id={searchId}
          type="search"
          label={`Search ${noun.many}`}
          value={filter.search}
          onChange={(event) => onChange({ search: event.target.value })}
        />
      </FormControl>
      <FormControl size="small" sx={{ minWidth: 220 }}>
        <InputLabel htmlFor={viewId} shrink>
          Show
        </InputLabel>
        <NativeSelect
          id={viewId}
          value={filter.view}
          onChange={(event) => onChange({ view: event.target.value as FleetBoardView })}
          input={<OutlinedInput label="Show" notched />}
        >
          {Object.entries(FLEET_VIEW_LABELS).map(([view, label]) => (
            <option key={view} value={view}>
              {view === 'all' ? `${label} ${noun.many}` : label}
            </option>
          ))}
        </NativeSelect>
      </FormControl>
      <Typography variant="body2" color="text.secondary" role="status" data-testid="fleet-board-count">
        {shown === total ? countOf(total, noun) : `${shown} of ${countOf(total, noun)}`}
      </Typography>
    </Stack>
  );
});
