import CompareArrowsOutlined from '@mui/icons-material/CompareArrowsOutlined';
import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
} from '@mui/material';
import { useState, type MouseEvent } from 'react';
import type { HealthRow } from '../../../../shared/contract/health';
import { useCheckDrift } from './health-queries';

const LABEL: Record<HealthRow['drift'], string> = {
  unknown: 'Not checked',
  'in-sync': 'In sync',
  drift: 'Drifted',
  error: 'Plan failed',
};

/**
 * Whether the workspace's resources still match its state. Not checked or in sync: a button that runs
 * the refresh-only plan. Drifted or failed: opens a dialog listing what differs (or why the plan
 * failed), from which it can be run again.
 */
export function DriftFlag({ row }: { row: HealthRow }) {
  const check = useCheckDrift();
  const [open, setOpen] = useState(false);
  // A click in the cell must not also toggle the row's selection.
  const run = (event: MouseEvent) => {
    event.stopPropagation();
    check.mutate(row.workspaceKey);
  };
  if (row.drift === 'unknown' || row.drift === 'in-sync') {
    return (
      <Button
        size="small"
        onClick={run}
        loading={check.isPending}
        title={`Run a refresh-only plan in ${row.workspaceKey}`}
        aria-label={`${LABEL[row.drift]}: check drift of workspace ${row.workspaceKey}`}
      >
        {LABEL[row.drift]}
      </Button>
    );
  }
  const drifted = row.drift === 'drift';
  const lines = (row.driftDetail ?? '').split('\n').filter(Boolean);
  const titleId = `drift-${row.associationId}`;
  return (
    <>
      <Chip
        size="small"
        variant="outlined"
        color={drifted ? 'warning' : 'error'}
        icon={<CompareArrowsOutlined />}
        label={LABEL[row.drift]}
        aria-label={`${LABEL[row.drift]}: show the differences in workspace ${row.workspaceKey}`}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      />
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} onClick={(e) => e.stopPropagation()}>
        <DialogTitle id={titleId}>
          {drifted ? `Drift in ${row.workspaceKey}` : `Drift check failed in ${row.workspaceKey}`}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {drifted
              ? 'terraform plan -refresh-only found real resources or outputs that no longer match the state:'
              : 'terraform plan -refresh-only could not finish:'}
          </DialogContentText>
          <List dense aria-label={drifted ? 'Drifted resources' : 'Plan errors'}>
            {lines.map((line) => (
              <ListItem key={line} disableGutters>
                <ListItemText primary={line} slotProps={{ primary: { sx: { fontFamily: 'monospace' } } }} />
              </ListItem>
            ))}
          </List>
          {check.error ? <Alert severity="error">{check.error.message}</Alert> : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={run} loading={check.isPending}>
            Check again
          </Button>
          <Button onClick={() => setOpen(false)}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
