import DashboardOutlinedIcon from '@mui/icons-material/DashboardOutlined';
import KeyOutlinedIcon from '@mui/icons-material/KeyOutlined';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import AddLinkOutlinedIcon from '@mui/icons-material/AddLinkOutlined';
import FolderOutlinedIcon from '@mui/icons-material/FolderOutlined';
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined';
import type { ReactElement } from 'react';
import { AssociationPage } from './pages/associations/AssociationPage';
import { CredentialsPage } from './pages/credentials/CredentialsPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { useFailingCount } from './pages/dashboard/useFailingCount';
import { GroupsPage } from './pages/groups/GroupsPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { OnboardPage } from './pages/wizard/OnboardPage';
import { WorkspacesPage } from './pages/workspaces/WorkspacesPage';

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
  { path: 'workspaces', title: 'Workspaces', icon: <FolderOutlinedIcon />, element: <WorkspacesPage /> },
  { path: 'settings', title: 'Settings', icon: <SettingsOutlinedIcon />, element: <SettingsPage /> },
];

/** Pages reached from another page rather than the navigation. */
export const detailRoutes: readonly Omit<NavigationEntry, 'icon'>[] = [
  { path: 'associations/:associationId', title: 'Association', element: <AssociationPage /> },
];
