import { memo, type DragEvent } from 'react';
import { CHECK_VERDICT_LABELS } from '../../../../../shared/contract/checks';
import type { FleetItem } from '../../../../../shared/contract/fleet';
import { shortGroupId } from '../../../components/short-group-id';
import { FLEET_STAGE_LABELS, itemGroupId, itemTargetId, itemTargetName } from './fleet-board-filter';

export const FLEET_ROW_HEIGHT = 56;

export interface FleetRowActions {
  onReview: (item: FleetItem) => void;
  /** Opens the item's latest Terraform run log (held by the board, not the row: rows are virtualized). */
  onShowLog: (item: FleetItem) => void;
  /** Opens the item's whole error (the row shows it cut short), with the stage the row names. */
  onShowError: (item: FleetItem, stage: string) => void;
  /** Withdraws an approval (approving happens in the plan review). */
  onApprove: (item: FleetItem, approve: boolean) => void;
  onMove: (item: FleetItem, by: -1 | 1) => void;
  onDragStart: (item: FleetItem) => void;
  onDrop: (item: FleetItem) => void;
  /** Reordering is off while the fleet applies (the order is in use). */
  canReorder: boolean;
}

function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '';
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/**
 * One account of the fleet. Memoized: a progress event re-renders only the rows whose item changed.
 * Its buttons are plain `<button>`s styled once by the table (FleetBoardTable), not MUI buttons: a
 * keystroke in the search mounts every row in view, and three MUI buttons a row were most of that.
 */
export const FleetBoardRow = memo(function FleetBoardRow({
  item,
  position,
  groupLabel,
  total,
  actions,
}: {
  item: FleetItem;
  /** 1-based place in the whole apply order. */
  position: number;
  /** The group's name (`itemGroupLabel`): a string, so the memo holds while other groups change. */
  groupLabel: string;
  total: number;
  actions: FleetRowActions;
}) {
  const name = itemTargetName(item) || itemTargetId(item);
  const summary = item.planSummary;
  const groupId = itemGroupId(item);
  const stage =
    item.planStale && (item.stage === 'planned' || item.stage === 'approved')
      ? 'Stale plan: plan again'
      : item.stage === 'failed' && item.failedStage
        ? `Failed (${FLEET_STAGE_LABELS[item.failedStage].toLowerCase()})`
        : item.stage === 'checked' && item.verdict
          ? `Checked: ${CHECK_VERDICT_LABELS[item.verdict]}`
          : FLEET_STAGE_LABELS[item.stage];
  const canReview =
    item.planRunId !== undefined && !item.planStale && (item.stage === 'planned' || item.stage === 'approved');
  return (
    <tr
      data-item-id={item.id}
      data-stage={item.stage}
      className={`stage-${item.stage}${item.verdict ? ` verdict-${item.verdict}` : ''}`}
      draggable={actions.canReorder}
      onDragStart={(event: DragEvent) => {
        event.dataTransfer.effectAllowed = 'move';
        actions.onDragStart(item);
      }}
      onDragOver={(event: DragEvent) => {
        if (actions.canReorder) event.preventDefault();
      }}
      onDrop={(event: DragEvent) => {
        event.preventDefault();
        actions.onDrop(item);
      }}
    >
      <td className="order">
        <span className="position">{position}</span>
        <button
          type="button"
          className="move"
          aria-label={`Move ${name} up`}
          disabled={!actions.canReorder || position === 1}
          onClick={() => actions.onMove(item, -1)}
        >
          <span aria-hidden="true">↑</span>
        </button>
        <button
          type="button"
          className="move"
          aria-label={`Move ${name} down`}
          disabled={!actions.canReorder || position === total}
          onClick={() => actions.onMove(item, 1)}
        >
          <span aria-hidden="true">↓</span>
        </button>
      </td>
      <td className="account">
        <span className="name">{name}</span>
        <span className="id">{itemTargetId(item)}</span>
      </td>
      <td
        className="group"
        title={groupId === undefined || groupId === groupLabel ? groupLabel : `${groupLabel} (${groupId})`}
      >
        <span className="name">{groupLabel}</span>
        {groupId === undefined ? (
          <span className="note">New folder</span>
        ) : groupId !== groupLabel ? (
          <span className="id">{shortGroupId(groupId)}</span>
        ) : null}
      </td>
      <td className="stage" title={item.error?.message}>
        <span className="label">{stage}</span>
        {item.error ? (
          // The message itself opens the whole of it: cut short here, it must reach keyboard and screen-reader users.
          <button
            type="button"
            className="message"
            aria-haspopup="dialog"
            onClick={() => actions.onShowError(item, stage)}
          >
            {item.error.message}
          </button>
        ) : null}
      </td>
      <td className="plan">
        {summary ? (
          <>
            <span className="add">+{summary.add}</span> <span className="change">~{summary.change}</span>{' '}
            <span className="destroy">−{summary.destroy}</span>
            {summary.replace > 0 ? <span className="replace"> ({summary.replace} replaced)</span> : null}
          </>
        ) : null}
      </td>
      <td className="duration">{formatDuration(item.durationMs)}</td>
      <td className="actions">
        {canReview ? (
          <button
            type="button"
            className="action"
            onClick={() => actions.onReview(item)}
            aria-label={`Review the plan of ${name}`}
          >
            Review
          </button>
        ) : null}
        {item.runId ? (
          <button
            type="button"
            className="action"
            onClick={() => actions.onShowLog(item)}
            aria-label={`Show the Terraform log of ${name}`}
          >
            Log
          </button>
        ) : null}
        {item.stage === 'approved' ? (
          <button
            type="button"
            className="action"
            onClick={() => actions.onApprove(item, false)}
            aria-label={`Withdraw approval of ${name}`}
          >
            Withdraw
          </button>
        ) : null}
      </td>
    </tr>
  );
});
