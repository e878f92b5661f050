import { AppBar, Box, Toolbar, Typography } from '@mui/material';
import { Outlet } from 'react-router';
import { NotificationSnackbar } from '../notifications/NotificationSnackbar';
import { HealthAlerts } from '../pages/dashboard/HealthAlerts';
import { AwsCredentialPrompts } from '../pages/credentials/aws/AwsCredentialPrompts';
import { NavigationDrawer } from './NavigationDrawer';
import { ScrollToTopOnNavigate } from './ScrollToTopOnNavigate';
import { SkipLink } from './SkipLink';
import { usePageTitle } from './usePageTitle';

const MAIN_ID = 'main-content';

/** The window's frame: skip link, navigation, a header naming the page, and the page itself. */
export function AppFrame() {
  const title = usePageTitle();
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <SkipLink targetId={MAIN_ID} />
      <NavigationDrawer />
      <Box sx={{ flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        <AppBar position="sticky" sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.default' }}>
          <Toolbar>
            <Typography component="h1" variant="h6" sx={{ fontWeight: 600 }}>
              {title}
            </Typography>
          </Toolbar>
        </AppBar>
        <Box
          component="main"
          id={MAIN_ID}
          tabIndex={-1}
          sx={{ flexGrow: 1, p: { xs: 2, md: 3 }, width: '100%', maxWidth: 1400, mx: 'auto' }}
        >
          <Outlet />
        </Box>
      </Box>
      <NotificationSnackbar />
      <ScrollToTopOnNavigate />
      {/* MFA and SSO prompts can come from any page: a wizard step, a run, a Verify. */}
      <AwsCredentialPrompts />
      <HealthAlerts />
    </Box>
  );
}
