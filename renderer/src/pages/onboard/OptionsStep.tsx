import { Alert, Autocomplete, Button, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect } from 'react';
import type { AssociationValues } from '../../../../shared/contract/associations';
import { MODULE_VERSIONS, moduleVersionsFor } from '../../../../shared/terraform/module-catalog';
import { issuerUrl } from '../../../../shared/terraform/platform-environment';
import { defaultStateKey } from '../../../../shared/terraform/backend';
import { DEFAULT_TARGET_CLOUD, targetIdOf, targetKind } from '../../../../shared/targets/target-kinds';
import type { FieldErrors } from '../../forms/field-errors';
import { useAssociationsQuery } from '../../queries/associations';
import { AWS_REGION_CODES } from './aws-region-codes';
import { BackendFields } from './BackendFields';
import { ModuleSourceFields } from './ModuleSourceFields';
import { moduleVersionFor, type WizardField } from './wizard-values';
import { describeBackend, sameBackend, stateOwner, workspaceBackend, type WizardBackend } from './workspace-backend';

interface OptionsStepProps {
  values: AssociationValues;
  errors: FieldErrors<WizardField>;
  onChange: (change: Partial<AssociationValues>) => void;
}

/** Step 3: module version, platform environment, (legacy AWS only) audit-log regions, and the state backend. */
export function OptionsStep({ values, errors, onChange }: OptionsStepProps) {
  const cloud = values.cloud ?? DEFAULT_TARGET_CLOUD;
  const version = moduleVersionFor(cloud, values.moduleVersion);
  const info = MODULE_VERSIONS[version];
  const environment = values.environment ?? '';
  const key = targetKey(values);
  const associations = useAssociationsQuery().data ?? [];
  const existing = workspaceBackend(associations, key);
  const owner = stateOwner(associations, key, values.backend);
  const existingBackend = existing?.backend;
  // Joining a workspace that already has associations: start from its backend, not local state, which
  // would move every association's state back to this computer.
  useEffect(() => {
    if (values.backend === undefined && existingBackend) onChange({ backend: existingBackend });
  }, [existingBackend, onChange, values.backend]);
  // The module source is the workspace's too: a second association starts from what the first chose.
  const existingSource = existing?.moduleSource;
  useEffect(() => {
    if (values.moduleSource === undefined && existingSource) onChange({ moduleSource: existingSource });
  }, [existingSource, onChange, values.moduleSource]);
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
        label="Platform domain (environment)"
        required
        value={environment}
        onChange={(event) => onChange({ environment: event.target.value })}
        error={errors.environment !== undefined}
        helperText={
          errors.environment ??
          `The identity platform's domain (enforce.dev unless you were given another), not prod or staging; roles will trust the issuer ${issuerUrl(environment.trim() || 'enforce.dev')}.`
        }
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      {info.auditLogs ? (
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
      {existing && key && values.backend ? (
        <WorkspaceBackendNote
          workspaceKey={key}
          existing={existing.backend}
          associations={existing.associations}
          chosen={values.backend}
          onUseExisting={() => onChange({ backend: existing.backend })}
        />
      ) : null}
      {owner && key && values.backend ? (
        <Alert
          severity="error"
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() =>
                onChange({
                  backend:
                    values.backend?.type === 's3'
                      ? { ...values.backend, key: defaultStateKey(key) }
                      : { ...values.backend, type: 'gcs', prefix: `liaison/${key}` },
                })
              }
            >
              Use this workspace’s own {values.backend.type === 's3' ? 'key' : 'prefix'}
            </Button>
          }
        >
          Workspace <code>{owner}</code> keeps its state there: this workspace would read and overwrite it. Each
          workspace needs its own {values.backend.type === 's3' ? 'state key' : 'prefix'}.
        </Alert>
      ) : null}
      <ModuleSourceFields
        source={values.moduleSource}
        errors={errors}
        onChange={(moduleSource) => onChange({ moduleSource })}
      />
      <BackendFields
        backend={values.backend}
        workspaceKey={key}
        errors={errors}
        onChange={(backend) => onChange({ backend })}
      />
    </Stack>
  );
}

interface WorkspaceBackendNoteProps {
  workspaceKey: string;
  existing: WizardBackend;
  associations: number;
  chosen: WizardBackend;
  onUseExisting: () => void;
}

/** What the workspace's backend already is, and a warning when this association would change it. */
function WorkspaceBackendNote({
  workspaceKey,
  existing,
  associations,
  chosen,
  onUseExisting,
}: WorkspaceBackendNoteProps) {
  const shared = `${associations} ${associations === 1 ? 'association' : 'associations'}`;
  if (sameBackend(existing, chosen)) {
    return (
      <Alert severity="info" role="status">
        Workspace <code>{workspaceKey}</code> already keeps its state in {describeBackend(existing)}, shared by its{' '}
        {shared}: the state settings below are filled in from it.
      </Alert>
    );
  }
  return (
    <Alert
      severity="warning"
      action={
        <Button color="inherit" size="small" onClick={onUseExisting}>
          Use the workspace’s backend
        </Button>
      }
    >
      Workspace <code>{workspaceKey}</code> keeps its state in {describeBackend(existing)}, shared by its {shared}.
      Saving a different backend changes it for all of them, and Terraform then has to move the state.
    </Alert>
  );
}

function targetKey(values: AssociationValues): string | undefined {
  const id = targetIdOf(values);
  return values.cloud === undefined || !id ? undefined : targetKind(values.cloud).workspaceKey(id);
}
