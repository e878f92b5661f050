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
import { targetKind } from '../../../../../shared/targets/target-kinds';

export interface FleetOptionValues {
  name: string;
  environment: string;
  concurrency: number;
  awsModuleVersion: AwsModuleVersion;
  gcpModuleVersion: GcpModuleVersion;
}

/** Each cloud's module versions to offer: a cloud missing here does not compile. */
const MODULE_VERSIONS: { readonly [C in FleetCloud]: { label: string; versions: readonly string[] } } = {
  aws: { label: 'AWS module version', versions: AWS_MODULE_VERSIONS },
  gcp: { label: 'GCP module version', versions: GCP_MODULE_VERSIONS },
};

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
  const kind = targetKind(cloud);
  const option = kind.fleetModuleVersionOption;
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
      <TextField
        size="small"
        select
        label={MODULE_VERSIONS[cloud].label}
        sx={{ minWidth: 180 }}
        value={values[option]}
        // The version is one of the options listed for this cloud's kind.
        onChange={(event) => onChange({ [option]: event.target.value } as Partial<FleetOptionValues>)}
        slotProps={{ select: { native: true } }}
      >
        {MODULE_VERSIONS[cloud].versions.map((version) => (
          <option key={version} value={version}>
            {version}
          </option>
        ))}
      </TextField>
      <TextField
        size="small"
        type="number"
        label={`${kind.noun.charAt(0).toUpperCase()}${kind.noun.slice(1)}s at once`}
        value={values.concurrency}
        onChange={(event) => onChange({ concurrency: Number(event.target.value) })}
        helperText={`Concurrency, 1–${FLEET_CONCURRENCY_MAX}`}
        slotProps={{ htmlInput: { min: 1, max: FLEET_CONCURRENCY_MAX } }}
      />
    </Stack>
  );
}
