import { MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { FleetRunSummary } from '../../../../shared/contract/fleet';
import { fleetRunDetail } from './fleet-run-labels';

interface FleetRunPickerProps {
  /** Newest first. */
  runs: readonly FleetRunSummary[];
  /** The open run; undefined while a new run is being set up. */
  value: string | undefined;
  onChange: (fleetId: string) => void;
}

/** Every stored fleet run, newest first, each with when it was made, its size and where it stands. */
export function FleetRunPicker({ runs, value, onChange }: FleetRunPickerProps) {
  return (
    <TextField
      select
      label="Fleet run"
      size="small"
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value)}
      sx={{ minWidth: 240, maxWidth: 420, flex: '1 1 240px' }}
      slotProps={{
        select: {
          // The closed field shows the name alone; the menu adds each run's details.
          renderValue: (id) => runs.find((run) => run.id === id)?.name ?? '',
          MenuProps: { slotProps: { paper: { sx: { maxWidth: 'min(560px, calc(100vw - 32px))' } } } },
        },
      }}
    >
      {runs.map((run) => (
        <MenuItem key={run.id} value={run.id}>
          <Stack sx={{ minWidth: 0 }}>
            <Typography noWrap>{run.name}</Typography>
            <Typography variant="caption" sx={{ color: 'text.secondary', whiteSpace: 'normal' }}>
              {fleetRunDetail(run)}
            </Typography>
          </Stack>
        </MenuItem>
      ))}
    </TextField>
  );
}
