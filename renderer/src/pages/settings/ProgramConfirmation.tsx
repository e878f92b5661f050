import { TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useClient } from '../../client/ClientProvider';
import { queryKeys } from '../../client/query-keys';

/** Which host this is: the web host confirms a program with the launch token, Electron with a dialog. */
export function useConfirmsWithLaunchToken(): boolean {
  const client = useClient();
  const info = useQuery({ queryKey: queryKeys.appInfo, queryFn: () => client.call('getAppInfo', {}) });
  return info.data?.host === 'web';
}

/**
 * The confirmation step of a form that sets a program Liaison will run. In the browser: the launch
 * token, which the page itself never holds, so a script in it cannot confirm anything. In Electron:
 * a line saying a system dialog will ask.
 */
export function ProgramConfirmation({
  id,
  launchToken,
  onLaunchTokenChange,
  error,
}: {
  id: string;
  launchToken: string;
  onLaunchTokenChange: (value: string) => void;
  error: string | undefined;
}) {
  const withLaunchToken = useConfirmsWithLaunchToken();
  if (!withLaunchToken) {
    return (
      <Typography variant="body2" color="text.secondary">
        Liaison shows the exact program in a system dialog and runs it only if you choose Allow.
      </Typography>
    );
  }
  return (
    <TextField
      id={id}
      label="Launch token"
      type="password"
      value={launchToken}
      onChange={(event) => onLaunchTokenChange(event.target.value)}
      error={error !== undefined}
      helperText={
        error ??
        'To confirm the program, paste the token from the address Liaison printed when it started (the part after ?token=).'
      }
      autoComplete="off"
      slotProps={{ htmlInput: { spellCheck: false } }}
      fullWidth
    />
  );
}
