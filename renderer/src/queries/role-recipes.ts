// The role recipes' data hooks (issue 18): a fresh External ID, the review's files, the save.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../shared/api';
import { useClient } from '../client/ClientProvider';
import { queryKeys } from '../client/query-keys';
import { roleRecipeMethods } from '../../../shared/contract/role-recipes';
import { registerContract } from '../client/contract-registry';
import { invalidateQueriesNow } from '../client/invalidate-queries';

// This domain is not on the start page: its schemas load with the code that calls it.
registerContract({ methods: roleRecipeMethods });

export function useNewExternalId() {
  const client = useClient();
  return useMutation({ mutationFn: () => client.call('newExternalId', {}) });
}

export function usePreviewRoleRecipe() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: MethodInput<'previewRoleRecipe'>) => client.call('previewRoleRecipe', input),
  });
}

export function useSaveRoleRecipe() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'saveRoleRecipe'>) => client.call('saveRoleRecipe', input),
    onSettled: () => invalidateQueriesNow(queryClient, { queryKey: queryKeys.associations }, { restart: true }),
  });
}

/** The account's EKS clusters in a region with their issuers (for the EKS role's cluster picker). */
export function useListEksClusters() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: MethodInput<'listEksClusters'>) => client.call('listEksClusters', input),
  });
}
