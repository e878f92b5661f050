import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { PlatformSettings } from '../../../../shared/contract/platform';
import { consoleApiUrlProblem, derivedConsoleApiUrl } from '../../../../shared/platform/console-api-url-rule';
import { environmentProblem } from '../../../../shared/terraform/platform-environment';
import { formFailureFrom, type FieldErrors } from '../../forms/field-errors';
import { notify } from '../../notifications/notification-store';
import { useSavePlatformSettings } from '../../queries/platform-settings';

const FIELDS = ['environment', 'apiUrl'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The current platform environment and its API URL, saved: every platform call for that environment
 * goes to this URL (the token is minted for it too). The URL follows the environment (its saved URL, or
 * the derived one) until it is edited; Reset to derived forgets the saved URL.
 */
export function PlatformEnvironmentForm({ settings }: { settings: PlatformSettings }) {
  const save = useSavePlatformSettings();
  const [environment, setEnvironment] = useState(settings.current);
  /** undefined: the URL field shows what the environment would use (saved, else derived). */
  const [editedUrl, setEditedUrl] = useState<string | undefined>();
  const [shown, setShown] = useState<FieldErrors<Field>>({});
  const draftEnvironment = environment.trim();
  const known = settings.environments.find((each) => each.environment === draftEnvironment);
  const apiUrl = editedUrl ?? known?.savedApiUrl ?? derivedConsoleApiUrl(draftEnvironment);
  const failure = save.error ? formFailureFrom(save.error, FIELDS) : undefined;
  const errors: FieldErrors<Field> = { ...failure?.fieldErrors, ...shown };

  const submit = (input: { environment: string; apiUrl?: string }, done: string) => {
    const problems: FieldErrors<Field> = {
      ...(environmentProblem(input.environment) ? { environment: environmentProblem(input.environment) } : {}),
      ...(input.apiUrl !== undefined && consoleApiUrlProblem(input.apiUrl)
        ? { apiUrl: consoleApiUrlProblem(input.apiUrl) }
        : {}),
    };
    setShown(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate(input, {
      onSuccess: () => {
        setEditedUrl(undefined);
        notify(done);
      },
    });
  };

  return (
    <Stack
      component="form"
      noValidate
      aria-label="Platform environment"
      sx={{ gap: 2 }}
      onSubmit={(event) => {
        event.preventDefault();
        submit(
          { environment: draftEnvironment, apiUrl: apiUrl.trim() },
          `Platform settings saved for ${draftEnvironment}`,
        );
      }}
    >
      {settings.envOverride ? (
        <Alert severity="info">
          CHAINGUARD_CONSOLE_API is set, so every platform call goes to the URL it names, whatever is saved here. Unset
          it and restart Liaison to use the saved URL.
        </Alert>
      ) : null}
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, alignItems: 'flex-start' }}>
        <TextField
          label="Platform environment"
          name="environment"
          value={environment}
          onChange={(event) => {
            setEnvironment(event.target.value);
            setShown(({ environment: _cleared, ...rest }) => rest);
          }}
          error={errors.environment !== undefined}
          helperText={errors.environment ?? 'The platform domain, such as enforce.dev'}
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
        <TextField
          label="API URL"
          name="apiUrl"
          value={apiUrl}
          onChange={(event) => {
            setEditedUrl(event.target.value);
            setShown(({ apiUrl: _cleared, ...rest }) => rest);
          }}
          error={errors.apiUrl !== undefined}
          helperText={
            errors.apiUrl ??
            `Derived: ${derivedConsoleApiUrl(draftEnvironment || 'enforce.dev')}. https, or http on 127.0.0.1 only.`
          }
          sx={{ flexGrow: 1 }}
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
      </Stack>
      {failure?.alert ? <Alert severity="error">{failure.alert.message}</Alert> : null}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button type="submit" variant="contained" loading={save.isPending}>
          Save
        </Button>
        <Button
          disabled={save.isPending}
          onClick={() => submit({ environment: draftEnvironment }, `${draftEnvironment} uses the derived API URL`)}
        >
          Reset to derived
        </Button>
      </Box>
      {settings.environments.length > 1 ? (
        <Typography variant="body2" color="text.secondary">
          Also saved:{' '}
          {settings.environments
            .filter((each) => each.environment !== settings.current)
            .map((each) => `${each.environment} (${each.apiUrl})`)
            .join(', ')}
          . Type one above to switch to it.
        </Typography>
      ) : null}
    </Stack>
  );
}
