import { Alert, Button, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { SUGGESTED_SCHEDULE_MINUTES, type HealthSettings } from '../../../../shared/contract/health';
import { useHealthSettings, useSaveHealthSettings } from '../../queries/health';

/** Schedule, concurrency, per-account rate and retention: the health settings, saved together. */
export function HealthSettingsForm() {
  const settings = useHealthSettings();
  if (!settings.data) return settings.isError ? <Alert severity="error">{settings.error.message}</Alert> : null;
  return <SettingsFields key={JSON.stringify(settings.data)} saved={settings.data} />;
}

type NumberField = 'minutes' | 'concurrency' | 'perAccountPerSecond' | 'keepAllDays';

/** Each number's range, checked here so a bad value gets the field's own message, not the browser's bubble. */
const RANGES: Record<NumberField, { min: number; max: number; message: string }> = {
  minutes: { min: 1, max: 10_080, message: 'Every 1 to 10080 minutes (a week); turn the schedule off instead of 0' },
  concurrency: { min: 1, max: 64, message: '1 to 64 checks at once' },
  perAccountPerSecond: { min: 1, max: 100, message: '1 to 100 calls per second' },
  keepAllDays: { min: 1, max: 3650, message: '1 to 3650 days' },
};

function rangeErrors(draft: Record<NumberField, string>, scheduled: boolean): Partial<Record<NumberField, string>> {
  const errors: Partial<Record<NumberField, string>> = {};
  for (const key of Object.keys(RANGES) as NumberField[]) {
    if (key === 'minutes' && !scheduled) continue;
    const value = Number(draft[key]);
    const range = RANGES[key];
    if (draft[key].trim() === '' || !Number.isInteger(value) || value < range.min || value > range.max) {
      errors[key] = range.message;
    }
  }
  return errors;
}

function SettingsFields({ saved }: { saved: HealthSettings }) {
  const save = useSaveHealthSettings();
  const [draft, setDraft] = useState({
    scheduled: saved.scheduleMinutes > 0,
    minutes: String(saved.scheduleMinutes || SUGGESTED_SCHEDULE_MINUTES),
    concurrency: String(saved.concurrency),
    perAccountPerSecond: String(saved.perAccountPerSecond),
    keepAllDays: String(saved.keepAllDays),
    driftOnSchedule: saved.driftOnSchedule,
  });
  const [errors, setErrors] = useState<Partial<Record<NumberField, string>>>({});
  const number = (key: NumberField, label: string, helper: string) => (
    <TextField
      label={label}
      type="number"
      size="small"
      value={draft[key]}
      onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      error={errors[key] !== undefined}
      helperText={errors[key] ?? helper}
      disabled={key === 'minutes' && !draft.scheduled}
      slotProps={{ htmlInput: { min: RANGES[key].min, max: RANGES[key].max } }}
    />
  );
  return (
    <Stack
      component="form"
      noValidate
      spacing={2}
      aria-labelledby="health-settings-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const problems = rangeErrors(draft, draft.scheduled);
        setErrors(problems);
        if (Object.keys(problems).length > 0) {
          const form = event.currentTarget;
          setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
          return;
        }
        save.mutate({
          scheduleMinutes: draft.scheduled ? Number(draft.minutes) : 0,
          concurrency: Number(draft.concurrency),
          perAccountPerSecond: Number(draft.perAccountPerSecond),
          keepAllDays: Number(draft.keepAllDays),
          driftOnSchedule: draft.driftOnSchedule,
        });
      }}
    >
      <Typography id="health-settings-heading" variant="h6" component="h2">
        Re-check settings
      </Typography>
      <FormControlLabel
        control={
          <Switch
            checked={draft.scheduled}
            onChange={(event) => setDraft({ ...draft, scheduled: event.target.checked })}
          />
        }
        label="Re-check every association on a schedule (checks never prompt; those that need a sign-in say so)"
      />
      <FormControlLabel
        control={
          <Switch
            checked={draft.driftOnSchedule}
            disabled={!draft.scheduled}
            onChange={(event) => setDraft({ ...draft, driftOnSchedule: event.target.checked })}
          />
        }
        label="Also check every workspace for drift on the schedule (terraform plan -refresh-only; never prompts)"
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        {number('minutes', 'Every (minutes)', `Suggested: ${SUGGESTED_SCHEDULE_MINUTES}`)}
        {number('concurrency', 'Checks at once', '1 to 64')}
        {number('perAccountPerSecond', 'API calls per second per account', '1 to 100')}
        {number('keepAllDays', 'Keep every check (days)', 'Older: one per day')}
      </Stack>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button type="submit" variant="outlined" loading={save.isPending}>
          Save settings
        </Button>
        {save.isSuccess ? <Typography role="status">Saved.</Typography> : null}
      </Stack>
      {save.error ? <Alert severity="error">{save.error.message}</Alert> : null}
    </Stack>
  );
}
