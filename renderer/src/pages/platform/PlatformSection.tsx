import { Alert, AlertTitle, Box, Button, Stack, Typography } from '@mui/material';
import type { PlatformConnection } from '../../../../shared/contract/platform';
import { ErrorState } from '../../components/ErrorState';
import { usePlatformSettings } from '../../queries/platform-settings';
import { PlatformEnvironmentForm } from './PlatformEnvironmentForm';
import { usePlatformConnection, usePlatformSignIn } from './platform-queries';

/**
 * Settings → Platform: per environment, the platform API Liaison talks to and whether the operator's
 * chainctl is signed in (whose token it holds, never the token), with the exact sign-in command.
 */
export function PlatformSection() {
  const settings = usePlatformSettings();
  const environment = settings.data?.current;
  const connection = usePlatformConnection(environment);
  return (
    <Stack sx={{ gap: 2, maxWidth: 720 }} component="section" aria-labelledby="platform-settings-heading">
      <Typography id="platform-settings-heading" variant="h6" component="h2">
        Platform
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Groups, registration and the platform&apos;s own check go through your own <code>chainctl</code> sign-in:
        Liaison runs <code>chainctl auth token</code> and keeps the token in memory only. The environment saved here is
        the one the wizard proposes; each association uses the API URL saved for its own environment.
      </Typography>
      {settings.error ? (
        <ErrorState
          title="The platform settings could not be read"
          error={settings.error}
          onRetry={() => void settings.refetch()}
        />
      ) : null}
      {settings.data ? <PlatformEnvironmentForm key={settings.data.current} settings={settings.data} /> : null}
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
        <dt>Environment</dt>
        <dd>{connection.environment}</dd>
        <dt>API URL</dt>
        <dd>
          <code>{connection.apiUrl}</code>{' '}
          <Typography variant="caption" color="text.secondary">
            {SOURCES[connection.apiUrlSource]}
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

const SOURCES: Record<PlatformConnection['apiUrlSource'], string> = {
  env: '(overridden by CHAINGUARD_CONSOLE_API)',
  saved: '(saved in Settings)',
  derived: '(derived from the environment)',
};

const TITLES: Record<PlatformConnection['state'], string> = {
  'signed-in': 'Signed in',
  'signed-out': 'Signed out',
  'chainctl-missing': 'chainctl not found — working offline',
  'chainctl-failed': 'chainctl failed',
};
