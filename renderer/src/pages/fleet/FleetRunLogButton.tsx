import { Button } from '@mui/material';
import { useState } from 'react';
import { RunLogDialog } from '../workspaces/RunLogDialog';

/**
 * A board row's Terraform log (its latest init, plan or apply), in the Workspaces page's run log
 * viewer. Nothing is read until it is opened, so a board of hundreds of rows costs no queries.
 */
export function FleetRunLogButton({ runId, name }: { runId: string; name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} aria-label={`Show the Terraform log of ${name}`}>
        Log
      </Button>
      {open ? <RunLogDialog runId={runId} title={`Terraform log of ${name}`} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
