import { useEffect } from 'react';
import { useMatches } from 'react-router';
import type { RouteHandle } from '../router';

const APP_NAME = 'Liaison';

function isRouteHandle(handle: unknown): handle is RouteHandle {
  return typeof handle === 'object' && handle !== null && typeof (handle as RouteHandle).title === 'string';
}

/** The current page's title (from its route), also kept as the window title: "<Page> — Liaison". */
export function usePageTitle(): string {
  const matches = useMatches();
  const title = matches.map((match) => match.handle).findLast(isRouteHandle)?.title ?? APP_NAME;
  useEffect(() => {
    document.title = title === APP_NAME ? APP_NAME : `${title} — ${APP_NAME}`;
  }, [title]);
  return title;
}
