import SearchIcon from '@mui/icons-material/Search';
import { Box, Button, Chip, InputAdornment, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import { memo } from 'react';
import { typeFilters, type TypeFilterId } from './aws-profile-labels';
import type { BatchProgress } from './aws-verification-store';

interface AwsProfilesToolbarProps {
  query: string;
  onQueryChange: (query: string) => void;
  types: ReadonlySet<TypeFilterId>;
  onToggleType: (type: TypeFilterId) => void;
  shownCount: number;
  totalCount: number;
  selectedCount: number;
  batch: BatchProgress | undefined;
  onVerifySelected: () => void;
  onCancelBatch: () => void;
}

/** Type-to-filter, type chips, and "verify selected" with its progress. */
export function AwsProfilesToolbar(props: AwsProfilesToolbarProps) {
  const { query, types, batch, selectedCount } = props;
  return (
    <Stack sx={{ gap: 1.5 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, alignItems: { md: 'center' } }}>
        <TextField
          label="Filter profiles"
          placeholder="Name, account, type or region"
          value={query}
          onChange={(event) => props.onQueryChange(event.target.value)}
          size="small"
          sx={{ minWidth: { md: 320 } }}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
            htmlInput: { 'aria-controls': 'aws-profiles-count', spellCheck: false, autoComplete: 'off' },
          }}
        />
        <TypeChips types={types} onToggleType={props.onToggleType} />
      </Stack>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography id="aws-profiles-count" variant="body2" role="status" sx={{ color: 'text.secondary' }}>
          {props.shownCount === props.totalCount
            ? `${props.totalCount} profiles`
            : `${props.shownCount} of ${props.totalCount} profiles`}
          {selectedCount > 0 ? ` · ${selectedCount} selected` : ''}
        </Typography>
        {batch ? (
          <Stack direction="row" sx={{ gap: 2, alignItems: 'center', minWidth: 320 }}>
            <Box sx={{ flexGrow: 1 }}>
              <Typography variant="body2" id="aws-verify-progress-label">
                Verified {batch.done} of {batch.total}
                {batch.failed > 0 ? ` · ${batch.failed} failed` : ''}
              </Typography>
              <LinearProgress
                variant="determinate"
                value={batch.total === 0 ? 0 : (batch.done / batch.total) * 100}
                aria-labelledby="aws-verify-progress-label"
              />
            </Box>
            <Button onClick={props.onCancelBatch}>Cancel</Button>
          </Stack>
        ) : (
          <Button variant="contained" disabled={selectedCount === 0} onClick={props.onVerifySelected}>
            {selectedCount === 0 ? 'Verify selected' : `Verify selected (${selectedCount})`}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}

/** Memoized: a keystroke in the filter re-renders the toolbar, not these. */
const TypeChips = memo(function TypeChips({
  types,
  onToggleType,
}: Pick<AwsProfilesToolbarProps, 'types' | 'onToggleType'>) {
  return (
    <Stack direction="row" role="group" aria-label="Filter by type" sx={{ gap: 1, flexWrap: 'wrap' }}>
      {typeFilters.map((filter) => {
        const on = types.has(filter.id);
        return (
          <Chip
            key={filter.id}
            label={filter.label}
            clickable
            color={on ? 'primary' : 'default'}
            variant={on ? 'filled' : 'outlined'}
            aria-pressed={on}
            onClick={() => onToggleType(filter.id)}
          />
        );
      })}
    </Stack>
  );
});
