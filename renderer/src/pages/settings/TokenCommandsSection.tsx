import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  IconButton,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { TOKEN_COMMAND_DEFAULT_TIMEOUT_SECONDS, type SavedTokenCommand } from '../../../../shared/contract/checks';
import { useClient } from '../../client/ClientProvider';
import { queryKeys } from '../../client/query-keys';
import { formFailureFrom } from '../../forms/field-errors';
import { notify } from '../../notifications/notification-store';
import { ProgramConfirmation } from './ProgramConfirmation';
import { invalidateQueriesNow } from '../../client/invalidate-queries';

const FIELDS = ['environment', 'command', 'timeoutSeconds', 'shell', 'launchToken'] as const;

/**
 * Settings → Checks: per platform environment, the command that prints an identity token from its
 * issuer. With one set, a check impersonates chainguard-canary live instead of stopping at Configured.
 */
export function TokenCommandsSection() {
  const client = useClient();
  const commands = useQuery({ queryKey: queryKeys.tokenCommands, queryFn: () => client.call('listTokenCommands', {}) });
  return (
    <Stack sx={{ gap: 2, maxWidth: 720 }} component="section" aria-labelledby="token-commands-heading">
      <Typography id="token-commands-heading" variant="h6" component="h2">
        Checks
      </Typography>
      <Typography variant="body2" color="text.secondary">
        A token command prints an OIDC identity token from the environment&apos;s issuer for the audience it is given
        (as <code>{'{audience}'}</code> in the command, or <code>$LIAISON_TOKEN_AUDIENCE</code>). It runs like an AWS{' '}
        <code>credential_process</code>, with a timeout; the token is used once and never stored. Liaison splits it into
        arguments and runs it without a shell, with a minimal environment, unless you choose the shell; a new or changed
        command runs only after you confirm it.
      </Typography>
      {commands.isError ? <Alert severity="error">{commands.error.message}</Alert> : null}
      {commands.data && commands.data.length > 0 ? (
        <Box component="ul" aria-label="Token commands" sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {commands.data.map((command) => (
            <TokenCommandItem key={command.environment} command={command} />
          ))}
        </Box>
      ) : null}
      {commands.data?.length === 0 ? (
        <Typography variant="body2">No token command yet: checks verify statically and report Configured.</Typography>
      ) : null}
      <TokenCommandForm />
    </Stack>
  );
}

function TokenCommandItem({ command }: { command: SavedTokenCommand }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => client.call('removeTokenCommand', { environment: command.environment }),
    onSuccess: () => invalidateQueriesNow(queryClient, { queryKey: queryKeys.tokenCommands }, { restart: true }),
  });
  const test = useMutation({
    mutationFn: () => client.call('testTokenCommand', { environment: command.environment }),
  });
  const issuer = `https://issuer.${command.environment}`;
  return (
    <Stack component="li" direction="row" sx={{ gap: 1, alignItems: 'center', py: 0.5, flexWrap: 'wrap' }}>
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
        <Typography variant="subtitle2">{command.environment}</Typography>
        <Typography variant="body2" component="code" sx={{ wordBreak: 'break-all' }}>
          {command.command}
        </Typography>{' '}
        <Typography variant="caption" color="text.secondary">
          (timeout {command.timeoutSeconds} s{command.shell ? ', through the shell' : ''})
        </Typography>
        {command.confirmed ? null : (
          <Alert severity="warning" sx={{ mt: 1 }}>
            Not confirmed: Liaison does not run this command. Save it again below and confirm it.
          </Alert>
        )}
        {test.data ? (
          <Alert severity={test.data.issuerMatches ? 'success' : 'warning'} sx={{ mt: 1 }} role="status">
            It printed a token for {test.data.subject ?? 'an unknown subject'} from{' '}
            {test.data.issuer ?? 'an unknown issuer'} (asked for audience {test.data.audience}).
            {test.data.issuerMatches
              ? ''
              : ` Live checks need a token from ${issuer}: the cloud side trusts only that issuer.`}
          </Alert>
        ) : null}
        {test.error ? (
          <Alert severity="error" sx={{ mt: 1 }}>
            {test.error.message}
          </Alert>
        ) : null}
      </Box>
      <Button
        variant="outlined"
        size="small"
        onClick={() => test.mutate()}
        loading={test.isPending}
        disabled={!command.confirmed}
        aria-label={`Test the token command for ${command.environment}`}
      >
        Test
      </Button>
      <Tooltip title={`Remove the token command for ${command.environment}`}>
        <IconButton
          aria-label={`Remove the token command for ${command.environment}`}
          onClick={() => remove.mutate()}
          loading={remove.isPending}
        >
          <DeleteOutlinedIcon />
        </IconButton>
      </Tooltip>
    </Stack>
  );
}

function TokenCommandForm() {
  const client = useClient();
  const queryClient = useQueryClient();
  const [environment, setEnvironment] = useState('enforce.dev');
  const [command, setCommand] = useState('');
  const [timeout, setTimeoutValue] = useState(String(TOKEN_COMMAND_DEFAULT_TIMEOUT_SECONDS));
  const [shell, setShell] = useState(false);
  const [launchToken, setLaunchToken] = useState('');
  const save = useMutation({
    mutationFn: () =>
      client.call('setTokenCommand', {
        environment: environment.trim(),
        command,
        timeoutSeconds: Number(timeout),
        shell,
        ...(launchToken ? { launchToken } : {}),
      }),
    onSuccess: (saved) => {
      setCommand('');
      setLaunchToken('');
      setShell(false);
      notify(`Token command for ${saved.environment} saved: live checks use it from now on`);
      return invalidateQueriesNow(queryClient, { queryKey: queryKeys.tokenCommands }, { restart: true });
    },
  });
  const failure = save.error ? formFailureFrom(save.error, FIELDS) : undefined;
  const errors = failure?.fieldErrors ?? {};
  return (
    <Stack
      component="form"
      aria-label="Set a token command"
      sx={{ gap: 2 }}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
        <TextField
          label="Platform domain (environment)"
          value={environment}
          onChange={(event) => setEnvironment(event.target.value)}
          error={errors.environment !== undefined}
          helperText={errors.environment ?? 'The issuer is https://issuer.<environment>'}
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
        <TextField
          label="Timeout (seconds)"
          type="number"
          value={timeout}
          onChange={(event) => setTimeoutValue(event.target.value)}
          error={errors.timeoutSeconds !== undefined}
          helperText={errors.timeoutSeconds ?? '1 to 600'}
          slotProps={{ htmlInput: { min: 1, max: 600 } }}
          sx={{ minWidth: 180 }}
        />
      </Stack>
      <TextField
        label="Token command"
        value={command}
        onChange={(event) => setCommand(event.target.value)}
        error={errors.command !== undefined}
        helperText={errors.command ?? 'For example: chainctl auth token --audience {audience}'}
        slotProps={{ htmlInput: { spellCheck: false } }}
        fullWidth
      />
      <FormControlLabel
        control={<Checkbox checked={shell} onChange={(event) => setShell(event.target.checked)} />}
        label="Run through the shell (for pipes, redirections or variables; it sees only a minimal environment)"
      />
      <ProgramConfirmation
        id="token-command-launch-token"
        launchToken={launchToken}
        onLaunchTokenChange={setLaunchToken}
        error={errors.launchToken}
      />
      {failure?.alert ? (
        <Alert severity="error">
          {failure.alert.message}
          {failure.alert.remediation ? <Box sx={{ mt: 0.5 }}>{failure.alert.remediation}</Box> : null}
        </Alert>
      ) : null}
      <Box>
        <Button type="submit" variant="contained" loading={save.isPending}>
          Save token command
        </Button>
      </Box>
    </Stack>
  );
}
