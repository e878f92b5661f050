import { Checkbox, FormControlLabel } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import type { TargetCloud } from '../../../../shared/targets/target-kind';
import { DEFAULT_TARGET_CLOUD, otherTargetKinds } from '../../../../shared/targets/target-kinds';
import { useClient } from '../../client/ClientProvider';
import { platformMethods, platformEvents } from '../../../../shared/contract/platform';
import { registerContract } from '../../client/contract-registry';

// This domain is not on the start page: its schemas load with the code that calls it.
registerContract({ methods: platformMethods, events: platformEvents });

/** "Also unset it on the platform": offered when removing an association (the other cloud's half stays). */
export function UnsetOnPlatformOption({
  checked,
  onChange,
  cloud,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  cloud: TargetCloud | undefined;
}) {
  return (
    <FormControlLabel
      control={<Checkbox checked={checked} onChange={(event) => onChange(event.target.checked)} />}
      label={`Also unset it on the platform (the group's ${otherTargetKinds(cloud ?? DEFAULT_TARGET_CLOUD)
        .map((kind) => kind.label)
        .join(' or ')}, if any, stays registered)`}
    />
  );
}

export function useUnsetOnPlatform() {
  const client = useClient();
  return useMutation({
    mutationFn: (associationId: string) => client.call('unsetPlatformAssociation', { associationId }),
  });
}
