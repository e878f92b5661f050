import HubOutlinedIcon from '@mui/icons-material/HubOutlined';
import {
  Badge,
  Box,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Paper,
  Toolbar,
  Tooltip,
  Typography,
  useMediaQuery,
} from '@mui/material';
import { Link, useMatch } from 'react-router';
import { navigation, type NavigationEntry } from '../navigation';

/** Full labels on wide windows; an icon rail (with tooltips and accessible names) on narrow ones. */
export const DRAWER_WIDTH = { xs: 72, md: 232 } as const;

function NavigationItem({ entry }: { entry: NavigationEntry }) {
  return entry.useBadgeCount ? (
    <CountedItem entry={entry} useCount={entry.useBadgeCount} />
  ) : (
    <ItemLink entry={entry} count={0} />
  );
}

function CountedItem({ entry, useCount }: { entry: NavigationEntry; useCount: () => number }) {
  return <ItemLink entry={entry} count={useCount()} />;
}

/** The link, its name saying what its badge counts ("Dashboard, 2 failing"), also as a tooltip. */
function ItemLink({ entry, count }: { entry: NavigationEntry; count: number }) {
  const active = useMatch(`/${entry.path}/*`) !== null;
  const rail = useMediaQuery((theme) => theme.breakpoints.down('md'));
  const badge = count > 0 && entry.badgeLabel ? entry.badgeLabel(count) : undefined;
  const name = badge ? `${entry.title}, ${badge}` : entry.title;
  return (
    <ListItem disablePadding>
      <Tooltip title={rail ? name : (badge ?? '')} placement="right">
        <ListItemButton
          component={Link}
          to={`/${entry.path}`}
          selected={active}
          aria-current={active ? 'page' : undefined}
          aria-label={name}
          sx={{ borderRadius: 2, mx: 1, justifyContent: { xs: 'center', md: 'flex-start' } }}
        >
          <ListItemIcon sx={{ minWidth: { xs: 0, md: 40 }, color: active ? 'primary.main' : undefined }}>
            {count > 0 ? (
              <Badge badgeContent={count} color="error" max={99}>
                {entry.icon}
              </Badge>
            ) : (
              entry.icon
            )}
          </ListItemIcon>
          <ListItemText primary={entry.title} sx={{ display: { xs: 'none', md: 'block' } }} />
        </ListItemButton>
      </Tooltip>
    </ListItem>
  );
}

/**
 * The navigation rail, always shown: what MUI's permanent `Drawer` renders (a docked, fixed, square
 * paper with a divider), without the `Drawer` import, which brings its temporary variant's Modal,
 * focus trap, backdrop and slide transition (about 6 KB gzipped) onto the start page.
 */
export function NavigationDrawer() {
  return (
    <Box sx={{ width: DRAWER_WIDTH, flexShrink: 0 }}>
      <Paper
        square
        elevation={0}
        sx={{
          width: DRAWER_WIDTH,
          boxSizing: 'border-box',
          position: 'fixed',
          top: 0,
          left: 0,
          height: '100%',
          overflowY: 'auto',
          display: 'flex',
          flexDirection: 'column',
          zIndex: 'drawer',
          borderRight: 1,
          borderColor: 'divider',
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
      </Paper>
    </Box>
  );
}
