import ContentCopyOutlinedIcon from '@mui/icons-material/ContentCopyOutlined';
import OpenInNewOutlinedIcon from '@mui/icons-material/OpenInNewOutlined';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Stack,
  Typography,
} from '@mui/material';
import { useRef, useState } from 'react';
import type { AwsSsoSignIn } from '../../../../../shared/contract/aws';
import { LiaisonError } from '../../../../../shared/errors';
import { useClient } from '../../../client/ClientProvider';
import { copyText } from '../../../components/copy-text';
import { IconActionButton } from '../../../components/IconActionButton';
import { notify } from '../../../notifications/notification-store';
import { useAwsPromptStore } from './aws-prompt-store';

/** The device-flow sign-in: the code to confirm, the page to confirm it on, and a way out. */
export function AwsSsoSignInDialog() {
  const signIn = useAwsPromptStore((state) => state.signIn);
  return signIn ? <SignInPrompt key={signIn.signInId} signIn={signIn} /> : null;
}

function SignInPrompt({ signIn }: { signIn: AwsSsoSignIn }) {
  const client = useClient();
  const clearSignIn = useAwsPromptStore((state) => state.clearSignIn);
  const [openError, setOpenError] = useState<string | undefined>();
  const [shown, setShown] = useState<{ url: string; reason: string } | undefined>();
  const codeRef = useRef<HTMLOutputElement>(null);
  const titleId = `sso-sign-in-title-${signIn.signInId}`;
  const target = signIn.ssoSession ? `SSO session ${signIn.ssoSession}` : signIn.startUrl;

  const openPage = async (): Promise<void> => {
    try {
      const result = await client.call('openAwsSsoVerificationPage', { signInId: signIn.signInId });
      if (result.action === 'navigate') window.open(result.url, '_blank', 'noopener,noreferrer');
      if (result.action === 'show') setShown({ url: result.url, reason: result.reason });
    } catch (error) {
      setOpenError(error instanceof LiaisonError ? error.message : 'The sign-in page could not be opened');
    }
  };
  const cancel = (): void => {
    clearSignIn(signIn.signInId);
    void client.call('cancelAwsSsoSignIn', { signInId: signIn.signInId }).catch(() => undefined);
  };

  return (
    <Dialog open onClose={cancel} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>Sign in to AWS SSO</DialogTitle>
      <DialogContent>
        <DialogContentText>
          To verify <strong>{signIn.profile}</strong>, sign in to {target}: open the sign-in page and confirm that it
          shows this code.
        </DialogContentText>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, my: 2 }}>
          <Typography
            component="output"
            ref={codeRef}
            aria-label="Sign-in code"
            sx={{ fontFamily: 'monospace', fontSize: '2rem', letterSpacing: '0.15em', fontWeight: 600 }}
          >
            {signIn.userCode}
          </Typography>
          <IconActionButton
            label="Copy code"
            icon={<ContentCopyOutlinedIcon />}
            onClick={() =>
              void copyText(signIn.userCode, codeRef.current).then((outcome) =>
                notify(
                  outcome === 'copied'
                    ? 'Code copied'
                    : outcome === 'selected'
                      ? 'Code selected: copy it with Ctrl+C'
                      : 'Could not copy the code',
                  outcome === 'failed' ? 'error' : 'success',
                ),
              )
            }
          />
        </Stack>
        <Typography variant="body2" sx={{ color: 'text.secondary', wordBreak: 'break-all' }}>
          Sign-in page: {signIn.verificationUri}
        </Typography>
        {shown ? (
          <Box role="alert" sx={{ mt: 1 }}>
            <Typography variant="body2" sx={{ color: 'warning.main' }}>
              {shown.reason}
            </Typography>
            <Typography variant="body2" component="code" sx={{ wordBreak: 'break-all' }}>
              {shown.url}
            </Typography>
          </Box>
        ) : null}
        {openError ? (
          <Typography variant="body2" role="alert" sx={{ color: 'error.main', mt: 1 }}>
            {openError}
          </Typography>
        ) : null}
        <Box sx={{ mt: 3 }}>
          <Typography variant="body2" id={`${titleId}-waiting`} sx={{ mb: 1 }}>
            Waiting for you to approve the request in your browser…
          </Typography>
          <LinearProgress aria-labelledby={`${titleId}-waiting`} />
        </Box>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={cancel}>Cancel</Button>
        <Button variant="contained" startIcon={<OpenInNewOutlinedIcon />} onClick={() => void openPage()} autoFocus>
          Open sign-in page
        </Button>
      </DialogActions>
    </Dialog>
  );
}
