import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import { Stack, TableCell, TableRow, Typography } from '@mui/material';
import { useRef } from 'react';
import type { GroupRow } from '../../../../shared/group-tree';
import { CopyGroupIdButton } from '../../components/CopyGroupIdButton';
import { GroupIdText } from '../../components/GroupIdText';
import { IconActionButton } from '../../components/IconActionButton';
import { RelativeTime } from '../../components/RelativeTime';
import type { PlatformStanding } from '../platform/usePlatformStanding';
import { GroupNameCell } from './GroupNameCell';
import type { TreeGuide } from './tree-guides';

interface GroupTableRowProps {
  row: GroupRow;
  guide: TreeGuide;
  onAddChild: () => void;
  onEdit: () => void;
  onDelete: () => void;
  standing?: PlatformStanding;
}

export function GroupTableRow({ row, guide, onAddChild, onEdit, onDelete, standing }: GroupTableRowProps) {
  const { group } = row;
  const idRef = useRef<HTMLElement>(null);
  return (
    <TableRow hover>
      <GroupNameCell row={row} guide={guide} {...(standing ? { standing } : {})} />
      <TableCell>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5 }}>
          <GroupIdText id={group.id} ref={idRef} maxChars={28} />
          <CopyGroupIdButton id={group.id} textRef={idRef} />
        </Stack>
      </TableCell>
      <TableCell>
        <Typography
          variant="body2"
          sx={{
            color: 'text.secondary',
            display: '-webkit-box',
            WebkitLineClamp: 2,
            WebkitBoxOrient: 'vertical',
            overflow: 'hidden',
            overflowWrap: 'break-word',
          }}
          title={group.description.length > 80 ? group.description : undefined}
        >
          {group.description}
        </Typography>
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <RelativeTime value={group.updatedAt} />
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        <IconActionButton label={`Add child group to ${group.name}`} icon={<AddIcon />} onClick={onAddChild} />
        <IconActionButton label={`Edit ${group.name}`} icon={<EditOutlinedIcon />} onClick={onEdit} />
        <IconActionButton label={`Delete ${group.name}`} icon={<DeleteOutlinedIcon />} onClick={onDelete} />
      </TableCell>
    </TableRow>
  );
}
