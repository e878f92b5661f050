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
import { Fragment, useState } from 'react';
import type { PlanResourceChange } from '../../../../../shared/contract/terraform';
import { visuallyHidden } from '../../../components/visuallyHidden';
import { ChangeAction } from './ChangeAction';
import { formatAttributes } from './plan-attributes';

/** The reviewed plan's resource changes; each row opens to the attributes it will have. */
export function PlanTable({ changes }: { changes: readonly PlanResourceChange[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (address: string): void =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(address)) next.add(address);
      return next;
    });
  return (
    <TableContainer>
      <Table size="small" aria-label="Planned resource changes">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 48 }}>
              <Box component="span" sx={visuallyHidden}>
                Details
              </Box>
            </TableCell>
            <TableCell>Action</TableCell>
            <TableCell>Resource</TableCell>
            <TableCell>Type</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {changes.map((change) => {
            const expanded = open.has(change.address);
            const detailsId = `plan-details-${change.address.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
            return (
              <Fragment key={change.address}>
                <TableRow>
                  <TableCell>
                    <IconButton
                      size="small"
                      aria-expanded={expanded}
                      aria-controls={detailsId}
                      aria-label={`${expanded ? 'Hide' : 'Show'} attributes of ${change.address}`}
                      onClick={() => toggle(change.address)}
                    >
                      {expanded ? <KeyboardArrowDownIcon /> : <KeyboardArrowRightIcon />}
                    </IconButton>
                  </TableCell>
                  <TableCell>
                    <ChangeAction action={change.action} />
                  </TableCell>
                  <TableCell>
                    <code>{change.address}</code>
                    {change.actionReason ? (
                      <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
                        {change.actionReason}
                      </Typography>
                    ) : null}
                  </TableCell>
                  <TableCell>{change.type}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell colSpan={4} sx={{ py: 0, borderBottom: expanded ? undefined : 'none' }}>
                    <Collapse in={expanded} unmountOnExit>
                      <Box id={detailsId} sx={{ py: 1 }}>
                        <AttributeBlock change={change} />
                      </Box>
                    </Collapse>
                  </TableCell>
                </TableRow>
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

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
