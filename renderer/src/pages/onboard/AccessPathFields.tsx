import {
  Alert,
  Autocomplete,
  FormControl,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import {
  DEFAULT_SESSION_SECONDS,
  ORGANIZATION_ACCESS_ROLE,
  SUGGESTED_ROLE_NAMES,
  type AccessPathDraft,
} from '../../../../shared/aws-access-path';
import type { FieldErrors } from '../../forms/field-errors';
import { MONOSPACE_FONTS } from '../../theme';
import type { WizardField } from './wizard-values';

interface AccessPathFieldsProps {
  path: AccessPathDraft | undefined;
  profile: string | undefined;
  errors: FieldErrors<WizardField>;
  onChange: (path: AccessPathDraft) => void;
}

const DURATIONS = [
  { seconds: 900, label: '15 minutes' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 14_400, label: '4 hours' },
  { seconds: 43_200, label: '12 hours (the role must allow it)' },
] as const;

const monospace = { spellCheck: false, style: { fontFamily: MONOSPACE_FONTS } } as const;

/**
 * How Liaison and Terraform reach the account: the profile is the account's own, or the profile is in
 * a management account and a role in the member account is assumed from it (seeds 001–003).
 */
const PARTITIONS = [
  { value: 'aws', label: 'aws (commercial regions)' },
  { value: 'aws-us-gov', label: 'aws-us-gov (GovCloud US)' },
  { value: 'aws-cn', label: 'aws-cn (China)' },
] as const;

export function AccessPathFields({ path, profile, errors, onChange }: AccessPathFieldsProps) {
  const current: AccessPathDraft = path ?? { kind: 'profile' };
  const set = (patch: Partial<AccessPathDraft>): void => onChange({ ...current, ...patch });
  const roleName = current.roleName ?? ORGANIZATION_ACCESS_ROLE;
  const source = profile ? `“${profile}”` : 'the profile';
  return (
    <Stack sx={{ gap: 2 }}>
      <FormControl>
        <FormLabel id="wizard-access-path-label">How Liaison reaches the account</FormLabel>
        <RadioGroup
          aria-labelledby="wizard-access-path-label"
          value={current.kind}
          onChange={(event) =>
            onChange(
              event.target.value === 'assume-role'
                ? { kind: 'assume-role', roleName, durationSeconds: current.durationSeconds ?? DEFAULT_SESSION_SECONDS }
                : { kind: 'profile' },
            )
          }
        >
          <FormControlLabel value="profile" control={<Radio />} label={`With ${source}: it is the account’s own`} />
          <FormControlLabel
            value="assume-role"
            control={<Radio />}
            label={`From ${source}, assume a role in the account (management or security account)`}
          />
        </RadioGroup>
      </FormControl>
      {current.kind === 'assume-role' ? (
        <>
          <Autocomplete
            freeSolo
            options={SUGGESTED_ROLE_NAMES}
            value={roleName}
            onInputChange={(_event, value) => set({ roleName: value })}
            renderInput={(params) => (
              <TextField
                {...params}
                label="Role in the account"
                required
                error={errors['accessPath.roleName'] !== undefined}
                helperText={
                  errors['accessPath.roleName'] ??
                  'OrganizationAccountAccessRole (accounts AWS Organizations created), AWSControlTowerExecution (Control Tower), or a role whose trust names the source account'
                }
                slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, ...monospace } }}
              />
            )}
          />
          {roleName === ORGANIZATION_ACCESS_ROLE ? (
            <Alert severity="info">
              Only accounts that AWS Organizations created have {ORGANIZATION_ACCESS_ROLE}; an account invited into the
              organization does not, unless someone created it there.
            </Alert>
          ) : null}
          <TextField
            label="External ID (optional)"
            value={current.externalId ?? ''}
            onChange={(event) => set({ externalId: event.target.value })}
            error={errors['accessPath.externalId'] !== undefined}
            helperText={
              errors['accessPath.externalId'] ??
              'When the role’s trust requires sts:ExternalId: 2–1224 letters, digits and + = , . @ : / _ -'
            }
            slotProps={{ htmlInput: monospace }}
          />
          <TextField
            label="Session name (optional)"
            value={current.sessionName ?? ''}
            onChange={(event) => set({ sessionName: event.target.value })}
            error={errors['accessPath.sessionName'] !== undefined}
            helperText={
              errors['accessPath.sessionName'] ??
              'Shown in the member account’s CloudTrail; liaison-<your user name> when empty'
            }
            slotProps={{ htmlInput: monospace }}
          />
          <TextField
            select
            label="Session duration"
            value={current.durationSeconds ?? DEFAULT_SESSION_SECONDS}
            onChange={(event) => set({ durationSeconds: Number(event.target.value) })}
            error={errors['accessPath.durationSeconds'] !== undefined}
            helperText={errors['accessPath.durationSeconds'] ?? 'How long Terraform’s assumed credentials last'}
          >
            {DURATIONS.map((duration) => (
              <MenuItem key={duration.seconds} value={duration.seconds}>
                {duration.label}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label="AWS partition"
            value={current.partition ?? 'aws'}
            onChange={(event) => set({ partition: event.target.value })}
            error={errors['accessPath.partition'] !== undefined}
            helperText={
              errors['accessPath.partition'] ??
              'The role ARN’s partition: the source profile’s own, as a role cannot be assumed across partitions'
            }
          >
            {PARTITIONS.map((partition) => (
              <MenuItem key={partition.value} value={partition.value}>
                {partition.label}
              </MenuItem>
            ))}
          </TextField>
        </>
      ) : null}
    </Stack>
  );
}
