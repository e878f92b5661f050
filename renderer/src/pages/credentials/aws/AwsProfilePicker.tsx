import { Autocomplete, Box, Button, Chip, Stack, TextField, Typography, createFilterOptions } from '@mui/material';
import { useState } from 'react';
import type { AwsIdentity, AwsProfile } from '../../../../../shared/contract/aws';
import { MONOSPACE_FONTS } from '../../../theme';
import { AwsCredentialPrompts } from './AwsCredentialPrompts';
import { kindLabels } from './aws-profile-labels';
import { useAwsProfilesQuery, useVerifyProfile } from './aws-profile-queries';

interface AwsProfilePickerProps {
  /** The chosen profile's name. */
  value: string | null;
  onChange: (profile: string | null) => void;
  /** Called with the verified identity (e.g. to fill the AWS account id in the wizard). */
  onVerified?: (identity: AwsIdentity, profile: string) => void;
  label?: string;
  error?: string;
}

// Matches name, account and type; shows at most 100 at once so thousands of profiles stay quick.
const filterOptions = createFilterOptions<AwsProfile>({
  limit: 100,
  stringify: (profile) =>
    `${profile.name} ${profile.accountId ?? ''} ${kindLabels[profile.kind]} ${profile.region ?? ''}`,
});

/**
 * Choose an AWS profile by name, account or type, then verify it: the wizard takes the account id
 * from the identity STS returns, not from what the config claims.
 */
export function AwsProfilePicker({ value, onChange, onVerified, label = 'AWS profile', error }: AwsProfilePickerProps) {
  const query = useAwsProfilesQuery();
  const verify = useVerifyProfile();
  const [status, setStatus] = useState<{ verifying: boolean; message?: string; failed?: boolean }>({
    verifying: false,
  });
  const profiles = query.data?.profiles ?? [];
  const selected = profiles.find((profile) => profile.name === value) ?? null;

  const verifySelected = async (): Promise<void> => {
    if (!selected) return;
    setStatus({ verifying: true });
    const result = await verify(selected.name);
    if (result.ok) {
      setStatus({ verifying: false, message: `${result.identity.arn} (account ${result.identity.account})` });
      onVerified?.(result.identity, selected.name);
    } else {
      setStatus({
        verifying: false,
        failed: true,
        message: `${result.error.message}${result.error.remediation ? ` ${result.error.remediation}` : ''}`,
      });
    }
  };

  return (
    <Stack sx={{ gap: 1 }}>
      <AwsCredentialPrompts />
      <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
        <Autocomplete
          sx={{ flexGrow: 1 }}
          options={profiles}
          value={selected}
          loading={query.isPending}
          filterOptions={filterOptions}
          getOptionLabel={(profile) => profile.name}
          isOptionEqualToValue={(option, chosen) => option.name === chosen.name}
          onChange={(_event, profile) => {
            setStatus({ verifying: false });
            onChange(profile?.name ?? null);
          }}
          renderOption={({ key, ...props }, profile) => (
            <Box component="li" key={key} {...props} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
              <Typography sx={{ flexGrow: 1 }}>{profile.name}</Typography>
              <Chip size="small" label={kindLabels[profile.kind]} />
              <Typography
                variant="body2"
                sx={{ fontFamily: MONOSPACE_FONTS, color: 'text.secondary', minWidth: '8rem' }}
              >
                {profile.accountId ?? ''}
              </Typography>
            </Box>
          )}
          renderInput={(params) => (
            <TextField
              {...params}
              label={label}
              error={error !== undefined || query.isError}
              helperText={
                error ?? (query.isError ? 'Could not read your AWS profiles' : 'Search by name, account or type')
              }
            />
          )}
        />
        <Button
          variant="outlined"
          disabled={!selected}
          loading={status.verifying}
          onClick={() => void verifySelected()}
          sx={{ mt: 1 }}
        >
          Verify
        </Button>
      </Stack>
      {status.message ? (
        <Typography
          variant="body2"
          role="status"
          sx={{ color: status.failed ? 'error.main' : 'success.main', wordBreak: 'break-all' }}
        >
          {status.message}
        </Typography>
      ) : null}
    </Stack>
  );
}
