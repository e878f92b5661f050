import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../shared/api';
import { useClient } from '../client/ClientProvider';
import { queryKeys } from '../client/query-keys';
import { invalidateQueriesNow } from '../client/invalidate-queries';

export function useGroupsQuery() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.groups, queryFn: () => client.call('listGroups', {}) });
}

/** Every group mutation refreshes the list, whether it worked or not (a failure may mean it is stale). */
function useInvalidateGroups() {
  const queryClient = useQueryClient();
  return () => invalidateQueriesNow(queryClient, { queryKey: queryKeys.groups }, { restart: true });
}

export function useCreateGroup() {
  const client = useClient();
  const onSettled = useInvalidateGroups();
  return useMutation({
    mutationFn: (input: MethodInput<'createGroup'>) => client.call('createGroup', input),
    onSettled,
  });
}

export function useUpdateGroup() {
  const client = useClient();
  const onSettled = useInvalidateGroups();
  return useMutation({
    mutationFn: (input: MethodInput<'updateGroup'>) => client.call('updateGroup', input),
    onSettled,
  });
}

export function useDeleteGroup() {
  const client = useClient();
  const onSettled = useInvalidateGroups();
  return useMutation({
    mutationFn: (input: MethodInput<'deleteGroup'>) => client.call('deleteGroup', input),
    onSettled,
  });
}
