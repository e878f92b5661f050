import { Autocomplete, MenuItem, Stack, TextField } from '@mui/material';
import type { AssociationValues } from '../../../../shared/contract/associations';
import { MODULE_VERSIONS, moduleVersionsFor } from '../../../../shared/terraform/module-catalog';
import { issuerUrl } from '../../../../shared/terraform/platform-environment';
import { workspaceKey } from '../../../../shared/terraform/workspace-spec';
import type { FieldErrors } from '../../forms/field-errors';
import { AWS_REGION_CODES } from './aws-region-codes';
import { BackendFields } from './BackendFields';
import { moduleVersionFor, type WizardField } from './wizard-values';

interface OptionsStepProps {
  values: AssociationValues;
  errors: FieldErrors<WizardField>;
  onChange: (change: Partial<AssociationValues>) => void;
}

/** Step 3: module version, platform environment, (legacy AWS only) audit-log regions, and the state backend. */
export function OptionsStep({ values, errors, onChange }: OptionsStepProps) {
  const cloud = values.cloud ?? 'aws';
  const version = moduleVersionFor(cloud, values.moduleVersion);
  const info = MODULE_VERSIONS[version];
  const environment = values.environment ?? '';
  return (
    <Stack sx={{ gap: 3 }}>
      <TextField
        select
        label="Module version"
        value={version}
        onChange={(event) => onChange({ moduleVersion: event.target.value })}
        error={errors.moduleVersion !== undefined}
        helperText={errors.moduleVersion ?? `${info.explanation} Generated files always pin this version.`}
      >
        {moduleVersionsFor(cloud).map((each) => (
          <MenuItem key={each} value={each}>
            {MODULE_VERSIONS[each].label}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label="Environment"
        required
        value={environment}
        onChange={(event) => onChange({ environment: event.target.value })}
        error={errors.environment !== undefined}
        helperText={
          errors.environment ??
          `The platform's domain; roles will trust the issuer ${issuerUrl(environment.trim() || 'enforce.dev')}.`
        }
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      {cloud === 'aws' && info.auditLogs ? (
        <Autocomplete
          multiple
          freeSolo
          options={AWS_REGION_CODES}
          value={values.auditLogRegions ?? []}
          onChange={(_event, regions) => onChange({ auditLogRegions: regions.map((region) => region.trim()) })}
          renderInput={(params) => (
            <TextField
              {...params}
              label="Audit-log regions"
              error={errors.auditLogRegions !== undefined}
              helperText={
                errors.auditLogRegions ??
                'Regions where the platform watches audit logs to see changes at once; one auditlogs module each.'
              }
            />
          )}
        />
      ) : null}
      <BackendFields
        backend={values.backend}
        workspaceKey={targetKey(values)}
        errors={errors}
        onChange={(backend) => onChange({ backend })}
      />
    </Stack>
  );
}

function targetKey(values: AssociationValues): string | undefined {
  if (values.cloud === 'aws' && values.accountId) return workspaceKey({ cloud: 'aws', accountId: values.accountId });
  if (values.cloud === 'gcp' && values.projectId) return workspaceKey({ cloud: 'gcp', projectId: values.projectId });
  return undefined;
}
