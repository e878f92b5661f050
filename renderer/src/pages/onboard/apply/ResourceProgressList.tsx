import CheckCircleOutlinedIcon from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlinedIcon from '@mui/icons-material/ErrorOutlined';
import PendingOutlinedIcon from '@mui/icons-material/PendingOutlined';
import SyncOutlinedIcon from '@mui/icons-material/SyncOutlined';
import { Box, Stack, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState, type ReactElement } from 'react';
import { ChangeAction } from './ChangeAction';
import type { ResourceProgress, ResourceStatus } from './run-progress';

const ROW_HEIGHT = 44;
const STATUS: Record<ResourceStatus, { label: string; icon: ReactElement }> = {
  pending: { label: 'Waiting', icon: <PendingOutlinedIcon fontSize="small" color="disabled" /> },
  running: { label: 'In progress', icon: <SyncOutlinedIcon fontSize="small" color="info" /> },
  complete: { label: 'Done', icon: <CheckCircleOutlinedIcon fontSize="small" color="success" /> },
  errored: { label: 'Failed', icon: <ErrorOutlinedIcon fontSize="small" color="error" /> },
};

const TICK_MS = 1000;

/**
 * Every resource's live status and elapsed time; virtualized, so a long run stays responsive. One
 * clock for the whole list ticks while anything runs; only the rows in view that are running re-render.
 */
export function ResourceProgressList({
  resources,
  running,
}: {
  resources: readonly ResourceProgress[];
  /** How many resources are running: the clock stops when none is. */
  running: number;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const now = useSecondsClock(running > 0);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the virtualizer the project chose.
  const virtualizer = useVirtualizer({
    count: resources.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  return (
    <Box
      ref={scrollRef}
      role="list"
      aria-label="Resources"
      tabIndex={0}
      sx={{ maxHeight: 360, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}
    >
      <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const resource = resources[item.index];
          if (!resource) return null;
          return (
            <Box
              key={resource.addr}
              role="listitem"
              aria-setsize={resources.length}
              aria-posinset={item.index + 1}
              sx={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: ROW_HEIGHT,
                transform: `translateY(${item.start}px)`,
              }}
            >
              <ResourceRow resource={resource} now={now} />
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}

/** The time, refreshed every second while `active`: one interval for the whole list. */
function useSecondsClock(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

// A row re-renders when its resource changes, or on the clock's tick while it is running.
const ResourceRow = memo(
  function ResourceRow({ resource, now }: { resource: ResourceProgress; now: number }) {
    const status = STATUS[resource.status];
    return (
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, px: 1.5, height: '100%' }}>
        {status.icon}
        <Typography variant="body2" sx={{ width: 96 }}>
          {status.label}
        </Typography>
        <ChangeAction action={resource.action} />
        <Box component="code" sx={{ flexGrow: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {resource.addr}
        </Box>
        <Typography variant="body2" sx={{ color: 'text.secondary', minWidth: 48, textAlign: 'right' }}>
          {elapsedText(resource, now)}
        </Typography>
      </Stack>
    );
  },
  (before, after) =>
    before.resource === after.resource && (after.resource.status !== 'running' || before.now === after.now),
);

function elapsedText(resource: ResourceProgress, now: number): string {
  if (resource.status !== 'running') return resource.elapsedSeconds === undefined ? '' : `${resource.elapsedSeconds}s`;
  const live = resource.startedAt === undefined ? 0 : Math.max(0, Math.round((now - resource.startedAt) / 1000));
  return `${Math.max(live, resource.elapsedSeconds ?? 0)}s`;
}
