// The associations domain's data hooks (contract methods under TanStack Query), shared by the
// wizard, Groups and Workspaces.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../shared/api';
import { useClient } from '../client/ClientProvider';
import { queryKeys } from '../client/query-keys';

export function useAssociationsQuery() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.associations, queryFn: () => client.call('listAssociations', {}) });
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
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.associations });
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
