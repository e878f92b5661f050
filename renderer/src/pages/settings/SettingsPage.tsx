import { Alert, AlertTitle, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TerraformBinaryStatus } from '../../../../shared/contract/terraform';
import { useClient } from '../../client/ClientProvider';
import { queryKeys } from '../../client/query-keys';
import { formFailureFrom } from '../../forms/field-errors';
import { useTerraformBinary } from '../../queries/terraform';
import { PlatformSection } from '../platform/PlatformSection';
import { notify } from '../../notifications/notification-store';
import { ProxyForm } from './ProxyForm';
import { ProgramConfirmation } from './ProgramConfirmation';
import { TokenCommandsSection } from './TokenCommandsSection';
import { answerWith } from '../../client/invalidate-queries';

/** Settings: which Terraform Liaison runs (and a custom path to it), and the checks' token commands. */
export function SettingsPage() {
  return (
    <Stack sx={{ gap: 5 }}>
      <TerraformSection />
      <PlatformSection />
      <TokenCommandsSection />
    </Stack>
  );
}

function TerraformSection() {
  const binary = useTerraformBinary();
  return (
    <Stack sx={{ gap: 3, maxWidth: 720 }} component="section" aria-labelledby="terraform-settings-heading">
      <Typography id="terraform-settings-heading" variant="h6" component="h2">
        Terraform
      </Typography>
      {binary.isPending ? <Typography role="status">Looking for Terraform…</Typography> : null}
      {binary.isError ? <Alert severity="error">Could not check for Terraform: {binary.error.message}</Alert> : null}
      {binary.data ? <BinaryStatus status={binary.data} /> : null}
      {binary.data ? <BinaryPathForm configuredPath={binary.data.configuredPath} /> : null}
      <ProxyForm />
    </Stack>
  );
}

function BinaryStatus({ status }: { status: TerraformBinaryStatus }) {
  if (status.status !== 'found') {
    return (
      <Alert severity="error">
        <AlertTitle>No usable Terraform</AlertTitle>
        {status.error.message}
        {status.error.remediation ? <Box sx={{ mt: 0.5 }}>{status.error.remediation}</Box> : null}
      </Alert>
    );
  }
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 1 }}>
      <dt>Found</dt>
      <dd>
        {status.flavor} <code>{status.path}</code>
      </dd>
      <dt>Version</dt>
      <dd>{status.version}</dd>
      <dt>Required</dt>
      <dd>{status.minimumVersion} or newer</dd>
    </Box>
  );
}

function BinaryPathForm({ configuredPath }: { configuredPath: string | undefined }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [path, setPath] = useState(configuredPath ?? '');
  const [launchToken, setLaunchToken] = useState('');
  const save = useMutation({
    mutationFn: (next: string | null) =>
      client.call('setTerraformBinaryPath', { path: next, ...(launchToken ? { launchToken } : {}) }),
    onSuccess: async (status) => {
      setLaunchToken('');
      await answerWith(queryClient, queryKeys.terraformBinary, status);
      notify(status.configuredPath ? 'Terraform path saved' : 'Terraform is looked up on PATH');
    },
  });
  const failure = save.error ? formFailureFrom(save.error, ['path', 'launchToken'] as const) : undefined;
  // A path that was saved but gives no usable binary is a problem with that field.
  const unusable =
    save.data && save.data.status !== 'found' && save.data.configuredPath ? save.data.error.message : undefined;
  const error = failure?.fieldErrors.path ?? unusable;
  return (
    <Stack
      component="form"
      aria-label="Set the Terraform path"
      sx={{ gap: 2 }}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(path.trim() === '' ? null : path);
      }}
    >
      <TextField
        label="Custom Terraform path"
        value={path}
        onChange={(event) => setPath(event.target.value)}
        error={error !== undefined}
        helperText={error ?? 'The full path to terraform or tofu. Leave empty to search PATH.'}
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      <ProgramConfirmation
        id="terraform-path-launch-token"
        launchToken={launchToken}
        onLaunchTokenChange={setLaunchToken}
        error={failure?.fieldErrors.launchToken}
      />
      {failure?.alert ? (
        <Alert severity="error">
          {failure.alert.message}
          {failure.alert.remediation ? <Box sx={{ mt: 0.5 }}>{failure.alert.remediation}</Box> : null}
        </Alert>
      ) : null}
      <Stack direction="row" sx={{ gap: 1 }}>
        <Button type="submit" variant="contained" loading={save.isPending}>
          Save path
        </Button>
        <Button
          disabled={configuredPath === undefined}
          onClick={() => {
            setPath('');
            save.mutate(null);
          }}
        >
          Use PATH
        </Button>
      </Stack>
    </Stack>
  );
}
