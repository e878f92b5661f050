import { Paper } from '@mui/material';
import { styled } from '@mui/material/styles';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { FleetItem } from '../../../../../shared/contract/fleet';
import { MONOSPACE_FONTS } from '../../../theme';
import { FLEET_ROW_HEIGHT, FleetBoardRow, type FleetRowActions } from './FleetBoardRow';
import { itemGroupLabel, type FleetGroupNames, type FleetNoun } from './fleet-board-filter';

const COLUMNS = ['Order', 'Account', 'Group', 'Stage', 'Plan', 'Duration', 'Actions'] as const;

/** Styles once for the table (not `sx` per row): 500 rows streaming must stay cheap to render. */
const Scroller = styled('div')(({ theme }) => {
  const palette = (theme.vars ?? theme).palette;
  return {
    maxHeight: 640,
    overflow: 'auto',
    '& table': {
      width: '100%',
      minWidth: 1000,
      borderCollapse: 'collapse',
      tableLayout: 'fixed',
      ...theme.typography.body2,
    },
    '& thead th': {
      position: 'sticky',
      top: 0,
      zIndex: 1,
      textAlign: 'left',
      background: palette.background.paper,
      ...theme.typography.subtitle2,
      padding: theme.spacing(1),
      borderBottom: `1px solid ${palette.divider}`,
    },
    '& tbody tr:not(.spacer)': { height: FLEET_ROW_HEIGHT },
    '& tbody td': {
      padding: theme.spacing(0, 1),
      borderBottom: `1px solid ${palette.divider}`,
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
    },
    // Fixed columns sized to their content, so the account and group names share what is left: the
    // stage fits "Stale plan: plan again" and "Checked: Needs sign-in" (a failure's message under it,
    // cut short with the whole in its title), the actions their three buttons (Review, Log,
    // Withdraw). Below the minimum width the board scrolls sideways instead of crushing the names.
    '& .order': { width: 112 },
    '& th:nth-of-type(1)': { width: 112 },
    '& th:nth-of-type(4)': { width: 176 },
    '& th:nth-of-type(5)': { width: 128 },
    '& th:nth-of-type(6)': { width: 88 },
    '& th:nth-of-type(7)': { width: 216 },
    '& .account .name, & .group .name, & .stage .label, & .stage .message': {
      display: 'block',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
    },
    '& .account .name': { fontWeight: 500 },
    '& .account .id, & .group .id': {
      fontFamily: MONOSPACE_FONTS,
      fontSize: theme.typography.pxToRem(12),
      color: palette.text.secondary,
    },
    '& .group .note': { fontSize: theme.typography.pxToRem(12), color: palette.text.secondary },
    '& .plan .add': { color: palette.success.main },
    '& .plan .change': { color: palette.warning.main },
    '& .plan .destroy, & .plan .replace': { color: palette.error.main },
    '& .stage .message': {
      fontSize: theme.typography.pxToRem(12),
      fontWeight: theme.typography.fontWeightRegular,
      color: palette.error.main,
    },
    '& .stage-failed .stage, & .stage-cancelled .stage': { color: palette.error.main, fontWeight: 500 },
    '& .stage-applied .stage, & .verdict-success .stage': { color: palette.success.main },
    '& .verdict-failing .stage, & .verdict-error .stage': { color: palette.error.main, fontWeight: 500 },
    '& tr[draggable="true"]': { cursor: 'grab' },
    // The rows' buttons: plain buttons (cheap to mount), looking like MUI's small text and icon buttons.
    '& td button': {
      ...theme.typography.button,
      fontSize: theme.typography.pxToRem(13),
      color: palette.primary.main,
      background: 'transparent',
      border: 0,
      borderRadius: theme.shape.borderRadius,
      padding: theme.spacing(0.5, 0.75),
      cursor: 'pointer',
      '&:hover': { backgroundColor: palette.action.hover },
      '&:disabled': { color: palette.action.disabled, cursor: 'default', backgroundColor: 'transparent' },
    },
    '& td button.move': {
      color: palette.action.active,
      fontSize: theme.typography.pxToRem(16),
      lineHeight: 1,
      padding: theme.spacing(0.5),
      borderRadius: '50%',
      minWidth: 28,
    },
    '& .order .position': { display: 'inline-block', minWidth: '2.5em' },
    // A failure's message, cut short: a link-like button that opens the whole error.
    '& td.stage button.message': {
      ...theme.typography.body2,
      fontSize: theme.typography.pxToRem(12),
      color: palette.error.main,
      display: 'block',
      maxWidth: '100%',
      padding: 0,
      textAlign: 'left',
      textDecoration: 'underline dotted',
      textTransform: 'none',
      whiteSpace: 'nowrap',
      '&:hover': { backgroundColor: 'transparent', textDecoration: 'underline' },
    },
  };
});

/**
 * The board's rows, virtualized with TanStack Virtual: only the rows in view are in the DOM. Memoized:
 * typing in the search re-renders it only once the rows it shows change.
 */
export const FleetBoardTable = memo(function FleetBoardTable({
  items,
  positions,
  groupNames,
  total,
  filter,
  noun,
  actions,
}: {
  /** The filtered items, in apply order. */
  items: readonly FleetItem[];
  /** Each item's 1-based place in the whole (unfiltered) apply order. */
  positions: ReadonlyMap<string, number>;
  /** The groups' names by id, to name each row's group. */
  groupNames: FleetGroupNames;
  total: number;
  /** The search these rows answer: the bench waits for the frame that shows it. */
  filter: string;
  /** What the rows are: accounts, projects, or both. */
  noun: FleetNoun;
  actions: FleetRowActions;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => FLEET_ROW_HEIGHT,
    overscan: 4,
  });
  const rows = virtualizer.getVirtualItems();
  const padTop = rows[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);
  return (
    <Paper variant="outlined">
      <Scroller ref={scrollRef} data-testid="fleet-board-scroll" data-filter={filter} data-count={items.length}>
        <table aria-label={`Fleet ${noun.many}`} aria-rowcount={items.length + 1}>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.length === 0 ? (
              <tr>
                <td colSpan={COLUMNS.length}>No {noun.one} matches the filters.</td>
              </tr>
            ) : null}
            {padTop > 0 ? <tr aria-hidden="true" className="spacer" style={{ height: padTop }} /> : null}
            {rows.map((row) => {
              const item = items[row.index];
              if (!item) return null;
              return (
                <FleetBoardRow
                  key={item.id}
                  item={item}
                  position={positions.get(item.id) ?? row.index + 1}
                  groupLabel={itemGroupLabel(item, groupNames)}
                  total={total}
                  actions={actions}
                />
              );
            })}
            {padBottom > 0 ? <tr aria-hidden="true" className="spacer" style={{ height: padBottom }} /> : null}
          </tbody>
        </table>
      </Scroller>
    </Paper>
  );
});
