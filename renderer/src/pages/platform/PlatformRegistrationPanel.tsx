import { Alert, AlertTitle, Box, Button, Checkbox, FormControlLabel, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { RegistrationPlanView } from '../../../../shared/contract/platform';
import { LiaisonError } from '../../../../shared/errors';
import { manualRegistrationCommand } from '../../../../shared/platform/manual-registration-command';
import { otherTargetKinds, targetKind } from '../../../../shared/targets/target-kinds';
import { ErrorState } from '../../components/ErrorState';
import { useAssociationsQuery } from '../../queries/associations';
import { ManualRegistrationCommand } from './ManualRegistrationCommand';
import { useRegister, useRegistrationPlan } from './platform-queries';

const OFFLINE_CODES = ['PLATFORM_CHAINCTL_MISSING'];

/**
 * Register: what the group's association record on the platform holds, what registering this
 * association changes (create it; add this cloud beside the other; replace another account only after
 * an explicit confirmation, since a group holds one), then the platform's answer.
 */
export function PlatformRegistrationPanel({ associationId }: { associationId: string }) {
  const plan = useRegistrationPlan(associationId);
  const register = useRegister(associationId);
  const associations = useAssociationsQuery();
  const values = associations.data?.find((each) => each.id === associationId)?.values;
  // Without a connection the operator can still register by hand, with the exact command.
  const manualCommand = plan.error && values ? manualRegistrationCommand(values) : undefined;
  const [confirmed, setConfirmed] = useState(false);
  const headingId = `register-${associationId}`;
  const offline =
    plan.error instanceof LiaisonError && OFFLINE_CODES.includes(plan.error.code) ? plan.error : undefined;
  return (
    <Stack spacing={2} component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="h6" component="h2">
        Register on the platform
      </Typography>
      {plan.isPending ? <Typography role="status">Reading the group&apos;s association record…</Typography> : null}
      {offline ? (
        <Alert severity="info">
          <AlertTitle>Not registered — working offline</AlertTitle>
          {offline.message} {offline.remediation}
        </Alert>
      ) : plan.error ? (
        <ErrorState
          title="Not registered: the platform's record could not be read"
          error={plan.error}
          onRetry={() => void plan.refetch()}
        />
      ) : null}
      {manualCommand ? <ManualRegistrationCommand command={manualCommand} /> : null}
      {plan.data ? <PlanSummary plan={plan.data} /> : null}
      {plan.data?.kind === 'replace' ? (
        <FormControlLabel
          control={<Checkbox checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />}
          label={`Replace ${plan.data.replaces ?? ''} with this ${targetKind(plan.data.cloud).noun} on the platform`}
        />
      ) : null}
      {plan.data && plan.data.kind !== 'unchanged' ? (
        <Box>
          <Button
            variant="contained"
            disabled={plan.data.kind === 'replace' && !confirmed}
            loading={register.isPending}
            onClick={() => register.mutate(plan.data.kind === 'replace' ? plan.data.replaces : undefined)}
          >
            {register.error ? 'Retry registration' : 'Register'}
          </Button>
        </Box>
      ) : null}
      {register.error ? (
        <ErrorState
          title="Not registered: the platform refused the write"
          error={register.error}
          onRetry={() => register.mutate(plan.data?.kind === 'replace' ? plan.data.replaces : undefined)}
          retrying={register.isPending}
        />
      ) : null}
      {register.data?.check ? (
        <Alert severity={register.data.check.ready === 'Ready' ? 'success' : 'warning'} role="status">
          <AlertTitle>Registered — the platform says {register.data.check.ready}</AlertTitle>
          {register.data.check.ready === 'NotReady'
            ? `${register.data.check.reason}: ${register.data.check.message}`
            : register.data.check.ready === 'Ready'
              ? 'The platform impersonated chainguard-canary with this association.'
              : 'Apply the Terraform, then run the check.'}
        </Alert>
      ) : null}
    </Stack>
  );
}

function PlanSummary({ plan }: { plan: RegistrationPlanView }) {
  const kind = targetKind(plan.cloud);
  const what = kind.label;
  const mine = kind.recordTarget(plan.after);
  const others = otherTargetKinds(plan.cloud).map(
    (other) => `${other.label} ${(plan.before && other.recordTarget(plan.before)) ?? ''}`,
  );
  const text: Record<RegistrationPlanView['kind'], string> = {
    create: `Not registered. Registering creates the group's association record with ${what} ${mine ?? ''}.`,
    add: `Not registered. Registering adds ${what} ${mine ?? ''} to the group's record, keeping ${others.join(', ')}.`,
    unchanged: `Registered: the platform associates group ${plan.group} with ${what} ${mine ?? ''}.`,
    replace: `The platform associates group ${plan.group} with ${what} ${plan.replaces ?? ''}. A group holds one ${what}: registering replaces it with ${mine ?? ''}.`,
  };
  return (
    <Alert
      severity={plan.kind === 'unchanged' ? 'success' : plan.kind === 'replace' ? 'warning' : 'info'}
      role="status"
    >
      {text[plan.kind]}
    </Alert>
  );
}
