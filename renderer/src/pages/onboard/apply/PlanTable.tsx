import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@mui/icons-material/KeyboardArrowRight';
import {
  Box,
  Collapse,
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef, useState } from 'react';
import type { PlanResourceChange } from '../../../../../shared/contract/terraform';
import { visuallyHidden } from '../../../components/visuallyHidden';
import { ChangeAction } from './ChangeAction';
import { formatAttributes } from './plan-attributes';

/** A collapsed change's height (px), until its rows are measured. */
const ROW_ESTIMATE = 49;
/** The sticky header's height, which sits inside the scrolled box above the first change. */
const HEADER_HEIGHT = 37;
/** Plans up to this size render every row (complete tab order); larger ones only the rows in view. */
const RENDER_ALL_UP_TO = 100;
const COLUMNS = 4;

/**
 * The reviewed plan's resource changes; each row opens to the attributes it will have. Virtualized:
 * a plan of thousands of changes renders the rows in view (each change is one `tbody`, measured, so
 * open rows keep their height), with the whole count given to assistive technology by aria-rowcount.
 */
export function PlanTable({ changes }: { changes: readonly PlanResourceChange[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const scrollRef = useRef<HTMLDivElement>(null);
  const toggle = useCallback(
    (address: string): void =>
      setOpen((current) => {
        const next = new Set(current);
        if (!next.delete(address)) next.add(address);
        return next;
      }),
    [],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the virtualizer the project chose.
  const virtualizer = useVirtualizer({
    count: changes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (index) => changes[index]?.address ?? index,
    paddingStart: HEADER_HEIGHT,
    overscan: changes.length <= RENDER_ALL_UP_TO ? RENDER_ALL_UP_TO : 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const above = first ? first.start - HEADER_HEIGHT : 0;
  const below = last ? virtualizer.getTotalSize() - last.end : 0;
  return (
    <TableContainer ref={scrollRef} sx={{ maxHeight: '60vh', border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table
        size="small"
        stickyHeader
        aria-label="Planned resource changes"
        aria-rowcount={1 + changes.length * 2}
        sx={{ tableLayout: 'fixed' }}
      >
        <TableHead>
          <TableRow aria-rowindex={1}>
            <TableCell sx={{ width: 48 }}>
              <Box component="span" sx={visuallyHidden}>
                Details
              </Box>
            </TableCell>
            <TableCell sx={{ width: 140 }}>Action</TableCell>
            <TableCell>Resource</TableCell>
            <TableCell sx={{ width: 200 }}>Type</TableCell>
          </TableRow>
        </TableHead>
        <Spacer height={above} />
        {items.map((item) => {
          const change = changes[item.index];
          if (!change) return null;
          return (
            <TableBody key={item.key} ref={virtualizer.measureElement} data-index={item.index}>
              <ChangeRows
                change={change}
                rowIndex={2 + item.index * 2}
                expanded={open.has(change.address)}
                onToggle={toggle}
              />
            </TableBody>
          );
        })}
        <Spacer height={below} />
      </Table>
    </TableContainer>
  );
}

/** The height of the rows not rendered, so the scrollbar stays true; hidden from assistive technology. */
function Spacer({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tbody aria-hidden="true">
      <tr>
        <td colSpan={COLUMNS} style={{ height, padding: 0, border: 0 }} />
      </tr>
    </tbody>
  );
}

interface ChangeRowsProps {
  change: PlanResourceChange;
  rowIndex: number;
  expanded: boolean;
  onToggle: (address: string) => void;
}

const ChangeRows = memo(function ChangeRows({ change, rowIndex, expanded, onToggle }: ChangeRowsProps) {
  const detailsId = `plan-details-${change.address.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  return (
    <>
      <TableRow aria-rowindex={rowIndex}>
        <TableCell>
          <IconButton
            size="small"
            aria-expanded={expanded}
            aria-controls={detailsId}
            aria-label={`${expanded ? 'Hide' : 'Show'} attributes of ${change.address}`}
            onClick={() => onToggle(change.address)}
          >
            {expanded ? <KeyboardArrowDownIcon /> : <KeyboardArrowRightIcon />}
          </IconButton>
        </TableCell>
        <TableCell>
          <ChangeAction action={change.action} />
        </TableCell>
        <TableCell sx={{ overflowWrap: 'anywhere' }}>
          <code>{change.address}</code>
          {change.actionReason ? (
            <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
              {change.actionReason}
            </Typography>
          ) : null}
        </TableCell>
        <TableCell sx={{ overflowWrap: 'anywhere' }}>{change.type}</TableCell>
      </TableRow>
      <TableRow aria-rowindex={rowIndex + 1}>
        <TableCell colSpan={COLUMNS} sx={{ py: 0, borderBottom: expanded ? undefined : 'none' }}>
          <Collapse in={expanded} unmountOnExit>
            <Box id={detailsId} sx={{ py: 1 }}>
              <AttributeBlock change={change} />
            </Box>
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
});

function AttributeBlock({ change }: { change: PlanResourceChange }) {
  const deleting = change.action === 'delete';
  const text = deleting
    ? formatAttributes(change.before, undefined)
    : formatAttributes(change.after, change.afterUnknown);
  return (
    <>
      <Typography variant="subtitle2" component="h4">
        {deleting ? 'Attributes being removed' : 'Attributes after apply'}
      </Typography>
      <Box
        component="pre"
        tabIndex={0}
        aria-label={`Attributes of ${change.address}`}
        sx={{ m: 0, p: 1, bgcolor: 'action.hover', overflow: 'auto', maxHeight: 400, fontSize: 13 }}
      >
        {text}
      </Box>
    </>
  );
}
