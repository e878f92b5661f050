import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import { Paper, Stack, Typography } from '@mui/material';
import { GroupsActions } from './GroupsActions';

export function GroupsEmptyState() {
  return (
    <Paper variant="outlined" sx={{ p: { xs: 3, sm: 6 } }}>
      <Stack sx={{ alignItems: 'center', textAlign: 'center', gap: 2, maxWidth: 560, mx: 'auto' }}>
        <GroupsOutlinedIcon aria-hidden sx={{ fontSize: 48, color: 'text.secondary' }} />
        <Typography component="h2" variant="h6">
          Add your first group
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          A group is a UIDP-identified group on the identity platform: the cloud accounts you onboard (AWS accounts and
          GCP projects) are associated with a group, so that the group’s workloads can act in them.
        </Typography>
        <GroupsActions />
      </Stack>
    </Paper>
  );
}
