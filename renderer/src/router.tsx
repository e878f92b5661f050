import { Suspense } from 'react';
import { createHashRouter, Navigate } from 'react-router';
import { AppFrame } from './app/AppFrame';
import { NotFoundPage } from './app/NotFoundPage';
import { PageLoading } from './app/PageLoading';
import { RouteErrorPage } from './app/RouteErrorPage';
import { detailRoutes, navigation } from './navigation';

export interface RouteHandle {
  title: string;
}

/**
 * Hash routing: the same build works from `app://liaison/index.html` in Electron and from the web
 * host, with no server-side route table.
 */
export function createAppRouter() {
  return createHashRouter([
    {
      element: <AppFrame />,
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <Navigate to={`/${navigation[0].path}`} replace /> },
        ...[...navigation, ...detailRoutes].map((entry) => ({
          path: entry.path,
          // Pages load on demand (navigation.tsx); the frame stays while one does.
          element: <Suspense fallback={<PageLoading title={entry.title} />}>{entry.element}</Suspense>,
          handle: { title: entry.title } satisfies RouteHandle,
        })),
        { path: '*', element: <NotFoundPage />, handle: { title: 'Page not found' } satisfies RouteHandle },
      ],
    },
  ]);
}
