import { Checkbox, FormControlLabel } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useClient } from '../../client/ClientProvider';

/** "Also unset it on the platform": offered when removing an association (the other cloud's half stays). */
export function UnsetOnPlatformOption({
  checked,
  onChange,
  cloud,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  cloud: string | undefined;
}) {
  return (
    <FormControlLabel
      control={<Checkbox checked={checked} onChange={(event) => onChange(event.target.checked)} />}
      label={`Also unset it on the platform (the group's ${cloud === 'gcp' ? 'AWS account' : 'GCP project'}, if any, stays registered)`}
    />
  );
}

export function useUnsetOnPlatform() {
  const client = useClient();
  return useMutation({
    mutationFn: (associationId: string) => client.call('unsetPlatformAssociation', { associationId }),
  });
}
