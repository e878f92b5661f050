import { Box, Button, Paper } from '@mui/material';
import { styled } from '@mui/material/styles';
import { memo } from 'react';
import type { GroupTarget, MappingProblem, MappingRow } from '../../../../../shared/fleet/fleet-mapping';
import { candidateKey } from '../../../../../shared/fleet/fleet-selection';
import { visuallyHidden } from '../../../components/visuallyHidden';
import { MONOSPACE_FONTS } from '../../../theme';

interface FleetMappingTableProps {
  rows: readonly MappingRow[];
  problems: ReadonlyMap<string, MappingProblem[]>;
  /** Groups an account can be mapped to instead of a new folder. */
  groups: readonly { id: string; name: string }[];
  /** The parent new folders go under (a row switched back to "new folder" gets it). */
  parentId: string;
  /** False offline: only existing (local) groups are offered. */
  canCreateFolders: boolean;
  onChange: (key: string, target: GroupTarget) => void;
  onExclude: (key: string) => void;
}

const Table = styled('table')(({ theme }) => {
  const palette = (theme.vars ?? theme).palette;
  return {
    width: '100%',
    borderCollapse: 'collapse',
    ...theme.typography.body2,
    '& th, & td': {
      textAlign: 'left',
      padding: theme.spacing(0.75, 1),
      borderBottom: `1px solid ${palette.divider}`,
      verticalAlign: 'top',
    },
    '& th': { ...theme.typography.subtitle2 },
    '& .id': { fontFamily: MONOSPACE_FONTS, fontSize: theme.typography.pxToRem(13) },
    '& .unit': { color: palette.text.secondary },
    '& select, & input': {
      font: 'inherit',
      color: palette.text.primary,
      background: 'transparent',
      border: `1px solid ${palette.divider}`,
      borderRadius: theme.shape.borderRadius,
      padding: theme.spacing(0.5, 0.75),
      maxWidth: '100%',
    },
    // Room for a templated name ("{ou}-{accountName}"), instead of the browser's 20 characters.
    '& input': { width: '24em' },
    '& input[aria-invalid="true"], & select[aria-invalid="true"]': { borderColor: palette.error.main },
    '& .problem': { color: palette.error.main, marginTop: theme.spacing(0.5) },
  };
});

/**
 * The whole mapping, one row per account, editable before anything is created: a new folder's name,
 * or an existing group instead. Plain inputs rather than MUI fields, so hundreds of rows stay light.
 */
export function FleetMappingTable({
  rows,
  problems,
  groups,
  parentId,
  canCreateFolders,
  onChange,
  onExclude,
}: FleetMappingTableProps) {
  return (
    <Paper variant="outlined" sx={{ overflowX: 'auto', maxHeight: 560, overflowY: 'auto' }}>
      <Table aria-label="Accounts and their groups">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Account</th>
            <th scope="col">Unit</th>
            <th scope="col">Group</th>
            <th scope="col">
              <Box component="span" sx={visuallyHidden}>
                Actions
              </Box>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const key = candidateKey(row.candidate);
            return (
              <MappingTableRow
                key={key}
                rowKey={key}
                index={index}
                row={row}
                problems={problems.get(key)}
                groups={groups}
                parentId={parentId}
                canCreateFolders={canCreateFolders}
                onChange={onChange}
                onExclude={onExclude}
              />
            );
          })}
        </tbody>
      </Table>
    </Paper>
  );
}

const NEW_FOLDER = '__new-folder__';

const MappingTableRow = memo(function MappingTableRow({
  rowKey,
  index,
  row,
  problems,
  groups,
  parentId,
  canCreateFolders,
  onChange,
  onExclude,
}: {
  rowKey: string;
  index: number;
  row: MappingRow;
  problems: MappingProblem[] | undefined;
  groups: readonly { id: string; name: string }[];
  parentId: string;
  canCreateFolders: boolean;
  onChange: (key: string, target: GroupTarget) => void;
  onExclude: (key: string) => void;
}) {
  const { candidate, target } = row;
  const groupProblem = problems?.filter((problem) => problem.field !== 'name');
  const nameProblem = problems?.filter((problem) => problem.field === 'name');
  const problemId = `mapping-problem-${rowKey}`;
  return (
    <tr data-account-id={candidate.id}>
      <td>{index + 1}</td>
      <td>
        {candidate.name}
        <br />
        <span className="id">{candidate.id}</span>
      </td>
      <td className="unit">{candidate.unit}</td>
      <td>
        <select
          aria-label={`Group for ${candidate.name}`}
          value={target.kind === 'existing' ? target.groupId : NEW_FOLDER}
          aria-invalid={groupProblem !== undefined && groupProblem.length > 0}
          aria-describedby={groupProblem && groupProblem.length > 0 ? problemId : undefined}
          onChange={(event) =>
            onChange(
              rowKey,
              event.target.value === NEW_FOLDER
                ? { kind: 'new-folder', parentId, name: candidate.name }
                : { kind: 'existing', groupId: event.target.value },
            )
          }
        >
          {canCreateFolders || target.kind === 'new-folder' ? (
            <option value={NEW_FOLDER}>New folder…</option>
          ) : (
            <option value="" disabled>
              Pick a group…
            </option>
          )}
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>{' '}
        {target.kind === 'new-folder' ? (
          <input
            aria-label={`New folder name for ${candidate.name}`}
            value={target.name}
            spellCheck={false}
            aria-invalid={nameProblem !== undefined && nameProblem.length > 0}
            aria-describedby={problems ? problemId : undefined}
            onChange={(event) => onChange(rowKey, { ...target, name: event.target.value })}
          />
        ) : null}
        {problems ? (
          <div id={problemId} className="problem" role="note">
            {problems.map((problem) => problem.message).join(' · ')}
          </div>
        ) : null}
      </td>
      <td>
        <Button
          size="small"
          onClick={() => onExclude(rowKey)}
          aria-label={`Exclude ${candidate.name} (${candidate.id})`}
        >
          Exclude
        </Button>
      </td>
    </tr>
  );
});
