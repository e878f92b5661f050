import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../client/ClientProvider';
import { queryKeys } from '../../client/query-keys';

/** Stored checks of one association, newest first (refreshed by `associationCheckChanged`). */
export function useAssociationChecks(associationId: string) {
  const client = useClient();
  return useQuery({
    queryKey: [...queryKeys.associationChecks, associationId],
    queryFn: () => client.call('listAssociationChecks', { associationId, limit: 20 }),
  });
}

export function useRunCheck(associationId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.call('runAssociationCheck', { associationId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...queryKeys.associationChecks, associationId] }),
  });
}
