import KeyOutlinedIcon from '@mui/icons-material/KeyOutlined';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import AddLinkOutlinedIcon from '@mui/icons-material/AddLinkOutlined';
import type { ReactElement } from 'react';
import { CredentialsPage } from './pages/credentials/CredentialsPage';
import { GroupsPage } from './pages/groups/GroupsPage';
import { OnboardPage } from './pages/wizard/OnboardPage';

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
];
