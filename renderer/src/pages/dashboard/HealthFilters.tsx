import { FormControl, InputLabel, NativeSelect, OutlinedInput, Stack } from '@mui/material';
import { memo, useId, useMemo, type ReactNode } from 'react';
import { CHECK_VERDICT_LABELS, checkVerdicts } from '../../../../shared/contract/checks';
import type { HealthRow } from '../../../../shared/contract/health';
import type { HealthFilter } from './health-filter';

type ChangeFilter = (patch: Partial<HealthFilter>) => void;

/**
 * Search and the cloud, verdict and group filters above the table. Each part is memoized on its own
 * values, so a search keystroke re-renders the search field and not the three selects.
 *
 * Built from the input parts rather than `TextField`, and the selects are native: `TextField` pulls in
 * MUI's Select with its Menu, Popover and Modal, about 20 KB gzipped of the start page (the bundle
 * bench's first-route figure), for three short lists the browser's own select serves as well.
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
  const id = useId();
  return (
    <FormControl size="small" sx={{ minWidth: 240 }}>
      <InputLabel htmlFor={id}>Search</InputLabel>
      <OutlinedInput
        id={id}
        type="search"
        label="Search"
        value={value}
        onChange={(event) => onChange({ search: event.target.value })}
      />
    </FormControl>
  );
});

/** A labelled native select in the outlined style of the other fields. */
function FilterSelect({
  label,
  value,
  minWidth,
  onChange,
  children,
}: {
  label: string;
  value: string;
  minWidth: number;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <FormControl size="small" sx={{ minWidth }}>
      <InputLabel htmlFor={id} shrink>
        {label}
      </InputLabel>
      <NativeSelect
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        input={<OutlinedInput label={label} notched />}
      >
        {children}
      </NativeSelect>
    </FormControl>
  );
}

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
      <FilterSelect
        label="Cloud"
        value={cloud}
        minWidth={120}
        onChange={(value) => onChange({ cloud: value as HealthFilter['cloud'] })}
      >
        <option value="all">All clouds</option>
        <option value="aws">AWS</option>
        <option value="gcp">GCP</option>
      </FilterSelect>
      <FilterSelect
        label="Verdict"
        value={verdict}
        minWidth={160}
        onChange={(value) => onChange({ verdict: value as HealthFilter['verdict'] })}
      >
        <option value="all">All verdicts</option>
        {checkVerdicts.map((v) => (
          <option key={v} value={v}>
            {CHECK_VERDICT_LABELS[v]}
          </option>
        ))}
        <option value="unchecked">Not checked</option>
      </FilterSelect>
      <FilterSelect label="Group" value={groupId} minWidth={200} onChange={(value) => onChange({ groupId: value })}>
        <option value="all">All groups</option>
        {groups.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </FilterSelect>
    </>
  );
});
