import { MenuItem, Stack, TextField } from '@mui/material';
import { CHECK_VERDICT_LABELS, checkVerdicts } from '../../../../shared/contract/checks';
import type { HealthRow } from '../../../../shared/contract/health';
import type { HealthFilter } from './health-filter';

/** Search and the cloud, verdict and group filters above the table. */
export function HealthFilters({
  filter,
  rows,
  onChange,
}: {
  filter: HealthFilter;
  rows: readonly HealthRow[];
  onChange: (filter: HealthFilter) => void;
}) {
  const groups = [...new Map(rows.map((r) => [r.groupId, r.groupName || r.groupId])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <TextField
        label="Search"
        type="search"
        size="small"
        value={filter.search}
        onChange={(event) => onChange({ ...filter, search: event.target.value })}
        sx={{ minWidth: 240 }}
      />
      <TextField
        select
        label="Cloud"
        size="small"
        value={filter.cloud}
        onChange={(event) => onChange({ ...filter, cloud: event.target.value as HealthFilter['cloud'] })}
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
        value={filter.verdict}
        onChange={(event) => onChange({ ...filter, verdict: event.target.value as HealthFilter['verdict'] })}
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
        value={filter.groupId}
        onChange={(event) => onChange({ ...filter, groupId: event.target.value })}
        sx={{ minWidth: 200 }}
      >
        <MenuItem value="all">All groups</MenuItem>
        {groups.map(([id, name]) => (
          <MenuItem key={id} value={id}>
            {name}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}
