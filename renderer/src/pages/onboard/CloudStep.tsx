import {
  Alert,
  Button,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { ORGANIZATION_ACCESS_ROLE, partitionOfArn } from '../../../../shared/aws-access-path';
import type { AssociationValues } from '../../../../shared/contract/associations';
import type { OrganizationAccount } from '../../../../shared/contract/organizations';
import { allTargetKinds } from '../../../../shared/targets/target-kinds';
import type { TargetCloud } from '../../../../shared/targets/target-kind';
import type { FieldErrors } from '../../forms/field-errors';
import { MONOSPACE_FONTS } from '../../theme';
import { AwsProfilePicker } from '../credentials/aws/AwsProfilePicker';
import { GcpCredentialProjectPicker } from '../credentials/gcp/GcpCredentialProjectPicker';
import { NoGcpCredentials } from '../credentials/gcp/GcpCredentialsPanel';
import { useGcpCredentialsQuery } from '../../queries/gcp';
import { AccessPathFields } from './AccessPathFields';
import { AccountListImportDialog } from './organization/AccountListImportDialog';
import { GcpProjectTreeDialog } from './organization/GcpProjectTreeDialog';
import { OrganizationPickerDialog } from './organization/OrganizationPickerDialog';
import type { WizardField } from './wizard-values';

interface CloudStepProps {
  values: AssociationValues;
  errors: FieldErrors<WizardField>;
  /** The account the chosen profile verified as, to warn when the typed account differs. */
  verifiedAccount: string | undefined;
  onVerifiedAccount: (account: string | undefined) => void;
  onChange: (change: Partial<AssociationValues>) => void;
}

/** Step 2: AWS (profile → verified account id) or GCP (configuration/ADC → project id and number). */
export function CloudStep({ values, errors, verifiedAccount, onVerifiedAccount, onChange }: CloudStepProps) {
  return (
    <Stack sx={{ gap: 3 }}>
      <FormControl error={errors.cloud !== undefined}>
        <FormLabel id="wizard-cloud-label">Cloud</FormLabel>
        <RadioGroup
          row
          aria-labelledby="wizard-cloud-label"
          value={values.cloud ?? ''}
          onChange={(event) => {
            const kind = allTargetKinds().find((each) => each.cloud === event.target.value);
            if (kind) onChange({ cloud: kind.cloud });
          }}
        >
          {allTargetKinds().map((kind) => (
            <FormControlLabel key={kind.cloud} value={kind.cloud} control={<Radio />} label={kind.choice} />
          ))}
        </RadioGroup>
        {errors.cloud ? <FormHelperText>{errors.cloud}</FormHelperText> : null}
      </FormControl>
      {values.cloud === undefined
        ? null
        : TARGET_FIELDS[values.cloud]({ values, errors, verifiedAccount, onVerifiedAccount, onChange })}
    </Stack>
  );
}

function AwsFields({ values, errors, verifiedAccount, onVerifiedAccount, onChange }: CloudStepProps) {
  // Through a role the profile is another account's (the source): its account is not the target.
  const viaRole = values.accessPath?.kind === 'assume-role';
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<OrganizationAccount>();
  const [importing, setImporting] = useState(false);
  const roleName = values.accessPath?.roleName ?? ORGANIZATION_ACCESS_ROLE;
  const mismatch =
    !viaRole &&
    verifiedAccount !== undefined &&
    values.accountId !== undefined &&
    values.accountId.trim() !== verifiedAccount;
  return (
    <Stack sx={{ gap: 2 }}>
      <AwsProfilePicker
        value={values.profile ?? null}
        error={errors.profile}
        onChange={(profile) => {
          onVerifiedAccount(undefined);
          onChange({ profile: profile ?? undefined });
        }}
        onVerified={(identity) => {
          onVerifiedAccount(identity.account);
          if (!viaRole) onChange({ accountId: identity.account });
          // A role is assumed within the source's own partition (GovCloud, China): follow it.
          const partition = partitionOfArn(identity.arn);
          if (viaRole && values.accessPath && partition && partition !== (values.accessPath.partition ?? 'aws')) {
            onChange({ accessPath: { ...values.accessPath, partition } });
          }
        }}
      />
      <AccessPathFields
        path={values.accessPath}
        profile={values.profile}
        errors={errors}
        onChange={(accessPath) => onChange({ accessPath })}
      />
      <TextField
        label="AWS account id"
        required
        value={values.accountId ?? ''}
        onChange={(event) => onChange({ accountId: event.target.value })}
        error={errors.accountId !== undefined}
        helperText={
          errors.accountId ??
          (viaRole
            ? 'The member account the role is in; 12 digits'
            : 'Filled in when the profile is verified; 12 digits')
        }
        slotProps={{ htmlInput: { inputMode: 'numeric', spellCheck: false, style: { fontFamily: MONOSPACE_FONTS } } }}
      />
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        {viaRole && values.profile ? (
          <Button variant="outlined" onClick={() => setPicking(true)}>
            Pick from the organization
          </Button>
        ) : null}
        <Button variant="outlined" onClick={() => setImporting(true)}>
          Import a list of accounts
        </Button>
      </Stack>
      {viaRole && values.profile ? (
        <OrganizationPickerDialog
          open={picking}
          profile={values.profile}
          roleName={roleName}
          onClose={() => setPicking(false)}
          onPick={(account) => {
            setPicked(account);
            setPicking(false);
            onChange({ accountId: account.id });
          }}
        />
      ) : null}
      <AccountListImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        onPick={(account) => {
          setImporting(false);
          onChange({ accountId: account.id });
        }}
      />
      {viaRole &&
      picked &&
      picked.id === values.accountId?.trim() &&
      picked.joinedMethod === 'INVITED' &&
      roleName === ORGANIZATION_ACCESS_ROLE ? (
        <Alert severity="warning">
          {picked.name} was invited into the organization, so it has no {ORGANIZATION_ACCESS_ROLE} unless someone
          created it there. Choose a role that exists in it.
        </Alert>
      ) : null}
      {mismatch ? (
        <Alert severity="warning">
          The profile’s credentials belong to account {verifiedAccount}, not {values.accountId}. Terraform will refuse
          to apply with them.
        </Alert>
      ) : null}
    </Stack>
  );
}

function GcpFields({ values, errors, onChange }: Pick<CloudStepProps, 'values' | 'errors' | 'onChange'>) {
  const listing = useGcpCredentialsQuery();
  const [picking, setPicking] = useState(false);
  if (listing.isPending) return <Alert severity="info">Reading your Google Cloud credentials…</Alert>;
  if (!listing.data) {
    return <Alert severity="error">Could not read your Google Cloud credentials: {listing.error?.message}</Alert>;
  }
  const none = listing.data.configurations.length === 0 && listing.data.adc.status === 'missing';
  return (
    <>
      <NoGcpCredentials listing={listing.data} />
      {none ? (
        <div>
          <Button onClick={() => void listing.refetch()} loading={listing.isFetching}>
            Refresh
          </Button>
        </div>
      ) : null}
      <GcpCredentialProjectPicker
        listing={listing.data}
        value={{
          credential: values.credential,
          projectId: values.projectId ?? '',
          projectNumber: values.projectNumber ?? '',
          project: undefined,
        }}
        errors={{ credential: errors.credential, projectId: errors.projectId, projectNumber: errors.projectNumber }}
        onChange={(choice) =>
          onChange({ credential: choice.credential, projectId: choice.projectId, projectNumber: choice.projectNumber })
        }
      />
      {values.credential ? (
        <>
          <div>
            <Button variant="outlined" onClick={() => setPicking(true)}>
              Pick from an organization or folder
            </Button>
          </div>
          <GcpProjectTreeDialog
            open={picking}
            credential={values.credential}
            onClose={() => setPicking(false)}
            onPick={(project) => {
              setPicking(false);
              onChange({ projectId: project.projectId, projectNumber: project.projectNumber });
            }}
          />
        </>
      ) : null}
    </>
  );
}

/** The Cloud step's fields for each target kind. */
const TARGET_FIELDS: { readonly [C in TargetCloud]: (props: CloudStepProps) => ReactNode } = {
  aws: (props) => <AwsFields {...props} />,
  gcp: ({ values, errors, onChange }) => <GcpFields values={values} errors={errors} onChange={onChange} />,
};
