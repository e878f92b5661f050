import { Alert, Button, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Stack } from '@mui/material';
import { useId, type ReactNode } from 'react';
import type { AccessPathDraft } from '../../../../../shared/aws-access-path';
import type { GcpCredentialRef } from '../../../../../shared/contract/gcp';
import type { FleetCloud } from '../../../../../shared/fleet/fleet-selection';
import type { FieldErrors } from '../../../forms/field-errors';
import { useGcpCredentialsQuery } from '../../../queries/gcp';
import { AwsProfilePicker } from '../../credentials/aws/AwsProfilePicker';
import { GcpCredentialSelect } from '../../credentials/gcp/GcpCredentialSelect';
import { NoGcpCredentials } from '../../credentials/gcp/GcpCredentialsPanel';
import { AccessPathFields } from '../../onboard/AccessPathFields';
import type { WizardField } from '../../onboard/wizard-values';

export interface FleetCredentials {
  cloud: FleetCloud;
  profile: string | undefined;
  accessPath: AccessPathDraft;
  gcpCredential: GcpCredentialRef | undefined;
}

const CLOUD_CHOICES: readonly { cloud: FleetCloud; label: string }[] = [
  { cloud: 'aws', label: 'AWS accounts' },
  { cloud: 'gcp', label: 'Google Cloud projects' },
];

interface CloudFieldsProps {
  value: FleetCredentials;
  pathErrors: FieldErrors<WizardField>;
  onChange: (patch: Partial<FleetCredentials>) => void;
}

/** Each cloud's credential fields: a cloud missing here does not compile. */
const CLOUD_FIELDS: { readonly [C in FleetCloud]: (props: CloudFieldsProps) => ReactNode } = {
  aws: ({ value, pathErrors, onChange }) => (
    <>
      <AwsProfilePicker
        label="Management or security profile"
        value={value.profile ?? null}
        onChange={(profile) => onChange({ profile: profile ?? undefined })}
      />
      <AccessPathFields
        path={value.accessPath}
        profile={value.profile}
        errors={pathErrors}
        onChange={(accessPath) => onChange({ accessPath })}
      />
    </>
  ),
  gcp: ({ value, onChange }) => (
    <GcpCredentialFields value={value.gcpCredential} onChange={(gcpCredential) => onChange({ gcpCredential })} />
  ),
};

/**
 * What the fleet onboards and the local credentials that reach it: an AWS profile and the way into
 * each member account, or a gcloud configuration / ADC (the pickers the wizard's Cloud step uses).
 */
export function FleetCredentialsFields({
  value,
  pathErrors,
  onChange,
}: {
  value: FleetCredentials;
  pathErrors: FieldErrors<WizardField>;
  onChange: (patch: Partial<FleetCredentials>) => void;
}) {
  const labelId = useId();
  const CloudFields = CLOUD_FIELDS[value.cloud];
  return (
    <>
      <FormControl>
        <FormLabel id={labelId}>Onboard</FormLabel>
        <RadioGroup
          row
          aria-labelledby={labelId}
          value={value.cloud}
          onChange={(event) =>
            onChange({ cloud: CLOUD_CHOICES.find((choice) => choice.cloud === event.target.value)?.cloud ?? 'aws' })
          }
        >
          {CLOUD_CHOICES.map((choice) => (
            <FormControlLabel key={choice.cloud} value={choice.cloud} control={<Radio />} label={choice.label} />
          ))}
        </RadioGroup>
      </FormControl>
      <CloudFields value={value} pathErrors={pathErrors} onChange={onChange} />
    </>
  );
}

function GcpCredentialFields({
  value,
  onChange,
}: {
  value: GcpCredentialRef | undefined;
  onChange: (credential: GcpCredentialRef | undefined) => void;
}) {
  const listing = useGcpCredentialsQuery();
  if (listing.isPending) return <Alert severity="info">Reading your Google Cloud credentials…</Alert>;
  if (!listing.data) {
    return <Alert severity="error">Could not read your Google Cloud credentials: {listing.error?.message}</Alert>;
  }
  const none = listing.data.configurations.length === 0 && listing.data.adc.status === 'missing';
  return (
    <Stack sx={{ gap: 2 }}>
      <NoGcpCredentials listing={listing.data} />
      {none ? (
        <div>
          <Button onClick={() => void listing.refetch()} loading={listing.isFetching}>
            Refresh
          </Button>
        </div>
      ) : null}
      <GcpCredentialSelect listing={listing.data} value={value} onChange={(credential) => onChange(credential)} />
    </Stack>
  );
}
