import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { pageTitle } from '../navigation';

const APP_NAME = 'Liaison';

/** The current page's title (from its route), also kept as the window title: "<Page> — Liaison". */
export function usePageTitle(): string {
  const title = pageTitle(useLocation().pathname) ?? APP_NAME;
  useEffect(() => {
    document.title = title === APP_NAME ? APP_NAME : `${title} — ${APP_NAME}`;
  }, [title]);
  return title;
}
