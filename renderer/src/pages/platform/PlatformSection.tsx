import { Alert, AlertTitle, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { PlatformConnection } from '../../../../shared/contract/platform';
import { DEFAULT_ENVIRONMENT, environmentProblem } from '../../../../shared/terraform/platform-environment';
import { ErrorState } from '../../components/ErrorState';
import { usePlatformConnection, usePlatformSignIn } from './platform-queries';

/**
 * Settings → Platform: per environment, the platform API Liaison talks to and whether the operator's
 * chainctl is signed in (whose token it holds, never the token), with the exact sign-in command.
 */
export function PlatformSection() {
  const [draft, setDraft] = useState(DEFAULT_ENVIRONMENT);
  const [environment, setEnvironment] = useState(DEFAULT_ENVIRONMENT);
  const problem = environmentProblem(draft.trim());
  const connection = usePlatformConnection(environment);
  return (
    <Stack sx={{ gap: 2, maxWidth: 720 }} component="section" aria-labelledby="platform-settings-heading">
      <Typography id="platform-settings-heading" variant="h6" component="h2">
        Platform
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Groups, registration and the platform&apos;s own check go through your own <code>chainctl</code> sign-in:
        Liaison runs <code>chainctl auth token</code> and keeps the token in memory only.
      </Typography>
      <Stack
        component="form"
        direction="row"
        sx={{ gap: 2, alignItems: 'flex-start' }}
        onSubmit={(event) => {
          event.preventDefault();
          if (!problem) setEnvironment(draft.trim());
        }}
      >
        <TextField
          label="Platform environment"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          error={problem !== undefined}
          helperText={problem ?? 'The platform domain, such as enforce.dev'}
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
        <Button type="submit" variant="outlined" sx={{ mt: 1 }} loading={connection.isFetching}>
          Show status
        </Button>
      </Stack>
      {connection.error ? (
        <ErrorState
          title="The sign-in could not be read"
          error={connection.error}
          onRetry={() => void connection.refetch()}
        />
      ) : null}
      {connection.data ? (
        <ConnectionStatus connection={connection.data} onRefresh={() => void connection.refetch()} />
      ) : null}
    </Stack>
  );
}

function ConnectionStatus({ connection, onRefresh }: { connection: PlatformConnection; onRefresh: () => void }) {
  const signIn = usePlatformSignIn(connection.environment);
  const command = connection.loginCommand.join(' ');
  return (
    <Stack sx={{ gap: 2 }}>
      <Box
        component="dl"
        sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 1 }}
      >
        <dt>API URL</dt>
        <dd>
          <code>{connection.apiUrl}</code>{' '}
          <Typography variant="caption" color="text.secondary">
            {connection.apiUrlSource === 'env' ? '(from CHAINGUARD_CONSOLE_API)' : '(derived from the environment)'}
          </Typography>
        </dd>
      </Box>
      <Alert
        severity={connection.state === 'signed-in' ? 'success' : connection.state === 'signed-out' ? 'warning' : 'info'}
        role="status"
        action={
          <Button color="inherit" size="small" onClick={onRefresh}>
            Refresh
          </Button>
        }
      >
        <AlertTitle>{TITLES[connection.state]}</AlertTitle>
        {connection.state === 'signed-in' && connection.identity ? (
          <>
            Signed in as <strong>{connection.identity.email ?? connection.identity.subject}</strong>
            {connection.identity.email ? <> ({connection.identity.subject})</> : null}
            {connection.identity.expiresAt ? (
              <>; the token is renewed before {new Date(connection.identity.expiresAt).toLocaleTimeString()}.</>
            ) : (
              '.'
            )}
          </>
        ) : (
          connection.message
        )}
        {connection.remediation && connection.state !== 'signed-in' ? (
          <Box sx={{ mt: 0.5 }}>{connection.remediation}</Box>
        ) : null}
      </Alert>
      {connection.state === 'signed-out' ? (
        <Stack sx={{ gap: 1 }}>
          <Typography variant="body2">
            Sign in from a terminal with <code>{command}</code>, or here (chainctl opens your browser):
          </Typography>
          <Box>
            <Button variant="contained" onClick={() => signIn.mutate()} loading={signIn.isPending}>
              Sign in with chainctl
            </Button>
          </Box>
          {signIn.error ? (
            <ErrorState title="Sign-in did not finish" error={signIn.error} onRetry={() => signIn.mutate()} />
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}

const TITLES: Record<PlatformConnection['state'], string> = {
  'signed-in': 'Signed in',
  'signed-out': 'Signed out',
  'chainctl-missing': 'chainctl not found — working offline',
  'chainctl-failed': 'chainctl failed',
};
