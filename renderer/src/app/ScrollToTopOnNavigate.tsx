import { useEffect } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/**
 * A page opened from the navigation or a link starts at its top; Back and Forward (a POP) leave the
 * scroll where the browser restores it. React Router's ScrollRestoration needs a data router, which
 * this app does not use (see router.tsx), so this is the few lines it would do here.
 */
export function ScrollToTopOnNavigate() {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  useEffect(() => {
    if (navigationType !== 'POP') window.scrollTo(0, 0);
  }, [pathname, navigationType]);
  return null;
}
