import CheckCircleOutlinedIcon from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlinedIcon from '@mui/icons-material/ErrorOutlined';
import PendingOutlinedIcon from '@mui/icons-material/PendingOutlined';
import SyncOutlinedIcon from '@mui/icons-material/SyncOutlined';
import { Box, Stack, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { ChangeAction } from './ChangeAction';
import type { ResourceProgress, ResourceStatus } from './run-progress';

const ROW_HEIGHT = 44;
const STATUS: Record<ResourceStatus, { label: string; icon: ReactElement }> = {
  pending: { label: 'Waiting', icon: <PendingOutlinedIcon fontSize="small" color="disabled" /> },
  running: { label: 'In progress', icon: <SyncOutlinedIcon fontSize="small" color="info" /> },
  complete: { label: 'Done', icon: <CheckCircleOutlinedIcon fontSize="small" color="success" /> },
  errored: { label: 'Failed', icon: <ErrorOutlinedIcon fontSize="small" color="error" /> },
};

/** Every resource's live status and elapsed time; virtualized, so a long run stays responsive. */
export function ResourceProgressList({ resources }: { resources: readonly ResourceProgress[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
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
              <ResourceRow resource={resource} />
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}

function ResourceRow({ resource }: { resource: ResourceProgress }) {
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
      <Elapsed resource={resource} />
    </Stack>
  );
}

function Elapsed({ resource }: { resource: ResourceProgress }) {
  const running = resource.status === 'running';
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const live =
    running && resource.startedAt !== undefined ? Math.max(0, Math.round((now - resource.startedAt) / 1000)) : 0;
  const seconds = running ? Math.max(live, resource.elapsedSeconds ?? 0) : resource.elapsedSeconds;
  return (
    <Typography variant="body2" sx={{ color: 'text.secondary', minWidth: 48, textAlign: 'right' }}>
      {seconds === undefined ? '' : `${seconds}s`}
    </Typography>
  );
}
