import { Button } from '@mui/material';
import { useState } from 'react';
import { useClient } from '../../client/ClientProvider';
import { copyText } from '../../components/copy-text';
import { notify } from '../../notifications/notification-store';
import { loadRunLogText } from './run-log-text';

/** Copies a run's whole log, for a ticket or a colleague; where the clipboard is refused, says so. */
export function CopyLogButton({ runId }: { runId: string }) {
  const client = useClient();
  const [copying, setCopying] = useState(false);
  const copy = async (): Promise<void> => {
    setCopying(true);
    try {
      const outcome = await copyText(await loadRunLogText(client, runId), null);
      notify(
        outcome === 'copied' ? 'Log copied' : 'The clipboard is not available: open the log and copy it from there',
        outcome === 'copied' ? 'info' : 'error',
      );
    } catch (error) {
      notify(`Could not read the log: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      setCopying(false);
    }
  };
  return (
    <Button onClick={() => void copy()} loading={copying}>
      Copy log
    </Button>
  );
}
