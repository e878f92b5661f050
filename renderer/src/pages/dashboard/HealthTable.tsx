import { Box, Paper } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useMemo,
  useRef,
  useState,
  type Dispatch,
  type FocusEvent,
  type KeyboardEvent,
  type SetStateAction,
} from 'react';
import { useNavigate } from 'react-router';
import type { HealthRow } from '../../../../shared/contract/health';
import { rowKeyAction, rowsPerPage, tabbableRow } from '../../components/row-keys';
import { DriftDetailsDialog } from './DriftFlag';
import { useCheckDrift, usePendingDriftChecks } from '../../queries/health';
import type { HealthSort } from './health-sort';
import { healthTableSx } from './health-table-style';
import { COLUMNS, HealthTableHeader } from './HealthTableHeader';
import { HealthTableRow, ROW_HEIGHT, type RowActions } from './HealthTableRow';

interface HealthTableProps {
  /** The filtered rows, already sorted. */
  rows: readonly HealthRow[];
  sort: HealthSort;
  onSortChange: (sort: HealthSort) => void;
  selected: ReadonlySet<string>;
  onSelectedChange: Dispatch<SetStateAction<ReadonlySet<string>>>;
}

/**
 * The overview as an ARIA grid over a plain table, virtualized with TanStack Virtual: only the rows
 * in view are in the DOM, so a filter keystroke with 1,000 associations costs what a screenful does.
 * Headers sort (click, Enter or Space); one row is in the tab order; arrows, Page Up/Down, Home and
 * End move between rows, Space selects, Enter opens the association.
 */
export function HealthTable({ rows, sort, onSortChange, selected, onSelectedChange }: HealthTableProps) {
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLTableSectionElement>(null);
  const [activeId, setActiveId] = useState<string>();
  const [driftDialog, setDriftDialog] = useState<{ associationId: string; open: boolean }>();
  const checkDrift = useCheckDrift();
  const pendingDrift = usePendingDriftChecks();
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the virtualizer the project chose.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 3,
  });
  // The current row follows its association through sorting and filtering; the first row otherwise.
  const current = Math.max(
    0,
    rows.findIndex((row) => row.associationId === activeId),
  );

  const toggleSelected = useCallback(
    (id: string) =>
      onSelectedChange((previous) => {
        const next = new Set(previous);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [onSelectedChange],
  );
  // One object for every row, so a memoized row re-renders only when its own data changes.
  const actions = useMemo<RowActions>(
    () => ({
      onToggleSelected: toggleSelected,
      onCheckDrift: checkDrift.mutate,
      onShowDriftDetails: (associationId) => setDriftDialog({ associationId, open: true }),
    }),
    [toggleSelected, checkDrift.mutate],
  );

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    setActiveId(rows[clamped]?.associationId);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    // The row may only exist after the virtualizer renders it.
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${clamped}"]`)?.focus();
    });
  };

  // Focus anywhere in a row (a click, Tab onto a control) makes it the current row.
  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-association-id]');
    if (row?.dataset.associationId) setActiveId(row.dataset.associationId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const target = event.target as HTMLElement;
    if (!target.hasAttribute('data-row-index')) return;
    const action = rowKeyAction(
      event.key,
      current,
      rows.length,
      rowsPerPage(scrollRef.current?.clientHeight, ROW_HEIGHT),
    );
    const row = rows[current];
    if (!action || !row) return;
    event.preventDefault();
    if (action.kind === 'move') focusRow(action.index);
    else if (action.kind === 'toggle') toggleSelected(row.associationId);
    else void navigate(`/associations/${row.associationId}`);
  };

  const items = virtualizer.getVirtualItems();

  const tabbable = tabbableRow(current, items);
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const dialogRow = driftDialog && rows.find((row) => row.associationId === driftDialog.associationId);

  return (
    <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
      <Box
        component="table"
        role="grid"
        aria-label="Associations"
        aria-rowcount={Math.max(1, rows.length) + 1}
        aria-colcount={COLUMNS.length + 1}
        aria-multiselectable="true"
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        sx={healthTableSx}
      >
        <thead role="rowgroup">
          <HealthTableHeader
            rows={rows}
            selected={selected}
            onSelectedChange={onSelectedChange}
            sort={sort}
            onSortChange={onSortChange}
          />
        </thead>
        <tbody ref={scrollRef} role="rowgroup" data-testid="health-table-scroll">
          {rows.length === 0 ? (
            <tr role="row" aria-rowindex={2}>
              <td role="gridcell" aria-colspan={COLUMNS.length + 1} className="empty">
                No association matches the filters.
              </td>
            </tr>
          ) : null}
          {/* Spacers stand for the rows above and below the view, so the scrollbar is true to the list. */}
          {padTop > 0 ? <tr aria-hidden="true" className="spacer" style={{ height: padTop }} /> : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <HealthTableRow
                key={row.associationId}
                row={row}
                index={item.index}
                selected={selected.has(row.associationId)}
                active={item.index === tabbable}
                driftPending={pendingDrift.has(row.workspaceKey)}
                actions={actions}
              />
            );
          })}
          {padBottom > 0 ? <tr aria-hidden="true" className="spacer" style={{ height: padBottom }} /> : null}
        </tbody>
      </Box>
      {dialogRow ? (
        <DriftDetailsDialog
          row={dialogRow}
          open={driftDialog.open}
          onClose={() => setDriftDialog({ ...driftDialog, open: false })}
        />
      ) : null}
    </Paper>
  );
}
