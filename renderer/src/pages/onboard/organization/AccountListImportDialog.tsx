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
  ListItemButton,
  ListItemText,
  Stack,
  TextField,
} from '@mui/material';
import { useMemo, useState, type ChangeEvent } from 'react';
import { importAccountList, type ImportedAccount } from '../../../../../shared/account-list-import';

type AccountListImportDialogProps = {
  open: boolean;
  onClose: () => void;
  title?: string;
} & (
  | { /** Pick one account of the list (the wizard). */ onPick: (account: ImportedAccount) => void; onAddAll?: never }
  | {
      /** Add every good row at once, keeping the deploy order (the fleet page). */
      onAddAll: (accounts: ImportedAccount[]) => void;
      onPick?: never;
    }
);

/**
 * Paste or open an `accounts.json` (or a CSV list); each row is checked, and a good one can be picked,
 * or every good one added at once.
 */
export function AccountListImportDialog({
  open,
  onPick,
  onAddAll,
  onClose,
  title = 'Import a list of accounts',
}: AccountListImportDialogProps) {
  const [text, setText] = useState('');
  const result = useMemo(() => (text.trim() === '' ? undefined : importAccountList(text)), [text]);
  const openFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    if (file) void file.text().then(setText);
  };
  const count = result?.accounts.length ?? 0;
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby="account-import-title">
      <DialogTitle id="account-import-title">{title}</DialogTitle>
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
            helperText='accounts.json ({"name": {"id": "…", "email": "…", "deploy_order": 1}} or {"name": "id"}), or CSV lines: name,id,email. Deploy order sets the apply order.'
            slotProps={{ htmlInput: { spellCheck: false } }}
          />
          {result && result.problems.length > 0 ? (
            <Alert severity="warning" role="status">
              <AlertTitle>
                {result.problems.length} {result.problems.length === 1 ? 'row was' : 'rows were'} not imported
              </AlertTitle>
              <List dense aria-label="Rows not imported" disablePadding>
                {result.problems.map((problem) => (
                  <ListItem key={`${problem.row}-${problem.message}`} disableGutters>
                    {problem.row}: {problem.message}
                  </ListItem>
                ))}
              </List>
            </Alert>
          ) : null}
          {onPick && result && result.accounts.length > 0 ? (
            <List aria-label="Imported accounts" dense>
              {result.accounts.map((account) => (
                <ListItem key={account.id} disablePadding>
                  <ListItemButton onClick={() => onPick(account)}>
                    <ListItemText
                      primary={`${account.name} · ${account.id}`}
                      secondary={[
                        account.email,
                        account.deployOrder === undefined ? undefined : `deploy order ${account.deployOrder}`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    />
                  </ListItemButton>
                </ListItem>
              ))}
            </List>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        {onAddAll ? (
          <Button
            variant="contained"
            disabled={count === 0}
            onClick={() => {
              onAddAll(result?.accounts ?? []);
              setText('');
              onClose();
            }}
          >
            Add {count} {count === 1 ? 'account' : 'accounts'}
          </Button>
        ) : null}
      </DialogActions>
    </Dialog>
  );
}
