import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import type { RunProgress } from './run-progress';
import { ResourceProgressList } from './ResourceProgressList';

/** Overall progress (completed of planned) over the per-resource list. */
export function ApplyProgress({ progress, planned }: { progress: RunProgress; planned: number }) {
  const total = Math.max(planned, progress.resources.length);
  const done = progress.completed + progress.errored;
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <Stack sx={{ gap: 1 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
        <Box sx={{ flexGrow: 1 }}>
          <LinearProgress
            variant="determinate"
            value={percent}
            aria-label="Apply progress"
            aria-valuetext={`${done} of ${total} resources`}
          />
        </Box>
        <Typography variant="body2" role="status">
          {progress.completed} of {total} done{progress.errored > 0 ? `, ${progress.errored} failed` : ''}
        </Typography>
      </Stack>
      <ResourceProgressList resources={progress.resources} running={progress.running} />
    </Stack>
  );
}
