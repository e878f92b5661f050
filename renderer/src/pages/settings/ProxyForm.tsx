import { Alert, Button, Stack, TextField } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useClient } from '../../client/ClientProvider';
import { queryKeys } from '../../client/query-keys';
import { formFailureFrom } from '../../forms/field-errors';
import { notify } from '../../notifications/notification-store';
import { answerWith } from '../../client/invalidate-queries';

const NETWORK_KEY = queryKeys.terraformNetwork;

/** The HTTPS proxy every Terraform run gets (HTTPS_PROXY): registry, module and provider downloads. */
export function ProxyForm() {
  const client = useClient();
  const network = useQuery({ queryKey: NETWORK_KEY, queryFn: () => client.call('getTerraformNetwork', {}) });
  if (network.isError) return <Alert severity="error">Could not read the proxy setting: {network.error.message}</Alert>;
  if (!network.data) return null;
  return <ProxyFields saved={network.data.httpsProxy} />;
}

function ProxyFields({ saved }: { saved: string | undefined }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [proxy, setProxy] = useState(saved ?? '');
  const save = useMutation({
    mutationFn: (httpsProxy: string | null) => client.call('setTerraformProxy', { httpsProxy }),
    onSuccess: async (result) => {
      await answerWith(queryClient, NETWORK_KEY, result);
      notify(result.httpsProxy ? `Terraform will use the proxy ${result.httpsProxy}` : 'Proxy cleared');
    },
  });
  const failure = save.error ? formFailureFrom(save.error, ['httpsProxy'] as const) : undefined;
  const error = failure?.fieldErrors.httpsProxy;
  return (
    <Stack
      component="form"
      noValidate
      sx={{ gap: 2 }}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(proxy.trim() === '' ? null : proxy);
      }}
    >
      <TextField
        label="HTTPS proxy for Terraform"
        value={proxy}
        onChange={(event) => setProxy(event.target.value)}
        error={error !== undefined}
        helperText={
          error ??
          'Passed to every Terraform run as HTTPS_PROXY, for registry, module and provider downloads. Empty: the proxy Liaison was started with, if any.'
        }
        placeholder="http://proxy.example.com:3128"
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      {failure?.alert ? <Alert severity="error">{failure.alert.message}</Alert> : null}
      <Stack direction="row" sx={{ gap: 1 }}>
        <Button type="submit" variant="contained" loading={save.isPending}>
          Save proxy
        </Button>
        <Button
          disabled={saved === undefined}
          onClick={() => {
            setProxy('');
            save.mutate(null);
          }}
        >
          Clear proxy
        </Button>
      </Stack>
    </Stack>
  );
}
