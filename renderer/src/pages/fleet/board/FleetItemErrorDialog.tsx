import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useRef } from 'react';
import type { ApiError } from '../../../../../shared/errors';
import { copyAndSay } from '../../../components/copy-text';

/** The failure the dialog shows, fixed when it opens: a retry clearing the row's error does not empty it. */
export interface FleetItemFailure {
  /** The account or project as the operator knows it, and its id. */
  name: string;
  targetId: string;
  /** "Failed (planning)", as the row's stage says it. */
  stage: string;
  error: ApiError;
}

/**
 * A failed item's whole error (the row shows it cut short): selectable, with its remediation and a
 * Copy button. Escape closes it, and focus returns to the row's message that opened it.
 */
export function FleetItemErrorDialog({ failure, onClose }: { failure: FleetItemFailure; onClose: () => void }) {
  const textRef = useRef<HTMLDivElement>(null);
  const { error } = failure;
  const whole = [error.message, error.remediation].filter(Boolean).join('\n');
  const copy = (): Promise<void> => copyAndSay(whole, textRef.current, 'error');
  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="fleet-item-error-title"
      aria-describedby="fleet-item-error-text"
    >
      <DialogTitle id="fleet-item-error-title">
        {failure.stage}: {failure.name} ({failure.targetId})
      </DialogTitle>
      <DialogContent>
        <Stack ref={textRef} id="fleet-item-error-text" sx={{ gap: 1, userSelect: 'text', overflowWrap: 'anywhere' }}>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{error.message}</Typography>
          {error.remediation ? <Typography color="text.secondary">{error.remediation}</Typography> : null}
          <Typography variant="caption" color="text.secondary">
            Error code {error.code}
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
          Copy
        </Button>
        <Button autoFocus onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
