// Settings → Platform's data hooks: the saved current environment and each environment's API URL,
// which the Groups page, the sign-in status and the wizard's default all follow.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../shared/api';
import { useClient } from '../client/ClientProvider';
import { queryKeys } from '../client/query-keys';
import { platformMethods, platformEvents } from '../../../shared/contract/platform';
import { registerContract } from '../client/contract-registry';
import { answerWith, askAgain } from '../client/invalidate-queries';

// This domain is not on the start page: its schemas load with the code that calls it.
registerContract({ methods: platformMethods, events: platformEvents });

export function usePlatformSettings() {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.platformSettings,
    queryFn: () => client.call('getPlatformSettings', {}),
  });
}

/** The saved current environment; undefined until the setting is read (platform queries wait for it). */
export function useCurrentPlatformEnvironment(): string | undefined {
  return usePlatformSettings().data?.current;
}

export function useSavePlatformSettings() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'savePlatformSettings'>) => client.call('savePlatformSettings', input),
    onSuccess: async (settings) => {
      await answerWith(queryClient, queryKeys.platformSettings, settings);
      // A new URL for the same environment changes every answer: sign-in, groups, registration plans;
      // those still on their way were asked of the old URL.
      await askAgain(queryClient, { queryKey: queryKeys.platform });
    },
  });
}
