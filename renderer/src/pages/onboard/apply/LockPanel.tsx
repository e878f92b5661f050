import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import type { TerraformLockInfo } from '../../../../../shared/contract/terraform';
import { formFailureFrom } from '../../../forms/field-errors';
import { useForceUnlock } from '../../../queries/terraform';

interface LockPanelProps {
  workspaceKey: string;
  lock: TerraformLockInfo;
  onUnlocked: () => void;
}

/** A lock another process holds: who, when, doing what; force-unlock only after typing its id. */
export function LockPanel({ workspaceKey, lock, onUnlocked }: LockPanelProps) {
  const [open, setOpen] = useState(false);
  return (
    <Alert severity="warning" action={<Button onClick={() => setOpen(true)}>Force unlock…</Button>}>
      <AlertTitle>State locked</AlertTitle>
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2 }}>
        <dt>Held by</dt>
        <dd>{lock.who || 'unknown'}</dd>
        <dt>Since</dt>
        <dd>{lock.created || 'unknown'}</dd>
        <dt>Operation</dt>
        <dd>{lock.operation || 'unknown'}</dd>
        <dt>Lock id</dt>
        <dd>
          <code>{lock.id}</code>
        </dd>
      </Box>
      {open ? (
        <ForceUnlockDialog
          workspaceKey={workspaceKey}
          lock={lock}
          onClose={() => setOpen(false)}
          onUnlocked={() => {
            setOpen(false);
            onUnlocked();
          }}
        />
      ) : null}
    </Alert>
  );
}

function ForceUnlockDialog({ workspaceKey, lock, onClose, onUnlocked }: LockPanelProps & { onClose: () => void }) {
  const [typed, setTyped] = useState('');
  const unlock = useForceUnlock();
  const failure = unlock.error ? formFailureFrom(unlock.error, ['confirmLockId', 'lockId'] as const) : undefined;
  const mismatch = typed !== '' && typed !== lock.id;
  const submit = (): void =>
    unlock.mutate(
      { workspaceKey, lockId: lock.id, confirmLockId: typed },
      { onSuccess: (run) => (run.status === 'succeeded' ? onUnlocked() : undefined) },
    );
  return (
    <Dialog open onClose={onClose} aria-labelledby="force-unlock-title">
      <DialogTitle id="force-unlock-title">Force-unlock the state?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Only do this when certain that no other Terraform run (by {lock.who || 'anyone'}) is still working on this
          state: two runs writing one state can corrupt it. Type the lock id <code>{lock.id}</code> to confirm.
        </DialogContentText>
        <TextField
          autoFocus
          fullWidth
          margin="normal"
          label="Lock id"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          error={mismatch || failure?.fieldErrors.confirmLockId !== undefined}
          helperText={
            failure?.fieldErrors.confirmLockId ??
            failure?.fieldErrors.lockId ??
            (mismatch ? 'Type the lock id exactly as shown' : ' ')
          }
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
        {failure?.alert ? <Alert severity="error">{failure.alert.message}</Alert> : null}
        {unlock.data && unlock.data.status !== 'succeeded' ? (
          <Alert severity="error">{unlock.data.error?.message ?? 'force-unlock failed'}</Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Keep the lock</Button>
        <Button
          color="error"
          variant="contained"
          disabled={typed !== lock.id}
          loading={unlock.isPending}
          onClick={submit}
        >
          Force unlock
        </Button>
      </DialogActions>
    </Dialog>
  );
}
