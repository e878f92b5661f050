import { Box, Paper, Skeleton, Stack } from '@mui/material';
import { visuallyHidden } from '../../components/visuallyHidden';

const PLACEHOLDER_ROWS = 4;

/** The table's shape while the list loads; announced once as "Loading groups". */
export function GroupsLoading() {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-busy="true">
      <Box role="status" sx={visuallyHidden}>
        Loading groups…
      </Box>
      <Stack aria-hidden sx={{ gap: 1.5 }}>
        <Skeleton variant="text" width="40%" />
        {Array.from({ length: PLACEHOLDER_ROWS }, (_, index) => (
          <Skeleton key={index} variant="rounded" height={32} />
        ))}
      </Stack>
    </Paper>
  );
}
