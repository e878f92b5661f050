import { Alert, Autocomplete, Button, Stack, TextField } from '@mui/material';
import { useId, useState } from 'react';
import type { GcpCredentialRef, GcpCredentialsListing, GcpProject } from '../../../../../shared/contract/gcp';
import { gcpProjectIdSchema, gcpProjectNumberSchema } from '../../../../../shared/gcp-validation';
import { validateValue, type FieldErrors, type FormFailure } from '../../../forms/field-errors';
import { MONOSPACE_FONTS } from '../../../theme';
import { credentialOptions } from './gcp-credential-labels';
import { GcpCredentialSelect } from './GcpCredentialSelect';
import { gcpFormFailure } from './gcp-form-failure';
import { useLookupGcpProject } from '../../../queries/gcp';

/** What the picker holds: the credential, the project id as typed, and its number (typed or looked up). */
export interface GcpProjectChoice {
  credential: GcpCredentialRef | undefined;
  projectId: string;
  projectNumber: string;
  /** The project as Google described it, when the number came from a lookup of exactly this id. */
  project: GcpProject | undefined;
}

export type GcpProjectChoiceField = 'credential' | 'projectId' | 'projectNumber';

const FIELDS: readonly GcpProjectChoiceField[] = ['credential', 'projectId', 'projectNumber'];

/** A first choice: the active configuration when there is one, else ADC; its project pre-filled. */
export function initialGcpProjectChoice(listing: GcpCredentialsListing | undefined): GcpProjectChoice {
  const active = listing?.configurations.find((c) => c.active);
  const credential: GcpCredentialRef | undefined = active
    ? { kind: 'configuration', name: active.name }
    : listing?.adc.status === 'found'
      ? { kind: 'adc' }
      : undefined;
  return { credential, projectId: active?.project ?? '', projectNumber: '', project: undefined };
}

/** Field-level problems of a choice, with the same rules the main process applies. */
export function gcpProjectChoiceErrors(choice: GcpProjectChoice): FieldErrors<GcpProjectChoiceField> {
  const errors: FieldErrors<GcpProjectChoiceField> = {};
  if (!choice.credential) errors.credential = 'Choose the credentials to use';
  const idProblem = validateValue(gcpProjectIdSchema, choice.projectId);
  if (idProblem) errors.projectId = idProblem;
  const numberProblem = validateValue(gcpProjectNumberSchema, choice.projectNumber);
  if (numberProblem) errors.projectNumber = numberProblem;
  return errors;
}

interface GcpCredentialProjectPickerProps {
  listing: GcpCredentialsListing;
  value: GcpProjectChoice;
  onChange: (next: GcpProjectChoice) => void;
  /** Errors the caller found (e.g. on its own submit); shown beside the fields. */
  errors?: FieldErrors<GcpProjectChoiceField>;
}

/**
 * Choose a gcloud configuration or ADC, type or pick a project id, and have the project number
 * filled in by a lookup (Cloud Resource Manager). Controlled: the wizard owns the value.
 */
export function GcpCredentialProjectPicker({ listing, value, onChange, errors = {} }: GcpCredentialProjectPickerProps) {
  const id = useId();
  const lookup = useLookupGcpProject();
  const [own, setOwn] = useState<FormFailure<GcpProjectChoiceField>>({ fieldErrors: {}, alert: undefined });
  const [touched, setTouched] = useState<Partial<Record<GcpProjectChoiceField, boolean>>>({});
  const options = credentialOptions(listing);
  const projectSuggestions = [...new Set(options.map((o) => o.project).filter((p): p is string => Boolean(p)))];
  const shown = { ...errors, ...own.fieldErrors };

  const update = (next: Partial<GcpProjectChoice>, field: GcpProjectChoiceField): void => {
    const merged = { ...value, ...next };
    // A number looked up for another id or credential would be wrong for this one: drop it, keep what was typed.
    const stale = value.project && (merged.projectId.trim() !== value.project.projectId || field === 'credential');
    const choice = stale ? { ...merged, project: undefined, projectNumber: '' } : merged;
    onChange(choice);
    if (touched[field])
      setOwn((f) => ({ ...f, fieldErrors: { ...f.fieldErrors, [field]: gcpProjectChoiceErrors(choice)[field] } }));
  };

  const blur = (field: GcpProjectChoiceField): void => {
    setTouched((t) => ({ ...t, [field]: true }));
    setOwn((f) => ({ ...f, fieldErrors: { ...f.fieldErrors, [field]: gcpProjectChoiceErrors(value)[field] } }));
  };

  const runLookup = (): void => {
    const problems = gcpProjectChoiceErrors(value);
    const blocking: FieldErrors<GcpProjectChoiceField> = {
      credential: problems.credential,
      projectId: problems.projectId,
    };
    setTouched((t) => ({ ...t, credential: true, projectId: true }));
    if (!value.credential || blocking.credential || blocking.projectId) {
      setOwn({ fieldErrors: blocking, alert: undefined });
      document.getElementById(blocking.credential ? `${id}-credential` : `${id}-project-id`)?.focus();
      return;
    }
    setOwn({ fieldErrors: {}, alert: undefined });
    const projectId = value.projectId.trim();
    lookup.mutate(
      { credential: value.credential, projectId },
      {
        onSuccess: (project) =>
          onChange({ ...value, projectId: project.projectId, projectNumber: project.projectNumber, project }),
        onError: (error) => setOwn(gcpFormFailure(error, FIELDS)),
      },
    );
  };

  const project = value.project;
  return (
    <Stack sx={{ gap: 2 }}>
      <GcpCredentialSelect
        id={`${id}-credential`}
        listing={listing}
        value={value.credential}
        onChange={(credential, suggested) =>
          update({ credential, ...(value.projectId === '' && suggested ? { projectId: suggested } : {}) }, 'credential')
        }
        onBlur={() => blur('credential')}
        error={shown.credential}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, alignItems: { sm: 'flex-start' } }}>
        <Autocomplete
          freeSolo
          options={projectSuggestions}
          inputValue={value.projectId}
          onInputChange={(_event, text, reason) => {
            if (reason !== 'reset' || text !== '') update({ projectId: text }, 'projectId');
          }}
          sx={{ flex: 1 }}
          renderInput={(params) => (
            <TextField
              {...params}
              id={`${id}-project-id`}
              label="Project ID"
              required
              onBlur={() => blur('projectId')}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.defaultPrevented) {
                  event.preventDefault();
                  runLookup();
                }
              }}
              error={shown.projectId !== undefined}
              helperText={shown.projectId ?? 'The name-like id, e.g. my-project-123'}
              slotProps={{
                ...params.slotProps,
                htmlInput: {
                  ...params.slotProps.htmlInput,
                  spellCheck: false,
                  autoComplete: 'off',
                  style: { fontFamily: MONOSPACE_FONTS },
                },
              }}
            />
          )}
        />
        <Button
          variant="outlined"
          onClick={runLookup}
          loading={lookup.isPending}
          loadingPosition="start"
          sx={{ mt: { sm: 1 } }}
        >
          Look up
        </Button>
      </Stack>
      <TextField
        id={`${id}-project-number`}
        label="Project number"
        required
        value={value.projectNumber}
        onChange={(event) => update({ projectNumber: event.target.value.trim(), project: undefined }, 'projectNumber')}
        onBlur={() => blur('projectNumber')}
        error={shown.projectNumber !== undefined}
        helperText={
          shown.projectNumber ??
          (project ? `${project.name} · ${project.state}` : 'Filled in by Look up, or type the digits yourself')
        }
        slotProps={{ htmlInput: { inputMode: 'numeric', spellCheck: false, style: { fontFamily: MONOSPACE_FONTS } } }}
      />
      {own.alert ? (
        <Alert severity="error" role="alert">
          {own.alert.message}
          {own.alert.remediation ? (
            <>
              <br />
              {own.alert.remediation}
            </>
          ) : null}
        </Alert>
      ) : null}
      {project && project.state !== 'ACTIVE' ? (
        <Alert severity="warning">
          Project {project.projectId} is {project.state}: associations need an active project.
        </Alert>
      ) : null}
    </Stack>
  );
}
