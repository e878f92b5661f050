import { Alert, AlertTitle, Box, Stack, TextField, Typography } from '@mui/material';
import { styled } from '@mui/material/styles';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { PlatformGroup } from '../../../../shared/contract/platform';
import type { Group } from '../../../../shared/model';
import { ErrorState } from '../../components/ErrorState';
import { useCreateGroup } from '../../queries/groups';
import { useCurrentPlatformEnvironment } from '../../queries/platform-settings';
import { NewFolderDialog } from './NewFolderDialog';
import { filterTreeRows, treeRows, type PlatformGroupRow } from './platform-group-rows';
import { usePlatformConnection, usePlatformGroups } from './platform-queries';

const ROW_HEIGHT = 52;

/**
 * Groups → On the platform: the organizations and folders the operator's sign-in can see, as a
 * virtualized tree (thousands of folders stay fast), each usable in Liaison with one click, and new
 * folders created on the platform. Groups Liaison knows that the platform does not are marked.
 */
export function PlatformGroupsSection({ localGroups }: { localGroups: readonly Group[] }) {
  const environment = useCurrentPlatformEnvironment();
  const connection = usePlatformConnection(environment);
  const signedIn = connection.data?.state === 'signed-in';
  const groups = usePlatformGroups(environment, signedIn);
  const [parent, setParent] = useState<PlatformGroup | undefined>();
  const localIds = useMemo(() => new Set(localGroups.map((g) => g.id)), [localGroups]);
  const allRows = useMemo(() => treeRows(groups.data ?? [], localIds), [groups.data, localIds]);
  const platformIds = useMemo(() => new Set((groups.data ?? []).map((g) => g.id)), [groups.data]);
  const localOnly = groups.data ? localGroups.filter((g) => !platformIds.has(g.id)) : [];
  return (
    <Stack sx={{ gap: 2 }} component="section" aria-labelledby="platform-groups-heading">
      <Typography id="platform-groups-heading" variant="h6" component="h2">
        On the platform{environment ? ` (${environment})` : ''}
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
          <FilteredTree allRows={allRows} onNewFolder={setParent} />
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
      {parent && environment ? (
        <NewFolderDialog environment={environment} parent={parent} onClose={() => setParent(undefined)} />
      ) : null}
    </Stack>
  );
}

/** The filter and the tree it narrows: a keystroke re-renders only these. */
function FilteredTree({
  allRows,
  onNewFolder,
}: {
  allRows: readonly PlatformGroupRow[];
  onNewFolder: (parent: PlatformGroup) => void;
}) {
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => filterTreeRows(allRows, filter), [allRows, filter]);
  return (
    <>
      <TextField
        label="Filter the platform's groups"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        size="small"
        sx={{ maxWidth: 420 }}
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      <Typography variant="body2" color="text.secondary">
        {rows.length === allRows.length
          ? `${allRows.length} groups on the platform`
          : `${rows.length} of ${allRows.length} groups on the platform`}
      </Typography>
      <PlatformGroupTree rows={rows} filter={filter} onNewFolder={onNewFolder} />
    </>
  );
}

const PlatformGroupTree = memo(function PlatformGroupTree({
  rows,
  filter,
  onNewFolder,
}: {
  rows: readonly PlatformGroupRow[];
  /** The filter these rows answer: the bench waits for the frame that shows it. */
  filter: string;
  onNewFolder: (parent: PlatformGroup) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const createGroup = useCreateGroup();
  const { mutate } = createGroup;
  const onUse = useCallback((group: PlatformGroup) => mutate({ mode: 'existing', ...group }), [mutate]);
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
      <TreeBox ref={scrollRef} role="list" aria-label="Groups on the platform" data-filter={filter}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={row.group.id}
                role="listitem"
                aria-setsize={rows.length}
                aria-posinset={item.index + 1}
                className="tree-row"
                style={{ transform: `translateY(${item.start}px)`, paddingLeft: 8 + row.depth * 20 }}
              >
                <PlatformGroupItem row={row} onNewFolder={onNewFolder} onUse={onUse} />
              </div>
            );
          })}
        </div>
      </TreeBox>
    </>
  );
});

/**
 * The tree's styles, once for the whole list: rows are plain elements with these classes (MUI
 * components would compute their styles again for every row a keystroke re-renders).
 */
const TreeBox = styled('div')(({ theme }) => {
  const palette = (theme.vars ?? theme).palette;
  return {
    maxHeight: 420,
    overflow: 'auto',
    border: `1px solid ${palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    '& .tree-row': {
      position: 'absolute',
      top: 0,
      left: 0,
      right: 0,
      height: ROW_HEIGHT,
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(1),
      paddingRight: theme.spacing(1),
      borderBottom: `1px solid ${palette.divider}`,
    },
    '& .tree-text': { minWidth: 0, flexGrow: 1, ...theme.typography.body2 },
    '& .tree-line': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block' },
    '& .tree-muted': { color: palette.text.secondary },
    '& .tree-id': { ...theme.typography.caption, fontFamily: 'monospace' },
    '& .tree-chip': {
      ...theme.typography.caption,
      paddingInline: 8,
      borderRadius: 12,
      lineHeight: '24px',
      backgroundColor: palette.action.selected,
      whiteSpace: 'nowrap',
    },
    // Native buttons drawn like MUI's small text Button.
    '& .tree-button': {
      ...theme.typography.button,
      fontSize: theme.typography.pxToRem(13),
      padding: '4px 5px',
      border: 0,
      borderRadius: theme.shape.borderRadius,
      background: 'none',
      color: palette.primary.main,
      cursor: 'pointer',
      whiteSpace: 'nowrap',
      '&:hover': { backgroundColor: palette.action.hover },
      '&:focus-visible': { outline: `2px solid ${palette.primary.main}`, outlineOffset: 1 },
    },
  };
});

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
    <>
      <span className="tree-text">
        <span className="tree-line">
          <strong>{group.name}</strong>
          {group.description ? <span className="tree-muted"> — {group.description}</span> : null}
        </span>
        <code className="tree-line tree-id tree-muted">{group.id}</code>
      </span>
      {row.local ? (
        <span className="tree-chip">In Liaison</span>
      ) : (
        <button
          type="button"
          className="tree-button"
          onClick={() => onUse(group)}
          aria-label={`Use ${group.name} in Liaison`}
        >
          Use in Liaison
        </button>
      )}
      <button
        type="button"
        className="tree-button"
        onClick={() => onNewFolder(group)}
        aria-label={`New folder under ${group.name}`}
      >
        New folder
      </button>
    </>
  );
});
