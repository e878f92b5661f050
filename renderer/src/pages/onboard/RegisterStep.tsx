import { Stack, Typography } from '@mui/material';
import { PlatformRegistrationPanel } from '../platform/PlatformRegistrationPanel';

/**
 * The wizard's Register step: the group's association record on the platform, the change this
 * association makes to it, and the platform's answer. Registering is not required to go on: without a
 * connection the panel gives the chainctl command to run by hand, and the association's page can
 * register it later.
 */
export function RegisterStep({ associationId }: { associationId: string }) {
  return (
    <Stack spacing={2}>
      <Typography variant="body2">
        The platform holds one association record per group (at most one AWS account and one GCP project). Register this
        association there so the platform trusts it and can run its own check. You can also go on to Apply and register
        it later from the association&apos;s page.
      </Typography>
      <PlatformRegistrationPanel associationId={associationId} />
    </Stack>
  );
}
