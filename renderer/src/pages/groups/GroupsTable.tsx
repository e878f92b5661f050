import { Box, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useMemo } from 'react';
import { buildGroupRows } from '../../../../shared/group-tree';
import type { Group } from '../../../../shared/model';
import { visuallyHidden } from '../../components/visuallyHidden';
import { countDescendants } from './group-descendants';
import { usePlatformStanding } from '../platform/usePlatformStanding';
import { GroupTableRow } from './GroupTableRow';
import { treeGuides } from './tree-guides';
import { useGroupsUiStore } from './groups-ui-store';

/** Every registered group as an indented tree, each with its actions. */
export function GroupsTable({ groups }: { groups: readonly Group[] }) {
  const rows = useMemo(() => buildGroupRows(groups), [groups]);
  const guides = useMemo(() => treeGuides(rows), [rows]);
  const openDialog = useGroupsUiStore((state) => state.openDialog);
  const standingOf = usePlatformStanding();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table aria-label="Groups" size="small" sx={{ '& td, & th': { py: 1 } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ minWidth: '14rem' }}>Name</TableCell>
            <TableCell>Group ID</TableCell>
            <TableCell sx={{ minWidth: '12rem' }}>Description</TableCell>
            <TableCell>Updated</TableCell>
            <TableCell align="right">
              <Box component="span" sx={visuallyHidden}>
                Actions
              </Box>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, index) => (
            <GroupTableRow
              key={row.group.id}
              row={row}
              guide={guides[index] ?? { through: [], hasNextSibling: false }}
              standing={standingOf(row.group.id)}
              onAddChild={() => openDialog({ kind: 'create', mode: 'child', parent: row.group })}
              onEdit={() => openDialog({ kind: 'edit', group: row.group })}
              onDelete={() =>
                openDialog({
                  kind: 'delete',
                  group: row.group,
                  descendantCount: countDescendants(groups, row.group.id),
                })
              }
            />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
