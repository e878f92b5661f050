import { MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { GcpCredentialRef, GcpCredentialsListing } from '../../../../../shared/contract/gcp';
import { credentialFromKey, credentialKey, credentialOptions } from './gcp-credential-labels';

interface GcpCredentialSelectProps {
  id?: string;
  listing: GcpCredentialsListing;
  value: GcpCredentialRef | undefined;
  /** `suggestedProject`: the project the chosen configuration or ADC names, if any. */
  onChange: (credential: GcpCredentialRef | undefined, suggestedProject: string | undefined) => void;
  onBlur?: () => void;
  error?: string;
}

/** A gcloud configuration or the application default credentials, each with its principal. */
export function GcpCredentialSelect({ id, listing, value, onChange, onBlur, error }: GcpCredentialSelectProps) {
  const options = credentialOptions(listing);
  return (
    <TextField
      select
      id={id}
      label="Credentials"
      required
      value={value ? credentialKey(value) : ''}
      onChange={(event) =>
        onChange(
          credentialFromKey(event.target.value),
          options.find((o) => credentialKey(o.ref) === event.target.value)?.project,
        )
      }
      onBlur={onBlur}
      error={error !== undefined}
      helperText={error ?? 'A gcloud configuration or the application default credentials'}
    >
      {options.map((option) => (
        <MenuItem key={credentialKey(option.ref)} value={credentialKey(option.ref)}>
          <Stack>
            <span>{option.label}</span>
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {option.detail}
            </Typography>
          </Stack>
        </MenuItem>
      ))}
    </TextField>
  );
}
