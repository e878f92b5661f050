import { useMutation, useQuery } from '@tanstack/react-query';
import type { MethodInput } from '../../../../../shared/api';
import { useClient } from '../../../client/ClientProvider';

/** The cache key of the listing; listing reads files only, so refetching is cheap and safe. */
export const gcpCredentialsQueryKey = ['gcp', 'credentials'] as const;

export function useGcpCredentialsQuery() {
  const client = useClient();
  return useQuery({ queryKey: gcpCredentialsQueryKey, queryFn: () => client.call('listGcpCredentials', {}) });
}

export function useVerifyGcpCredential() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: MethodInput<'verifyGcpCredential'>) => client.call('verifyGcpCredential', input),
  });
}

export function useLookupGcpProject() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: MethodInput<'lookupGcpProject'>) => client.call('lookupGcpProject', input),
  });
}

export function useCheckGcpImpersonation() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: MethodInput<'checkGcpImpersonation'>) => client.call('checkGcpImpersonation', input),
  });
}
