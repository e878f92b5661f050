// The associations domain's data hooks (contract methods under TanStack Query), shared by the
// wizard, Groups and Workspaces.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LiaisonClient, MethodInput } from '../../../shared/api';
import { useClient } from '../client/ClientProvider';
import { SHARED_FETCH_MS } from '../client/query-client';
import { queryKeys } from '../client/query-keys';
import { invalidateQueriesNow } from '../client/invalidate-queries';

/** Every association; shared for two seconds, like the health overview (see healthOverviewQuery). */
export function associationsQuery(client: LiaisonClient) {
  return queryOptions({
    queryKey: queryKeys.associations,
    queryFn: () => client.call('listAssociations', {}),
    staleTime: SHARED_FETCH_MS,
  });
}

export function useAssociationsQuery() {
  return useQuery(associationsQuery(useClient()));
}

/** The workspace files for the wizard's values; refetched whenever the values change. */
export function useWorkspacePreview(input: MethodInput<'previewAssociation'>, enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: [...queryKeys.associations, 'preview', input],
    queryFn: () => client.call('previewAssociation', input),
    enabled,
    retry: false,
  });
}

function useInvalidateAssociations() {
  const queryClient = useQueryClient();
  return () => invalidateQueriesNow(queryClient, { queryKey: queryKeys.associations }, { restart: true });
}

export function useSaveDraft() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: MethodInput<'saveAssociationDraft'>) => client.call('saveAssociationDraft', input),
  });
}

export function useSaveAssociation() {
  const client = useClient();
  const onSettled = useInvalidateAssociations();
  return useMutation({
    mutationFn: (input: MethodInput<'saveAssociation'>) => client.call('saveAssociation', input),
    onSettled,
  });
}

export function useExportZip() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: MethodInput<'exportAssociationZip'>) => client.call('exportAssociationZip', input),
  });
}

export function useDeleteAssociation() {
  const client = useClient();
  const onSettled = useInvalidateAssociations();
  return useMutation({
    mutationFn: (input: MethodInput<'deleteAssociation'>) => client.call('deleteAssociation', input),
    onSettled,
  });
}

export function useDiscardDrafts() {
  const client = useClient();
  const onSettled = useInvalidateAssociations();
  return useMutation({
    mutationFn: () => client.call('discardAssociationDrafts', {}),
    onSettled,
  });
}
