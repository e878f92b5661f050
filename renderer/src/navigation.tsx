import DashboardOutlinedIcon from '@mui/icons-material/DashboardOutlined';
import KeyOutlinedIcon from '@mui/icons-material/KeyOutlined';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import AddLinkOutlinedIcon from '@mui/icons-material/AddLinkOutlined';
import FolderOutlinedIcon from '@mui/icons-material/FolderOutlined';
import LanOutlinedIcon from '@mui/icons-material/LanOutlined';
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined';
import AdminPanelSettingsOutlinedIcon from '@mui/icons-material/AdminPanelSettingsOutlined';
import type { ReactElement } from 'react';
import { matchPath } from 'react-router';
import { lazyComponent } from './app/lazy-component';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { useFailingCount } from './pages/dashboard/useFailingCount';

// The start page ships with the app; every other page loads when first opened (router.tsx shows
// PageLoading meanwhile), which keeps charts, the plan table and the code views off the first paint.
const GroupsPage = lazyComponent(() => import('./pages/groups/GroupsPage'), 'GroupsPage');
const CredentialsPage = lazyComponent(() => import('./pages/credentials/CredentialsPage'), 'CredentialsPage');
const OnboardPage = lazyComponent(() => import('./pages/onboard/OnboardPage'), 'OnboardPage');
const FleetPage = lazyComponent(() => import('./pages/fleet/FleetPage'), 'FleetPage');
const WorkspacesPage = lazyComponent(() => import('./pages/workspaces/WorkspacesPage'), 'WorkspacesPage');
const SettingsPage = lazyComponent(() => import('./pages/settings/SettingsPage'), 'SettingsPage');
const RolesPage = lazyComponent(() => import('./pages/roles/RolesPage'), 'RolesPage');
const AssociationPage = lazyComponent(() => import('./pages/associations/AssociationPage'), 'AssociationPage');

export interface NavigationEntry {
  /** The hash route, without the leading slash. */
  path: string;
  /** The heading, the navigation label and the first part of the window title. */
  title: string;
  icon: ReactElement;
  element: ReactElement;
  /** A hook counting what needs attention on the page (shown as a badge; 0 hides it). */
  useBadgeCount?: () => number;
  /** What the badge counts, in words, for its tooltip and the link's name ("2 failing"). */
  badgeLabel?: (count: number) => string;
}

/** Every page, in navigation order. Only pages that work are listed; the first is the start page. */
export const navigation: readonly [NavigationEntry, ...NavigationEntry[]] = [
  {
    path: 'dashboard',
    title: 'Dashboard',
    icon: <DashboardOutlinedIcon />,
    element: <DashboardPage />,
    useBadgeCount: useFailingCount,
    badgeLabel: (count) => `${count} ${count === 1 ? 'association' : 'associations'} failing`,
  },
  { path: 'groups', title: 'Groups', icon: <GroupsOutlinedIcon />, element: <GroupsPage /> },
  { path: 'credentials', title: 'Credentials', icon: <KeyOutlinedIcon />, element: <CredentialsPage /> },
  { path: 'onboard', title: 'Onboard', icon: <AddLinkOutlinedIcon />, element: <OnboardPage /> },
  { path: 'fleet', title: 'Fleet', icon: <LanOutlinedIcon />, element: <FleetPage /> },
  { path: 'workspaces', title: 'Workspaces', icon: <FolderOutlinedIcon />, element: <WorkspacesPage /> },
  { path: 'roles', title: 'Roles', icon: <AdminPanelSettingsOutlinedIcon />, element: <RolesPage /> },
  { path: 'settings', title: 'Settings', icon: <SettingsOutlinedIcon />, element: <SettingsPage /> },
];

/** Pages reached from another page rather than the navigation. */
export const detailRoutes: readonly Omit<NavigationEntry, 'icon'>[] = [
  { path: 'associations/:associationId', title: 'Association', element: <AssociationPage /> },
];

const NOT_FOUND_TITLE = 'Page not found';

/** The title of the page at a route's path: none at `/` (which redirects to the start page). */
export function pageTitle(pathname: string): string | undefined {
  if (pathname === '/') return undefined;
  return (
    [...navigation, ...detailRoutes].find((entry) => matchPath(`/${entry.path}`, pathname))?.title ?? NOT_FOUND_TITLE
  );
}

/**
 * Whether the app, launched at this address (a HashRouter's `location.hash`), opens the start page:
 * its own path, or the root, which redirects there.
 */
export function opensStartPage(hash: string): boolean {
  const pathname = hash.replace(/^#/, '').split('?')[0] ?? '';
  return pathname === '' || pathname === '/' || matchPath(`/${navigation[0].path}`, pathname) !== null;
}
