import { Alert, Snackbar } from '@mui/material';
import { useNotificationStore } from './notification-store';

const AUTO_HIDE_MS = 5000;

/** Renders the current notification; polite (role="status") so it does not interrupt a screen reader. */
export function NotificationSnackbar() {
  const current = useNotificationStore((state) => state.current);
  const open = useNotificationStore((state) => state.open);
  const dismiss = useNotificationStore((state) => state.dismiss);
  if (!current) return null;
  return (
    <Snackbar
      key={current.key}
      open={open}
      autoHideDuration={current.severity === 'error' ? null : AUTO_HIDE_MS}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') dismiss();
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert
        role={current.severity === 'error' ? 'alert' : 'status'}
        severity={current.severity}
        variant="filled"
        onClose={dismiss}
        sx={{ minWidth: 280, alignItems: 'center' }}
      >
        {current.message}
      </Alert>
    </Snackbar>
  );
}
