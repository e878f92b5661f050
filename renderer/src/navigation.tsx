import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import type { ReactElement } from 'react';
import { GroupsPage } from './pages/groups/GroupsPage';

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
];
