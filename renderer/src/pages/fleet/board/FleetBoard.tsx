import { Alert, Stack, Typography } from '@mui/material';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FleetItem, FleetRun } from '../../../../../shared/contract/fleet';
import { useGroupsQuery } from '../../../queries/groups';
import { RunLogDialog } from '../../workspaces/RunLogDialog';
import { useFleetAction } from '../fleet-queries';
import { FleetBoardFilters } from './FleetBoardFilters';
import { FleetBoardTable } from './FleetBoardTable';
import { FleetBoardToolbar } from './FleetBoardToolbar';
import type { FleetRowActions } from './FleetBoardRow';
import { FleetItemErrorDialog, type FleetItemFailure } from './FleetItemErrorDialog';
import { FleetPlanReviewDialog } from './FleetPlanReviewDialog';
import { FleetTotalsLine } from './FleetTotalsLine';
import {
  filterFleetItems,
  fleetGroupNames,
  fleetNoun,
  itemTargetId,
  itemTargetName,
  moveItem,
  NO_FLEET_FILTER,
  toSearchableFleetItems,
  type FleetBoardFilter,
} from './fleet-board-filter';

function idsOf(items: readonly FleetItem[]): string[] {
  return items.map((item) => item.id);
}

/**
 * One row per account of the fleet run: its stage, plan, duration and error, kept live by
 * `fleetProgress`; the run's actions above; each plan reviewed (and approved) in the plan review.
 */
export function FleetBoard({ run }: { run: FleetRun }) {
  const [filter, setFilter] = useState<FleetBoardFilter>(NO_FLEET_FILTER);
  const [reviewing, setReviewing] = useState<string>();
  // The run whose log is open, fixed when opened: the item moving on from plan to apply does not
  // swap the log under the reader, and the dialog outlives its row scrolling out of view.
  const [log, setLog] = useState<{ runId: string; name: string }>();
  const [failure, setFailure] = useState<FleetItemFailure>();
  const approve = useFleetAction('approveFleetPlans');
  const reorder = useFleetAction('reorderFleet');
  const dragged = useRef<string | undefined>(undefined);
  const totalsRef = useRef<HTMLParagraphElement>(null);
  const focusTotals = useCallback(() => totalsRef.current?.focus(), []);

  // Filtered in the keystroke's own render, not deferred: filtering 500 cached search texts and
  // rendering the rows in view costs less than the extra frame a deferred render waits for.
  // Groups named as the operator knows them: the id → name map is built once per groups list (it
  // changes when the run creates a folder), not per row per keystroke.
  const groups = useGroupsQuery();
  const groupNames = useMemo(() => fleetGroupNames(groups.data), [groups.data]);
  const searchable = useMemo(() => toSearchableFleetItems(run.items, groupNames), [run.items, groupNames]);
  const shown = useMemo(() => filterFleetItems(searchable, filter), [searchable, filter]);
  const positions = useMemo(() => new Map(run.items.map((item, index) => [item.id, index + 1])), [run.items]);
  const canReorder = run.state !== 'applying' && !reorder.isPending;

  // The row actions read the apply order when they run, so they stay the same object while events
  // stream in and a batch re-renders only the rows whose item it replaced.
  const items = useRef(run.items);
  useLayoutEffect(() => {
    items.current = run.items;
  }, [run.items]);
  const { mutate: approveMutate } = approve;
  const { mutate: reorderMutate } = reorder;
  const actions = useMemo<FleetRowActions>(
    () => ({
      onReview: (item: FleetItem) => {
        approve.reset();
        setReviewing(item.id);
      },
      onShowLog: (item: FleetItem) => {
        if (item.runId) setLog({ runId: item.runId, name: itemTargetName(item) || itemTargetId(item) });
      },
      onShowError: (item: FleetItem, stage: string) => {
        if (item.error) {
          setFailure({
            name: itemTargetName(item) || itemTargetId(item),
            targetId: itemTargetId(item),
            stage,
            error: item.error,
          });
        }
      },
      onApprove: (item: FleetItem, yes: boolean) =>
        approveMutate({ fleetId: run.id, selection: { kind: 'items', itemIds: [item.id] }, approve: yes }),
      onMove: (item: FleetItem, by: -1 | 1) =>
        reorderMutate({ fleetId: run.id, itemIds: moveItem(idsOf(items.current), item.id, by) }),
      onDragStart: (item: FleetItem) => {
        dragged.current = item.id;
      },
      onDrop: (target: FleetItem) => {
        const from = dragged.current;
        dragged.current = undefined;
        if (!from || from === target.id) return;
        const without = idsOf(items.current).filter((id) => id !== from);
        without.splice(without.indexOf(target.id), 0, from);
        reorderMutate({ fleetId: run.id, itemIds: without });
      },
      canReorder,
    }),
    // approve.reset is stable (TanStack Query's mutation observer).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [approveMutate, reorderMutate, run.id, canReorder],
  );
  const onFilterChange = useCallback(
    (patch: Partial<FleetBoardFilter>) => setFilter((current) => ({ ...current, ...patch })),
    [],
  );
  const noun = fleetNoun(run.items);
  const reviewed = reviewing ? run.items.find((item) => item.id === reviewing) : undefined;

  return (
    <Stack sx={{ gap: 2 }}>
      <Typography variant="h6" component="h2">
        {run.name}
      </Typography>
      <FleetBoardToolbar run={run} onActionStarted={focusTotals} />
      <FleetTotalsLine run={run} ref={totalsRef} />
      {reorder.error ? <Alert severity="error">{reorder.error.message}</Alert> : null}
      {approve.error && !reviewed ? <Alert severity="error">{approve.error.message}</Alert> : null}
      <FleetBoardFilters
        filter={filter}
        shown={shown.length}
        total={run.items.length}
        noun={noun}
        onChange={onFilterChange}
      />
      <FleetBoardTable
        items={shown}
        noun={noun}
        positions={positions}
        groupNames={groupNames}
        total={run.items.length}
        filter={filter.search}
        actions={actions}
      />
      {reviewed ? (
        <FleetPlanReviewDialog
          item={reviewed}
          approving={approve.isPending}
          error={approve.error}
          onApprove={() =>
            approve.mutate(
              { fleetId: run.id, selection: { kind: 'items', itemIds: [reviewed.id] } },
              { onSuccess: () => setReviewing(undefined) },
            )
          }
          onClose={() => setReviewing(undefined)}
        />
      ) : null}
      {failure ? <FleetItemErrorDialog failure={failure} onClose={() => setFailure(undefined)} /> : null}
      {log ? (
        <RunLogDialog runId={log.runId} title={`Terraform log of ${log.name}`} onClose={() => setLog(undefined)} />
      ) : null}
    </Stack>
  );
}
