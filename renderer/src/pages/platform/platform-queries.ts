import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../client/ClientProvider';
import { queryKeys } from '../../client/query-keys';
import { platformMethods, platformEvents } from '../../../../shared/contract/platform';
import { registerContract } from '../../client/contract-registry';
import { answerWith, invalidateQueriesNow } from '../../client/invalidate-queries';

// This domain is not on the start page: its schemas load with the code that calls it.
registerContract({ methods: platformMethods, events: platformEvents });

const PLATFORM_KEY = queryKeys.platform;

/** Who is signed in to the environment's platform (never the token); waits for the environment. */
export function usePlatformConnection(environment: string | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: [...PLATFORM_KEY, 'connection', environment],
    queryFn: () => client.call('getPlatformConnection', { environment: environment ?? '' }),
    enabled: environment !== undefined && environment !== '',
    retry: false,
  });
}

export function usePlatformSignIn(environment: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.call('signInToPlatform', { environment }),
    // A Refresh still in flight would land after the sign-in, signed out: answerWith drops it.
    onSuccess: (connection) => answerWith(queryClient, [...PLATFORM_KEY, 'connection', environment], connection),
  });
}

/** What registering the association would change on the platform (reads the group's record). */
export function useRegistrationPlan(associationId: string | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: [...PLATFORM_KEY, 'registration', associationId],
    queryFn: () => client.call('planPlatformRegistration', { associationId: associationId ?? '' }),
    enabled: associationId !== undefined,
    retry: false,
  });
}

export function useRegister(associationId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmReplace: string | undefined) =>
      client.call('registerPlatformAssociation', {
        associationId,
        ...(confirmReplace ? { confirmReplace } : {}),
      }),
    onSettled: () =>
      invalidateQueriesNow(
        queryClient,
        { queryKey: [...PLATFORM_KEY, 'registration', associationId] },
        { restart: true },
      ),
  });
}

export function usePlatformGroups(environment: string | undefined, enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: [...PLATFORM_KEY, 'groups', environment],
    queryFn: () => client.call('listPlatformGroups', { environment: environment ?? '' }),
    enabled: enabled && environment !== undefined,
    retry: false,
  });
}

/** Which account and project each group's platform record holds (for the one-per-group rule). */
export function usePlatformAssociations(environment: string | undefined, enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: [...PLATFORM_KEY, 'associations', environment],
    queryFn: () => client.call('listPlatformAssociations', { environment: environment ?? '' }),
    enabled: enabled && environment !== undefined,
    retry: false,
  });
}

export function useCreatePlatformFolder(environment: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { parentId: string; name: string; description: string }) =>
      client.call('createPlatformFolder', { environment, ...input }),
    onSettled: () =>
      invalidateQueriesNow(queryClient, { queryKey: [...PLATFORM_KEY, 'groups', environment] }, { restart: true }),
  });
}
