import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { RunLogEntry } from '../../../../shared/contract/terraform';
import { useClient } from '../../client/ClientProvider';
import { queryKeys } from '../../client/query-keys';

/** One line of the stored log, as Terraform said it (its message, or the raw text). */
function logLine(entry: RunLogEntry): string {
  const event = entry.event;
  if (event.type === 'raw') return `[${event.stream}] ${event.text}`;
  return `${event.timestamp} ${event.type}: ${event.message}`;
}

/** A run's raw log (secrets already redacted by the core), the first 5000 lines. */
export function RunLogDialog({ runId, onClose }: { runId: string; onClose: () => void }) {
  const client = useClient();
  const log = useQuery({
    queryKey: [...queryKeys.terraformRuns, 'log', runId],
    queryFn: () => client.call('getTerraformRunLog', { runId, limit: 5000 }),
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby="run-log-title">
      <DialogTitle id="run-log-title">Run log</DialogTitle>
      <DialogContent>
        {log.isError ? <Alert severity="error">{log.error.message}</Alert> : null}
        <Box
          component="pre"
          tabIndex={0}
          aria-label="Log lines"
          sx={{ m: 0, fontSize: 12, whiteSpace: 'pre-wrap', maxHeight: '60vh', overflow: 'auto' }}
        >
          {log.data ? log.data.entries.map(logLine).join('\n') || '(empty)' : 'Loading…'}
          {log.data?.nextSeq !== undefined ? '\n… (more lines in the store)' : ''}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
