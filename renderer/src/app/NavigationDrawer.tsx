import HubOutlinedIcon from '@mui/icons-material/HubOutlined';
import {
  Badge,
  Box,
  Drawer,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Tooltip,
  Typography,
  useMediaQuery,
} from '@mui/material';
import type { ReactElement } from 'react';
import { Link, useMatch } from 'react-router';
import { navigation, type NavigationEntry } from '../navigation';

/** Full labels on wide windows; an icon rail (with tooltips and accessible names) on narrow ones. */
export const DRAWER_WIDTH = { xs: 72, md: 232 } as const;

function NavigationItem({ entry }: { entry: NavigationEntry }) {
  const active = useMatch(`/${entry.path}/*`) !== null;
  const rail = useMediaQuery((theme) => theme.breakpoints.down('md'));
  return (
    <ListItem disablePadding>
      <Tooltip title={rail ? entry.title : ''} placement="right">
        <ListItemButton
          component={Link}
          to={`/${entry.path}`}
          selected={active}
          aria-current={active ? 'page' : undefined}
          aria-label={entry.title}
          sx={{ borderRadius: 2, mx: 1, justifyContent: { xs: 'center', md: 'flex-start' } }}
        >
          <ListItemIcon sx={{ minWidth: { xs: 0, md: 40 }, color: active ? 'primary.main' : undefined }}>
            {entry.useBadgeCount ? <CountBadge useCount={entry.useBadgeCount} icon={entry.icon} /> : entry.icon}
          </ListItemIcon>
          <ListItemText primary={entry.title} sx={{ display: { xs: 'none', md: 'block' } }} />
        </ListItemButton>
      </Tooltip>
    </ListItem>
  );
}

/** The entry's icon with its count; the count is also in the accessible name through the badge's text. */
function CountBadge({ useCount, icon }: { useCount: () => number; icon: ReactElement }) {
  const count = useCount();
  return (
    <Badge
      badgeContent={count}
      color="error"
      max={99}
      slotProps={{ badge: { 'aria-label': `${count} need attention` } }}
    >
      {icon}
    </Badge>
  );
}

export function NavigationDrawer() {
  return (
    <Drawer
      variant="permanent"
      sx={{
        width: DRAWER_WIDTH,
        flexShrink: 0,
        '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
      }}
    >
      <Box component="nav" aria-label="Main">
        <Toolbar sx={{ gap: 1.5, px: { xs: 0, md: 2.5 }, justifyContent: { xs: 'center', md: 'flex-start' } }}>
          <HubOutlinedIcon aria-hidden color="primary" />
          <Typography variant="h6" component="p" sx={{ fontWeight: 700, display: { xs: 'none', md: 'block' } }}>
            Liaison
          </Typography>
        </Toolbar>
        <List>
          {navigation.map((entry) => (
            <NavigationItem key={entry.path} entry={entry} />
          ))}
        </List>
      </Box>
    </Drawer>
  );
}
