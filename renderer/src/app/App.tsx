import { CssBaseline, useMediaQuery } from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { HashRouter } from 'react-router';
import type { LiaisonClient } from '../../../shared/api';
import { ClientProvider } from '../client/ClientProvider';
import { createLiaisonClient } from '../client/liaison-client';
import { createQueryClient } from '../client/query-client';
import { useEventInvalidation } from '../client/useEventInvalidation';
import { opensStartPage } from '../navigation';
import { prefetchStartPage } from '../queries/start-page';
import { AppRoutes } from '../router';
import { createLiaisonTheme } from '../theme';

/** Keeps cached queries in step with the main process's events, for as long as the app is open. */
function EventInvalidation({ children }: { children: ReactNode }) {
  useEventInvalidation();
  return children;
}

/** Every provider the pages rely on, in dependency order; `client` is for tests, the real one by default. */
export function App({ client }: { client?: LiaisonClient }) {
  const [liaison] = useState(() => client ?? createLiaisonClient());
  const [queryClient] = useState(() => {
    const created = createQueryClient();
    if (opensStartPage(window.location.hash)) prefetchStartPage(created, liaison);
    return created;
  });
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)', { noSsr: true });
  const theme = useMemo(() => createLiaisonTheme({ reducedMotion }), [reducedMotion]);
  return (
    <ClientProvider client={liaison}>
      <QueryClientProvider client={queryClient}>
        <EventInvalidation>
          <ThemeProvider theme={theme}>
            <CssBaseline enableColorScheme />
            <HashRouter>
              <AppRoutes />
            </HashRouter>
          </ThemeProvider>
        </EventInvalidation>
      </QueryClientProvider>
    </ClientProvider>
  );
}
