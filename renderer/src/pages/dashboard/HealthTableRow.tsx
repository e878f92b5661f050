import { memo } from 'react';
import { associationKindRecord } from '../../../../shared/contract/association-kinds';
import { Link } from 'react-router';
import type { HealthRow } from '../../../../shared/contract/health';
import { PLATFORM_STANDING_LABELS } from '../../../../shared/platform/platform-standing';
import { RelativeTime } from '../../components/RelativeTime';
import { shortGroupId } from '../../components/short-group-id';
import { verdictReason } from '../checks/verdict-reason';
import { DriftCell } from './DriftFlag';
import { VerdictBadge } from './VerdictChip';
import { VerdictSparkline } from './VerdictSparkline';

export const ROW_HEIGHT = 56;

export interface RowActions {
  onToggleSelected: (associationId: string) => void;
  onCheckDrift: (workspaceKey: string) => void;
  onShowDriftDetails: (associationId: string) => void;
}

interface HealthTableRowProps {
  row: HealthRow;
  index: number;
  selected: boolean;
  /** The grid's current row: the one in the tab order, with its controls. */
  active: boolean;
  driftPending: boolean;
  actions: RowActions;
}

/**
 * One association. Its position changes with every filter keystroke, its cells do not: they are a
 * separate memoized component, so a keystroke re-renders only the rows that enter the view. The cells
 * are plain elements styled by the table's one style sheet (see HealthTable) for the same reason.
 */
export const HealthTableRow = memo(function HealthTableRow({ row, index, ...cells }: HealthTableRowProps) {
  return (
    <tr
      role="row"
      aria-rowindex={index + 2}
      aria-selected={cells.selected}
      aria-label={`${groupLabel(row)} on ${row.target}`}
      data-row-index={index}
      data-association-id={row.associationId}
      tabIndex={cells.active ? 0 : -1}
    >
      <HealthRowCells row={row} {...cells} />
    </tr>
  );
});

const HealthRowCells = memo(function HealthRowCells({
  row,
  selected,
  active,
  driftPending,
  actions,
}: Omit<HealthTableRowProps, 'index'>) {
  // Only the current row's controls are in the tab order: Tab reaches them, then leaves the grid.
  const tabIndex = active ? 0 : -1;
  const name = groupLabel(row);
  return (
    <>
      <td role="gridcell" className="checkbox">
        <input
          type="checkbox"
          checked={selected}
          tabIndex={tabIndex}
          onChange={() => actions.onToggleSelected(row.associationId)}
          aria-label={`Select ${name} on ${row.target}`}
        />
      </td>
      <td role="gridcell">
        <Link to={`/associations/${row.associationId}`} tabIndex={tabIndex} className="group-link ellipsis">
          {name}
        </Link>
        {row.groupId ? (
          <div className="group-id" title={row.groupId}>
            {shortGroupId(row.groupId)}
          </div>
        ) : null}
      </td>
      <td role="gridcell">{row.cloud.toUpperCase()}</td>
      <td role="gridcell" className="ellipsis" title={row.target}>
        {row.target}
      </td>
      <td role="gridcell" title={row.headline}>
        <VerdictBadge verdict={row.verdict} />
        {row.verdict && row.verdict !== 'success' && row.verdict !== 'configured' && row.headline ? (
          <div className="verdict-reason ellipsis">{verdictReason(row.verdict, row.headline)}</div>
        ) : null}
      </td>
      <td role="gridcell" title={row.platformDetail}>
        <PlatformCell row={row} />
      </td>
      <td role="gridcell">{row.lastCheckedAt ? <RelativeTime value={row.lastCheckedAt} /> : 'Never'}</td>
      <td role="gridcell" className="number">
        {row.durationMs === undefined ? '—' : `${row.durationMs} ms`}
      </td>
      <td role="gridcell">
        <VerdictSparkline verdicts={row.recent} />
      </td>
      <td role="gridcell">
        <DriftCell
          row={row}
          pending={driftPending}
          tabIndex={tabIndex}
          onRun={actions.onCheckDrift}
          onShowDetails={actions.onShowDriftDetails}
        />
      </td>
    </>
  );
});

/** The platform's own verdict from the latest check; — when the check did not ask it (no chainctl). */
function PlatformCell({ row }: { row: HealthRow }) {
  if (!row.platform) return <span aria-label="Platform not asked">—</span>;
  // Two-word standings ("Not registered", "Needs sign-in") wrap, as "2 minutes ago" does, rather than
  // being cut in a column kept narrow enough for a 1280-pixel window.
  const className =
    row.platform === 'not-ready' || row.platform === 'error'
      ? 'platform-bad'
      : row.platform === 'ready'
        ? undefined
        : 'platform-unset';
  return <span className={className}>{PLATFORM_STANDING_LABELS[row.platform]}</span>;
}

function groupLabel(row: HealthRow): string {
  // A role recipe has no group: its record names it by its kind and role name.
  return associationKindRecord(row).title({ groupName: row.groupName || 'Unregistered group', roleName: row.roleName });
}
