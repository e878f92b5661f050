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
import { PUBLIC_MODULE_NAMESPACE } from '../../../../shared/terraform/module-source';
import type { FieldErrors } from '../../forms/field-errors';
import type { WizardField } from './wizard-values';

type ModuleSourceValues = NonNullable<AssociationValues['moduleSource']>;

const HELP = {
  registry: 'Terraform downloads the module from registry.terraform.io.',
  'private-registry':
    'A registry in your network that mirrors the module (Terraform Cloud/Enterprise, Artifactory, …). Its token comes from your Terraform CLI configuration.',
  local:
    'A copy of the module on this computer: its directory, or a .zip or .tar.gz archive of it. No download at all.',
} as const;

interface ModuleSourceFieldsProps {
  source: AssociationValues['moduleSource'];
  errors: FieldErrors<WizardField>;
  onChange: (source: ModuleSourceValues) => void;
}

/** Where Terraform gets the association module: kept per workspace, like the backend. */
export function ModuleSourceFields({ source, errors, onChange }: ModuleSourceFieldsProps) {
  const current: ModuleSourceValues = source ?? { type: 'registry' };
  const text = (name: 'host' | 'namespace' | 'path', label: string, help: string, required = true) => (
    <TextField
      label={label}
      required={required}
      value={current[name] ?? ''}
      onChange={(event) => onChange({ ...current, [name]: event.target.value })}
      error={errors[`moduleSource.${name}`] !== undefined}
      helperText={errors[`moduleSource.${name}`] ?? help}
      slotProps={{ htmlInput: { spellCheck: false } }}
    />
  );
  return (
    <Stack sx={{ gap: 2 }}>
      <FormControl>
        <FormLabel id="module-source-label">Module source</FormLabel>
        <RadioGroup
          row
          aria-labelledby="module-source-label"
          value={current.type}
          onChange={(event) => onChange({ ...current, type: event.target.value as ModuleSourceValues['type'] })}
        >
          <FormControlLabel value="registry" control={<Radio />} label="Public registry" />
          <FormControlLabel value="private-registry" control={<Radio />} label="Private registry" />
          <FormControlLabel value="local" control={<Radio />} label="Directory or archive" />
        </RadioGroup>
        <FormHelperText>{HELP[current.type]}</FormHelperText>
      </FormControl>
      {current.type === 'private-registry' ? (
        <>
          {text('host', 'Registry host', 'Such as registry.example.com.')}
          {text(
            'namespace',
            'Registry namespace',
            `Where the module is published there (default ${PUBLIC_MODULE_NAMESPACE}).`,
            false,
          )}
        </>
      ) : null}
      {current.type === 'local'
        ? text('path', 'Module path', 'Absolute path of the module directory or archive, e.g. /opt/modules/aws.')
        : null}
    </Stack>
  );
}
