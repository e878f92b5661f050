import {
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import type { AssociationValues } from '../../../../shared/contract/associations';
import { defaultStateKey } from '../../../../shared/terraform/backend';
import type { FieldErrors } from '../../forms/field-errors';
import type { WizardField } from './wizard-values';

type Backend = NonNullable<AssociationValues['backend']>;

interface BackendFieldsProps {
  backend: AssociationValues['backend'];
  /** The workspace the state belongs to, for the proposed state key; undefined until the target is known. */
  workspaceKey: string | undefined;
  errors: FieldErrors<WizardField>;
  onChange: (backend: Backend) => void;
}

const HELP = {
  local: 'State stays in the workspace directory on this computer: right for one operator.',
  s3: 'One state in an S3 bucket, locked with its own lock file (Terraform 1.10+): shared by operators and CI.',
  gcs: 'One state in a Cloud Storage bucket, which GCS locks: shared by operators and CI.',
} as const;

/** Where the workspace keeps its Terraform state: local (default), S3 or GCS. */
export function BackendFields({ backend, workspaceKey, errors, onChange }: BackendFieldsProps) {
  const current: Backend = backend ?? { type: 'local' };
  const set = (patch: Partial<Backend>): void => onChange({ ...current, ...patch });
  const choose = (type: Backend['type']): void => {
    const proposed = workspaceKey ? defaultStateKey(workspaceKey) : '';
    if (type === 's3')
      onChange({ type, bucket: current.bucket ?? '', key: current.key ?? proposed, region: current.region ?? '' });
    else if (type === 'gcs')
      onChange({
        type,
        bucket: current.bucket ?? '',
        prefix: current.prefix ?? (workspaceKey ? `liaison/${workspaceKey}` : ''),
      });
    else onChange({ type });
  };
  const field = (name: 'bucket' | 'key' | 'region' | 'prefix', label: string, help: string, required = true) => (
    <TextField
      label={label}
      required={required}
      value={current[name] ?? ''}
      onChange={(event) => set({ [name]: event.target.value })}
      error={errors[`backend.${name}`] !== undefined}
      helperText={errors[`backend.${name}`] ?? help}
      slotProps={{ htmlInput: { spellCheck: false } }}
    />
  );
  return (
    <Stack sx={{ gap: 2 }}>
      <FormControl error={errors['backend.type'] !== undefined}>
        <FormLabel id="backend-label">Terraform state</FormLabel>
        <RadioGroup
          row
          aria-labelledby="backend-label"
          value={current.type}
          onChange={(event) => choose(event.target.value as Backend['type'])}
        >
          <FormControlLabel value="local" control={<Radio />} label="Local" />
          <FormControlLabel value="s3" control={<Radio />} label="S3 bucket" />
          <FormControlLabel value="gcs" control={<Radio />} label="GCS bucket" />
        </RadioGroup>
        <FormHelperText>{errors['backend.type'] ?? HELP[current.type]}</FormHelperText>
      </FormControl>
      {current.type === 's3' ? (
        <>
          {field('bucket', 'State bucket', 'An existing S3 bucket the profile can read and write.')}
          {field('key', 'State key', 'The object path of this workspace’s state in the bucket.')}
          {field('region', 'Bucket region', 'The bucket’s AWS region, such as eu-west-2.')}
        </>
      ) : null}
      {current.type === 'gcs' ? (
        <>
          {field('bucket', 'State bucket', 'An existing Cloud Storage bucket the credentials can read and write.')}
          {field('prefix', 'State prefix', 'The folder for this workspace’s state in the bucket (optional).', false)}
        </>
      ) : null}
    </Stack>
  );
}
