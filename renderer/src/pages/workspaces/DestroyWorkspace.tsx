import { Button, Stack, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { ApplyStep } from '../wizard/apply/ApplyStep';

/**
 * A destroy run for a workspace: "Plan destroy" → the reviewed `plan -destroy` → confirmation naming
 * what is destroyed → apply of that saved plan. The workspace files and its state are never removed.
 */
export function DestroyWorkspace({ workspaceKey, offered }: { workspaceKey: string; offered: boolean }) {
  const [open, setOpen] = useState(offered);
  const headingId = useId();
  if (!open) {
    return (
      <div>
        <Button color="error" variant="outlined" onClick={() => setOpen(true)}>
          Destroy…
        </Button>
      </div>
    );
  }
  return (
    <Stack component="section" aria-labelledby={headingId} sx={{ gap: 1 }}>
      <Typography id={headingId} variant="subtitle2" component="h3">
        Destroy resources in {workspaceKey}
      </Typography>
      <ApplyStep workspaceKey={workspaceKey} destroy />
    </Stack>
  );
}
