import { Alert, AlertTitle, Box, Button } from '@mui/material';
import type { FallbackProps } from 'react-error-boundary';

/** A last resort for a page that failed to render: say so and offer a reload, rather than a blank window. */
export function RouteErrorPage({ error }: FallbackProps) {
  return (
    <Box component="main" sx={{ p: 3 }}>
      <Alert
        severity="error"
        action={
          <Button color="inherit" onClick={() => window.location.reload()}>
            Reload
          </Button>
        }
      >
        <AlertTitle>Liaison hit an unexpected problem</AlertTitle>
        {error instanceof Error ? error.message : 'The page could not be shown.'}
      </Alert>
    </Box>
  );
}
