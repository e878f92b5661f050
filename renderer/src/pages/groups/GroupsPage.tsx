import { Stack, Typography } from '@mui/material';
import { ErrorState } from '../../components/ErrorState';
import { PlatformGroupsSection } from '../platform/PlatformGroupsSection';
import { GroupDialogs } from './GroupDialogs';
import { GroupsActions } from './GroupsActions';
import { GroupsEmptyState } from './GroupsEmptyState';
import { GroupsLoading } from './GroupsLoading';
import { GroupsTable } from './GroupsTable';
import { useGroupsQuery } from '../../queries/groups';

/** Groups: list them as a tree; create, register, rename and delete them. */
export function GroupsPage() {
  const query = useGroupsQuery();
  return (
    <Stack sx={{ gap: 2 }}>
      <GroupsContent query={query} />
      {query.data ? <PlatformGroupsSection localGroups={query.data} /> : null}
      <GroupDialogs />
    </Stack>
  );
}

function GroupsContent({ query }: { query: ReturnType<typeof useGroupsQuery> }) {
  if (query.isPending) return <GroupsLoading />;
  const loadError = query.isError ? (
    <ErrorState
      title="Could not load groups"
      error={query.error}
      onRetry={() => void query.refetch()}
      retrying={query.isFetching}
    />
  ) : null;
  // A failed refresh keeps showing the last list it had, under the error.
  if (!query.data) return loadError;
  // One set of actions at a time: the empty state carries its own.
  if (query.data.length === 0) {
    return (
      <>
        {loadError}
        <GroupsEmptyState />
      </>
    );
  }
  return (
    <>
      {loadError}
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        sx={{ gap: 2, justifyContent: 'space-between', alignItems: { sm: 'center' } }}
      >
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {query.data.length === 1 ? '1 group' : `${query.data.length} groups`}
        </Typography>
        <GroupsActions />
      </Stack>
      <GroupsTable groups={query.data} />
    </>
  );
}
