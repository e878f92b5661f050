import { TableSortLabel } from '@mui/material';
import { memo, type Dispatch, type SetStateAction } from 'react';
import type { HealthRow } from '../../../../shared/contract/health';
import { nextSort, type HealthSort, type HealthSortKey } from './health-sort';

export const COLUMNS: readonly { label: string; sortKey?: HealthSortKey; numeric?: boolean }[] = [
  { label: 'Group', sortKey: 'group' },
  { label: 'Cloud', sortKey: 'cloud' },
  { label: 'Account or project', sortKey: 'target' },
  { label: 'Verdict', sortKey: 'verdict' },
  { label: 'Platform', sortKey: 'platform' },
  { label: 'Last checked', sortKey: 'lastChecked' },
  { label: 'Duration', sortKey: 'duration', numeric: true },
  { label: 'Last 30' },
  { label: 'Drift', sortKey: 'drift' },
];

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** The header row: select-all of the shown rows, then a sort button per sortable column. */
export function HealthTableHeader({
  rows,
  selected,
  onSelectedChange,
  sort,
  onSortChange,
}: {
  rows: readonly HealthRow[];
  selected: ReadonlySet<string>;
  onSelectedChange: Dispatch<SetStateAction<ReadonlySet<string>>>;
  sort: HealthSort;
  onSortChange: (sort: HealthSort) => void;
}) {
  let shownSelected = 0;
  for (const row of rows) if (selected.has(row.associationId)) shownSelected += 1;
  const allSelected = rows.length > 0 && shownSelected === rows.length;
  const someSelected = shownSelected > 0 && !allSelected;
  const toggleAll = () =>
    onSelectedChange((previous) => {
      const next = new Set(previous);
      for (const row of rows) {
        if (allSelected) next.delete(row.associationId);
        else next.add(row.associationId);
      }
      return next;
    });
  return (
    <tr role="row" aria-rowindex={1}>
      <th role="columnheader" className="checkbox">
        <input
          type="checkbox"
          checked={allSelected}
          // `indeterminate` is a property only, no attribute: set it on the element.
          ref={(input) => {
            if (input) input.indeterminate = someSelected;
          }}
          disabled={rows.length === 0}
          onChange={toggleAll}
          aria-label={allSelected ? 'Deselect all shown associations' : 'Select all shown associations'}
        />
      </th>
      <SortHeaders sort={sort} onSortChange={onSortChange} />
    </tr>
  );
}

/** A sort button per sortable column (Enter or Space sorts), aria-sort on the sorted one. */
const SortHeaders = memo(function SortHeaders({
  sort,
  onSortChange,
}: {
  sort: HealthSort;
  onSortChange: (sort: HealthSort) => void;
}) {
  return COLUMNS.map(({ label, sortKey, numeric }) => {
    const sorted = sortKey !== undefined && sort.key === sortKey;
    return (
      <th
        key={label}
        role="columnheader"
        scope="col"
        aria-sort={sorted ? ARIA_SORT[sort.direction] : undefined}
        className={numeric ? 'number' : undefined}
      >
        {sortKey ? (
          <TableSortLabel
            active={sorted}
            direction={sorted ? sort.direction : 'asc'}
            onClick={() => onSortChange(nextSort(sort, sortKey))}
          >
            {label}
          </TableSortLabel>
        ) : (
          label
        )}
      </th>
    );
  });
});
