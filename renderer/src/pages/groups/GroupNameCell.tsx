import LinkOffIcon from '@mui/icons-material/LinkOff';
import { Box, Chip, Stack, TableCell, Tooltip, Typography } from '@mui/material';
import type { GroupRow } from '../../../../shared/group-tree';
import type { PlatformStanding } from '../platform/usePlatformStanding';
import type { TreeGuide } from './tree-guides';

/** Horizontal room per level of nesting, in px. */
const INDENT = 24;
/** The cell's own left padding, in px (MUI's default for a table cell). */
const CELL_PADDING = 16;

// The colour comes after the `border*` shorthand, which would otherwise reset it to the text colour.
const verticalLine = { position: 'absolute', top: 0, borderLeft: 1, borderColor: 'divider' } as const;

/** The tree lines, drawn as in `tree`: ancestors' lines passing through, then ├ or └ into this row. */
function TreeGuides({ depth, guide }: { depth: number; guide: TreeGuide }) {
  if (depth === 0) return null;
  const columnLeft = (column: number): number => CELL_PADDING + column * INDENT + 6;
  const own = depth - 1;
  return (
    <Box aria-hidden sx={{ position: 'absolute', inset: 0, pointerEvents: 'none' }}>
      {guide.through.map((passes, column) =>
        passes ? <Box key={column} sx={{ ...verticalLine, bottom: 0, left: columnLeft(column) }} /> : null,
      )}
      <Box sx={{ ...verticalLine, bottom: guide.hasNextSibling ? 0 : '50%', left: columnLeft(own) }} />
      <Box
        sx={{
          position: 'absolute',
          top: '50%',
          left: columnLeft(own),
          width: INDENT - 10,
          borderTop: 1,
          borderColor: 'divider',
        }}
      />
    </Box>
  );
}

const STANDING_LABELS = {
  'not-checked': 'Not checked against the platform',
  'not-listed': 'Not on the platform',
} as const;

/** The group's name, indented to its depth, flagged when its parent is not registered here or the platform does not list it. */
export function GroupNameCell({
  row,
  guide,
  standing = 'listed',
}: {
  row: GroupRow;
  guide: TreeGuide;
  standing?: PlatformStanding;
}) {
  return (
    <TableCell sx={{ position: 'relative', pl: `${CELL_PADDING + row.depth * INDENT}px` }}>
      <TreeGuides depth={row.depth} guide={guide} />
      <Stack direction="row" sx={{ alignItems: 'center', columnGap: 1, rowGap: 0.5, flexWrap: 'wrap' }}>
        <Typography component="span" variant="body2" sx={{ fontWeight: 500, overflowWrap: 'break-word' }}>
          {row.group.name}
        </Typography>
        {row.detachedFrom ? (
          <Tooltip describeChild title={`Its parent group (${row.detachedFrom}) is not registered in Liaison.`}>
            <Chip
              size="small"
              variant="outlined"
              color="warning"
              icon={<LinkOffIcon />}
              label="Parent not registered"
              tabIndex={0}
            />
          </Tooltip>
        ) : null}
        {standing === 'listed' ? null : (
          <Typography component="span" variant="caption" sx={{ color: 'text.secondary' }}>
            {STANDING_LABELS[standing]}
          </Typography>
        )}
      </Stack>
    </TableCell>
  );
}
