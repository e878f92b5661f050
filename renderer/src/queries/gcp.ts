import { useMutation, useQuery } from '@tanstack/react-query';
import type { MethodInput } from '../../../shared/api';
import { useClient } from '../client/ClientProvider';
import { queryKeys } from '../client/query-keys';
import { gcpMethods, gcpEvents } from '../../../shared/contract/gcp';
import { registerContract } from '../client/contract-registry';

// This domain is not on the start page: its schemas load with the code that calls it.
registerContract({ methods: gcpMethods, events: gcpEvents });

export function useGcpCredentialsQuery() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.gcpCredentials, queryFn: () => client.call('listGcpCredentials', {}) });
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
