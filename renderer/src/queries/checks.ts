// The checks domain's data hooks: stored checks per association and running one, shared by the
// check panel (wizard, association page) and the association page's past checks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckResult } from '../../../shared/contract/checks';
import { useClient } from '../client/ClientProvider';
import { queryKeys } from '../client/query-keys';

/** Stored checks of one association, newest first (refreshed by `associationCheckChanged`). */
export function useAssociationChecks(associationId: string, limit = 20) {
  const client = useClient();
  return useQuery({
    queryKey: [...queryKeys.associationChecks, associationId, { limit }],
    queryFn: () => client.call('listAssociationChecks', { associationId, limit }),
  });
}

/**
 * Runs a check. The stored list stays the one source of "the latest check": the result goes to its
 * head at once; the refetch is left to the
 * `associationCheckChanged` event the run emits, so the list is refreshed once, not twice.
 */
export function useRunCheck(associationId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.call('runAssociationCheck', { associationId }),
    onSuccess: async (result) => {
      const filters = { queryKey: [...queryKeys.associationChecks, associationId] };
      // A read of the list asked before the run would land after it without the result: drop it (the
      // run's event reads the list again).
      await queryClient.cancelQueries(filters);
      queryClient.setQueriesData<CheckResult[]>(filters, (stored = []) => [
        result,
        ...stored.filter((check) => check.id !== result.id),
      ]);
    },
  });
}
