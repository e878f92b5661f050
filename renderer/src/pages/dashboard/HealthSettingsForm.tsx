import { Alert, Button, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { SUGGESTED_SCHEDULE_MINUTES, type HealthSettings } from '../../../../shared/contract/health';
import { useHealthSettings, useSaveHealthSettings } from './health-queries';

/** Schedule, concurrency, per-account rate and retention: the health settings, saved together. */
export function HealthSettingsForm() {
  const settings = useHealthSettings();
  if (!settings.data) return settings.isError ? <Alert severity="error">{settings.error.message}</Alert> : null;
  return <SettingsFields key={JSON.stringify(settings.data)} saved={settings.data} />;
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
  const number = (
    key: 'minutes' | 'concurrency' | 'perAccountPerSecond' | 'keepAllDays',
    label: string,
    helper: string,
  ) => (
    <TextField
      label={label}
      type="number"
      size="small"
      value={draft[key]}
      onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      helperText={helper}
      disabled={key === 'minutes' && !draft.scheduled}
      slotProps={{ htmlInput: { min: 1 } }}
    />
  );
  return (
    <Stack
      component="form"
      spacing={2}
      aria-labelledby="health-settings-heading"
      onSubmit={(event) => {
        event.preventDefault();
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
