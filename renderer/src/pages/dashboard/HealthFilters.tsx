import { MenuItem, Stack, TextField } from '@mui/material';
import { memo, useMemo } from 'react';
import { CHECK_VERDICT_LABELS, checkVerdicts } from '../../../../shared/contract/checks';
import type { HealthRow } from '../../../../shared/contract/health';
import type { HealthFilter } from './health-filter';

type ChangeFilter = (patch: Partial<HealthFilter>) => void;

/**
 * Search and the cloud, verdict and group filters above the table. Each part is memoized on its own
 * values, so a search keystroke re-renders the search field and not the three selects.
 */
export function HealthFilters({
  filter,
  rows,
  onChange,
}: {
  filter: HealthFilter;
  rows: readonly HealthRow[];
  onChange: ChangeFilter;
}) {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <SearchField value={filter.search} onChange={onChange} />
      <FilterSelects
        cloud={filter.cloud}
        verdict={filter.verdict}
        groupId={filter.groupId}
        rows={rows}
        onChange={onChange}
      />
    </Stack>
  );
}

const SearchField = memo(function SearchField({ value, onChange }: { value: string; onChange: ChangeFilter }) {
  return (
    <TextField
      label="Search"
      type="search"
      size="small"
      value={value}
      onChange={(event) => onChange({ search: event.target.value })}
      sx={{ minWidth: 240 }}
    />
  );
});

const FilterSelects = memo(function FilterSelects({
  cloud,
  verdict,
  groupId,
  rows,
  onChange,
}: Pick<HealthFilter, 'cloud' | 'verdict' | 'groupId'> & { rows: readonly HealthRow[]; onChange: ChangeFilter }) {
  const groups = useMemo(
    () =>
      [...new Map(rows.map((r) => [r.groupId, r.groupName || r.groupId])).entries()].sort((a, b) =>
        a[1].localeCompare(b[1]),
      ),
    [rows],
  );
  return (
    <>
      <TextField
        select
        label="Cloud"
        size="small"
        value={cloud}
        onChange={(event) => onChange({ cloud: event.target.value as HealthFilter['cloud'] })}
        sx={{ minWidth: 120 }}
      >
        <MenuItem value="all">All clouds</MenuItem>
        <MenuItem value="aws">AWS</MenuItem>
        <MenuItem value="gcp">GCP</MenuItem>
      </TextField>
      <TextField
        select
        label="Verdict"
        size="small"
        value={verdict}
        onChange={(event) => onChange({ verdict: event.target.value as HealthFilter['verdict'] })}
        sx={{ minWidth: 160 }}
      >
        <MenuItem value="all">All verdicts</MenuItem>
        {checkVerdicts.map((v) => (
          <MenuItem key={v} value={v}>
            {CHECK_VERDICT_LABELS[v]}
          </MenuItem>
        ))}
        <MenuItem value="unchecked">Not checked</MenuItem>
      </TextField>
      <TextField
        select
        label="Group"
        size="small"
        value={groupId}
        onChange={(event) => onChange({ groupId: event.target.value })}
        sx={{ minWidth: 200 }}
      >
        <MenuItem value="all">All groups</MenuItem>
        {groups.map(([id, name]) => (
          <MenuItem key={id} value={id}>
            {name}
          </MenuItem>
        ))}
      </TextField>
    </>
  );
});
