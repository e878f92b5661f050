import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useClient } from '../../client/ClientProvider';
import { queryKeys } from '../../client/query-keys';
import { CopyLogButton } from './CopyLogButton';
import { loadRunLogText } from './run-log-text';

/** A run's whole log (secrets already redacted by the core), diagnostics with their detail. */
export function RunLogDialog({
  runId,
  title = 'Run log',
  onClose,
}: {
  runId: string;
  title?: string;
  onClose: () => void;
}) {
  const client = useClient();
  const log = useQuery({
    queryKey: [...queryKeys.terraformRuns, 'log', runId],
    queryFn: () => loadRunLogText(client, runId),
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby="run-log-title">
      <DialogTitle id="run-log-title">{title}</DialogTitle>
      <DialogContent>
        {log.isError ? <Alert severity="error">{log.error.message}</Alert> : null}
        <Box
          component="pre"
          tabIndex={0}
          aria-label="Log lines"
          sx={{ m: 0, fontSize: 12, whiteSpace: 'pre-wrap', maxHeight: '60vh', overflow: 'auto' }}
        >
          {log.data === undefined ? 'Loading…' : log.data || '(empty)'}
        </Box>
      </DialogContent>
      <DialogActions>
        <CopyLogButton runId={runId} />
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
