import { Alert, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { TerraformRun } from '../../../../shared/contract/terraform';
import { useTerraformRuns } from '../../queries/terraform';
import { RunLogDialog } from './RunLogDialog';

function changeText(run: TerraformRun): string {
  if (!run.changes) return '—';
  const { add, change, remove } = run.changes;
  return `+${add} ~${change} −${remove}`;
}

function when(timestamp: string | undefined): string {
  return timestamp ? new Date(timestamp).toLocaleString() : '—';
}

/** A workspace's runs, newest first, each with its raw log. */
export function RunHistoryTable({ workspaceKey }: { workspaceKey: string }) {
  const runs = useTerraformRuns(workspaceKey);
  const [logRunId, setLogRunId] = useState<string>();
  if (runs.isError) return <Alert severity="error">Could not load runs: {runs.error.message}</Alert>;
  if (!runs.data) return <Typography role="status">Loading runs…</Typography>;
  if (runs.data.length === 0) return <Typography variant="body2">No runs yet.</Typography>;
  return (
    <>
      <Table size="small" aria-label={`Runs in ${workspaceKey}`}>
        <TableHead>
          <TableRow>
            <TableCell>Kind</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Started</TableCell>
            <TableCell>Ended</TableCell>
            <TableCell>Exit code</TableCell>
            <TableCell>Changes</TableCell>
            <TableCell>Log</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {runs.data.map((run) => (
            <TableRow key={run.id}>
              <TableCell>{run.kind}</TableCell>
              <TableCell>{run.status}</TableCell>
              <TableCell>{when(run.startedAt)}</TableCell>
              <TableCell>{when(run.endedAt)}</TableCell>
              <TableCell>{run.exitCode ?? '—'}</TableCell>
              <TableCell>{changeText(run)}</TableCell>
              <TableCell>
                <Button
                  size="small"
                  onClick={() => setLogRunId(run.id)}
                  aria-label={`View log of ${run.kind} run started ${when(run.startedAt)}`}
                >
                  View log
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {logRunId ? <RunLogDialog runId={logRunId} onClose={() => setLogRunId(undefined)} /> : null}
    </>
  );
}
