import { Suspense } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { Navigate, useLocation, useRoutes, type RouteObject } from 'react-router';
import { AppFrame } from './app/AppFrame';
import { NotFoundPage } from './app/NotFoundPage';
import { PageLoading } from './app/PageLoading';
import { RouteErrorPage } from './app/RouteErrorPage';
import { detailRoutes, navigation } from './navigation';

const routes: RouteObject[] = [
  {
    element: <AppFrame />,
    children: [
      { index: true, element: <Navigate to={`/${navigation[0].path}`} replace /> },
      ...[...navigation, ...detailRoutes].map((entry) => ({
        path: entry.path,
        // Pages load on demand (navigation.tsx); the frame stays while one does. A boundary per page,
        // so opening one not yet loaded shows its loading state rather than keeping the last page.
        element: (
          <Suspense key={entry.path} fallback={<PageLoading title={entry.title} />}>
            {entry.element}
          </Suspense>
        ),
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * Every route, inside a `HashRouter`: the same build works from `app://liaison/index.html` in
 * Electron and from the web host, with no server-side route table. Declarative routes rather than a
 * data router (no loaders or actions here), which keeps about 16 KB gzipped off the first route.
 * A page that fails to render gets the error page instead of a blank window.
 */
export function AppRoutes() {
  const { pathname } = useLocation();
  const element = useRoutes(routes);
  return (
    <ErrorBoundary FallbackComponent={RouteErrorPage} resetKeys={[pathname]}>
      {element}
    </ErrorBoundary>
  );
}
