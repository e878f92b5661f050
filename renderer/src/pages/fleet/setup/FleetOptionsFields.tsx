import { Stack, TextField } from '@mui/material';
import { FLEET_CONCURRENCY_MAX } from '../../../../../shared/contract/fleet';
import type { FleetCloud } from '../../../../../shared/fleet/fleet-selection';
import {
  AWS_MODULE_VERSIONS,
  GCP_MODULE_VERSIONS,
  type AwsModuleVersion,
  type GcpModuleVersion,
} from '../../../../../shared/terraform/module-catalog';
import { environmentProblem } from '../../../../../shared/terraform/platform-environment';

export interface FleetOptionValues {
  name: string;
  environment: string;
  concurrency: number;
  awsModuleVersion: AwsModuleVersion;
  gcpModuleVersion: GcpModuleVersion;
}

/** What every account of the fleet shares: the run's name, the platform environment, the module version, concurrency. */
export function FleetOptionsFields({
  cloud,
  values,
  onChange,
}: {
  /** Which module version to offer: the fleet's accounts' or projects'. */
  cloud: FleetCloud;
  values: FleetOptionValues;
  onChange: (patch: Partial<FleetOptionValues>) => void;
}) {
  const environmentError = environmentProblem(values.environment.trim());
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, flexWrap: 'wrap' }}>
      <TextField
        size="small"
        label="Name of the run"
        value={values.name}
        onChange={(event) => onChange({ name: event.target.value })}
      />
      <TextField
        size="small"
        label="Platform domain (environment)"
        value={values.environment}
        onChange={(event) => onChange({ environment: event.target.value })}
        error={environmentError !== undefined}
        helperText={environmentError}
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      {cloud === 'aws' ? (
        <TextField
          size="small"
          select
          label="AWS module version"
          sx={{ minWidth: 180 }}
          value={values.awsModuleVersion}
          onChange={(event) => onChange({ awsModuleVersion: event.target.value as AwsModuleVersion })}
          slotProps={{ select: { native: true } }}
        >
          {AWS_MODULE_VERSIONS.map((version) => (
            <option key={version} value={version}>
              {version}
            </option>
          ))}
        </TextField>
      ) : (
        <TextField
          size="small"
          select
          label="GCP module version"
          sx={{ minWidth: 180 }}
          value={values.gcpModuleVersion}
          onChange={(event) => onChange({ gcpModuleVersion: event.target.value as GcpModuleVersion })}
          slotProps={{ select: { native: true } }}
        >
          {GCP_MODULE_VERSIONS.map((version) => (
            <option key={version} value={version}>
              {version}
            </option>
          ))}
        </TextField>
      )}
      <TextField
        size="small"
        type="number"
        label={cloud === 'aws' ? 'Accounts at once' : 'Projects at once'}
        value={values.concurrency}
        onChange={(event) => onChange({ concurrency: Number(event.target.value) })}
        helperText={`Concurrency, 1–${FLEET_CONCURRENCY_MAX}`}
        slotProps={{ htmlInput: { min: 1, max: FLEET_CONCURRENCY_MAX } }}
      />
    </Stack>
  );
}
