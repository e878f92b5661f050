import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import type { FormEvent, ReactNode, Ref } from 'react';
import type { FormFailure } from '../forms/field-errors';
import { FormAlert } from './FormAlert';

interface FormDialogProps {
  open: boolean;
  title: string;
  description?: ReactNode;
  submitLabel: string;
  submitColor?: 'primary' | 'error';
  /** Where the keyboard starts: the first field (the default) or Cancel, for a destructive action. */
  initialFocus?: 'content' | 'cancel';
  pending: boolean;
  /** Keeps the submit button off, for a form the dialog itself explains cannot go ahead. */
  submitDisabled?: boolean;
  alert: FormFailure<string>['alert'];
  formRef?: Ref<HTMLFormElement>;
  onSubmit: () => void;
  onClose: () => void;
  children?: ReactNode;
}

/**
 * A dialog that is a form: Enter submits, Escape and Cancel close (except while the call is in
 * flight), focus stays inside until it closes, and the submit button shows progress.
 */
export function FormDialog({
  open,
  title,
  description,
  submitLabel,
  submitColor = 'primary',
  initialFocus = 'content',
  pending,
  submitDisabled = false,
  alert,
  formRef,
  onSubmit,
  onClose,
  children,
}: FormDialogProps) {
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!pending && !submitDisabled) onSubmit();
  };
  const close = (): void => {
    if (!pending) onClose();
  };
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      {/* `display: contents` keeps title, content and actions laid out as the dialog's own children. */}
      <Box component="form" ref={formRef} noValidate onSubmit={submit} sx={{ display: 'contents' }}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <FormAlert alert={alert} />
          {description ? <DialogContentText>{description}</DialogContentText> : null}
          {children}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button
            onClick={close}
            disabled={pending}
            autoFocus={initialFocus === 'cancel'}
            // Keep focus (and so blur validation) in the field when the pointer cancels the dialog.
            onMouseDown={(event) => event.preventDefault()}
          >
            Cancel
          </Button>
          <Button
            type="submit"
            variant="contained"
            color={submitColor}
            disabled={submitDisabled}
            loading={pending}
            loadingPosition="start"
          >
            {submitLabel}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
