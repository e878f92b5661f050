import { Box, CircularProgress } from '@mui/material';

/** Shown while a page's code loads (pages load on demand): announced once, as a status. */
export function PageLoading({ title }: { title: string }) {
  return (
    <Box role="status" aria-live="polite" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 4 }}>
      <CircularProgress size={20} aria-hidden />
      Loading {title}…
    </Box>
  );
}
