import { Alert, AlertTitle, Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { PlatformGroup } from '../../../../shared/contract/platform';
import type { Group } from '../../../../shared/model';
import { DEFAULT_ENVIRONMENT } from '../../../../shared/terraform/platform-environment';
import { ErrorState } from '../../components/ErrorState';
import { useCreateGroup } from '../groups/group-queries';
import { NewFolderDialog } from './NewFolderDialog';
import { platformGroupRows, type PlatformGroupRow } from './platform-group-rows';
import { usePlatformConnection, usePlatformGroups } from './platform-queries';

const ROW_HEIGHT = 52;

/**
 * Groups → On the platform: the organizations and folders the operator's sign-in can see, as a
 * virtualized tree (thousands of folders stay fast), each usable in Liaison with one click, and new
 * folders created on the platform. Groups Liaison knows that the platform does not are marked.
 */
export function PlatformGroupsSection({ localGroups }: { localGroups: readonly Group[] }) {
  const environment = DEFAULT_ENVIRONMENT;
  const connection = usePlatformConnection(environment);
  const signedIn = connection.data?.state === 'signed-in';
  const groups = usePlatformGroups(environment, signedIn);
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const [parent, setParent] = useState<PlatformGroup | undefined>();
  const localIds = useMemo(() => new Set(localGroups.map((g) => g.id)), [localGroups]);
  const rows = useMemo(
    () => platformGroupRows(groups.data ?? [], localIds, deferredFilter),
    [groups.data, localIds, deferredFilter],
  );
  const platformIds = useMemo(() => new Set((groups.data ?? []).map((g) => g.id)), [groups.data]);
  const localOnly = groups.data ? localGroups.filter((g) => !platformIds.has(g.id)) : [];
  return (
    <Stack sx={{ gap: 2 }} component="section" aria-labelledby="platform-groups-heading">
      <Typography id="platform-groups-heading" variant="h6" component="h2">
        On the platform ({environment})
      </Typography>
      {connection.data && !signedIn ? (
        <Alert severity="info">
          <AlertTitle>Groups are not checked against the platform</AlertTitle>
          {connection.data.message} {connection.data.remediation}
          <Box sx={{ mt: 0.5 }}>
            Register an existing group by pasting its id; it is labelled &quot;not checked against the platform&quot;.
          </Box>
        </Alert>
      ) : null}
      {groups.error ? (
        <ErrorState
          title="The platform's groups could not be read"
          error={groups.error}
          onRetry={() => void groups.refetch()}
        />
      ) : null}
      {groups.data ? (
        <>
          <TextField
            label="Filter the platform's groups"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            size="small"
            sx={{ maxWidth: 420 }}
            slotProps={{ htmlInput: { spellCheck: false } }}
          />
          <Typography variant="body2" color="text.secondary" role="status">
            {rows.length === groups.data.length
              ? `${groups.data.length} groups on the platform`
              : `${rows.length} of ${groups.data.length} groups on the platform`}
          </Typography>
          <PlatformGroupTree rows={rows} onNewFolder={setParent} />
          {localOnly.length > 0 ? (
            <Alert severity="warning">
              <AlertTitle>Known only to Liaison</AlertTitle>
              The platform does not list{' '}
              {localOnly.map((g, index) => (
                <span key={g.id}>
                  {index > 0 ? ', ' : ''}
                  <strong>{g.name}</strong> (<code>{g.id}</code>)
                </span>
              ))}
              . Check the id, or use a group from the list above.
            </Alert>
          ) : null}
        </>
      ) : null}
      {parent ? (
        <NewFolderDialog environment={environment} parent={parent} onClose={() => setParent(undefined)} />
      ) : null}
    </Stack>
  );
}

function PlatformGroupTree({
  rows,
  onNewFolder,
}: {
  rows: readonly PlatformGroupRow[];
  onNewFolder: (parent: PlatformGroup) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const createGroup = useCreateGroup();
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the virtualizer the project chose.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <>
      {createGroup.error ? (
        <ErrorState
          title="The group could not be added to Liaison"
          error={createGroup.error}
          onRetry={() => createGroup.reset()}
        />
      ) : null}
      <Box
        ref={scrollRef}
        role="list"
        aria-label="Groups on the platform"
        sx={{ maxHeight: 420, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}
      >
        <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <Box
                key={row.group.id}
                role="listitem"
                aria-setsize={rows.length}
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
                <PlatformGroupItem
                  row={row}
                  onNewFolder={onNewFolder}
                  onUse={(group) => createGroup.mutate({ mode: 'existing', ...group })}
                />
              </Box>
            );
          })}
        </Box>
      </Box>
    </>
  );
}

const PlatformGroupItem = memo(function PlatformGroupItem({
  row,
  onNewFolder,
  onUse,
}: {
  row: PlatformGroupRow;
  onNewFolder: (parent: PlatformGroup) => void;
  onUse: (group: PlatformGroup) => void;
}) {
  const { group } = row;
  return (
    <Stack
      direction="row"
      sx={{
        alignItems: 'center',
        gap: 1,
        height: '100%',
        pr: 1,
        pl: 1 + row.depth * 2.5,
        borderBottom: 1,
        borderColor: 'divider',
      }}
    >
      <Box sx={{ minWidth: 0, flexGrow: 1 }}>
        <Typography variant="body2" noWrap>
          <strong>{group.name}</strong>
          {group.description ? (
            <Box component="span" sx={{ color: 'text.secondary' }}>
              {' '}
              — {group.description}
            </Box>
          ) : null}
        </Typography>
        <Typography variant="caption" component="code" noWrap sx={{ display: 'block', color: 'text.secondary' }}>
          {group.id}
        </Typography>
      </Box>
      {row.local ? (
        <Chip size="small" label="In Liaison" />
      ) : (
        <Button size="small" onClick={() => onUse(group)} aria-label={`Use ${group.name} in Liaison`}>
          Use in Liaison
        </Button>
      )}
      <Button size="small" onClick={() => onNewFolder(group)} aria-label={`New folder under ${group.name}`}>
        New folder
      </Button>
    </Stack>
  );
});
