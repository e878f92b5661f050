import KeyOutlinedIcon from '@mui/icons-material/KeyOutlined';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import AddLinkOutlinedIcon from '@mui/icons-material/AddLinkOutlined';
import FolderOutlinedIcon from '@mui/icons-material/FolderOutlined';
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined';
import type { ReactElement } from 'react';
import { CredentialsPage } from './pages/credentials/CredentialsPage';
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
}

/** Every page, in navigation order. Only pages that work are listed; the first is the start page. */
export const navigation: readonly [NavigationEntry, ...NavigationEntry[]] = [
  { path: 'groups', title: 'Groups', icon: <GroupsOutlinedIcon />, element: <GroupsPage /> },
  { path: 'credentials', title: 'Credentials', icon: <KeyOutlinedIcon />, element: <CredentialsPage /> },
  { path: 'onboard', title: 'Onboard', icon: <AddLinkOutlinedIcon />, element: <OnboardPage /> },
  { path: 'workspaces', title: 'Workspaces', icon: <FolderOutlinedIcon />, element: <WorkspacesPage /> },
  { path: 'settings', title: 'Settings', icon: <SettingsOutlinedIcon />, element: <SettingsPage /> },
];
