import { createHashRouter, Navigate } from 'react-router';
import { AppFrame } from './app/AppFrame';
import { NotFoundPage } from './app/NotFoundPage';
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
          element: entry.element,
          handle: { title: entry.title } satisfies RouteHandle,
        })),
        { path: '*', element: <NotFoundPage />, handle: { title: 'Page not found' } satisfies RouteHandle },
      ],
    },
  ]);
}
