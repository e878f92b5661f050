import {
  Alert,
  AlertTitle,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  Stack,
  TextField,
} from '@mui/material';
import { useMemo, useState, type ChangeEvent } from 'react';
import { importAccountList } from '../../../../../shared/account-list-import';
import { candidatesFromImport, type FleetCandidate } from '../../../../../shared/fleet/fleet-selection';

interface FleetImportDialogProps {
  open: boolean;
  onAdd: (candidates: FleetCandidate[]) => void;
  onClose: () => void;
}

/** Every account of an `accounts.json` (or CSV list) at once, keeping its deploy order; bad rows are listed. */
export function FleetImportDialog({ open, onAdd, onClose }: FleetImportDialogProps) {
  const [text, setText] = useState('');
  const result = useMemo(() => (text.trim() === '' ? undefined : importAccountList(text)), [text]);
  const openFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    if (file) void file.text().then(setText);
  };
  const count = result?.accounts.length ?? 0;
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby="fleet-import-title">
      <DialogTitle id="fleet-import-title">Add accounts from accounts.json</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }}>
          <Button variant="outlined" component="label" sx={{ alignSelf: 'flex-start' }}>
            Open accounts.json…
            <input type="file" accept=".json,.csv,.txt,application/json,text/csv" hidden onChange={openFile} />
          </Button>
          <TextField
            label="Accounts"
            multiline
            minRows={4}
            maxRows={12}
            value={text}
            onChange={(event) => setText(event.target.value)}
            helperText='accounts.json ({"name": {"id": "…", "deploy_order": 1}}), or CSV lines: name,id. Deploy order sets the apply order.'
            slotProps={{ htmlInput: { spellCheck: false } }}
          />
          {result && result.problems.length > 0 ? (
            <Alert severity="warning" role="status">
              <AlertTitle>
                {result.problems.length} {result.problems.length === 1 ? 'row is' : 'rows are'} left out
              </AlertTitle>
              <List dense aria-label="Rows left out" disablePadding>
                {result.problems.map((problem) => (
                  <ListItem key={`${problem.row}-${problem.message}`} disableGutters>
                    {problem.row}: {problem.message}
                  </ListItem>
                ))}
              </List>
            </Alert>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={count === 0}
          onClick={() => {
            onAdd(candidatesFromImport(result?.accounts ?? []));
            setText('');
            onClose();
          }}
        >
          Add {count} {count === 1 ? 'account' : 'accounts'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
