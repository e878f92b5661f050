import { CssBaseline, useMediaQuery } from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { HashRouter } from 'react-router';
import type { LiaisonClient } from '../../../shared/api';
import { ClientProvider } from '../client/ClientProvider';
import { AppRoutes } from '../router';
import { createLiaisonTheme } from '../theme';

/**
 * Every provider the pages rely on, in dependency order, around the routes. The client and the query
 * cache come from main.tsx; start-app.ts subscribes the cache to events and asks for the start page's
 * data before the first render.
 */
export function App({ client, queryClient }: { client: LiaisonClient; queryClient: QueryClient }) {
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)', { noSsr: true });
  const theme = useMemo(() => createLiaisonTheme({ reducedMotion }), [reducedMotion]);
  return (
    <ClientProvider client={client}>
      <QueryClientProvider client={queryClient}>
        <ThemeProvider theme={theme}>
          <CssBaseline enableColorScheme />
          <HashRouter>
            <AppRoutes />
          </HashRouter>
        </ThemeProvider>
      </QueryClientProvider>
    </ClientProvider>
  );
}
