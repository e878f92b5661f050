import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EventName } from '../../../shared/api';
import { useClient } from './ClientProvider';
import { invalidateQueriesNow } from './invalidate-queries';
import { queryKeys } from './query-keys';

/**
 * Which cached queries each main-process event makes stale. Typed over every event, so a new event
 * in the contract does not compile until it says what it refreshes.
 */
const queriesStaleAfter: Record<EventName, QueryKey[]> = {
  // The dashboard's rows are associations, labelled by their groups.
  groupsChanged: [queryKeys.groups, queryKeys.health],
  associationsChanged: [queryKeys.associations, queryKeys.health],
  awsProfilesChanged: [queryKeys.awsProfiles],
  // Verification results, prompts and sign-ins update their own stores (renderer/src/pages/credentials/aws).
  awsProfileVerified: [],
  awsVerifyProgress: [],
  awsMfaRequested: [],
  awsMfaSettled: [],
  awsSsoSignInStarted: [],
  awsSsoSignInSettled: [],
  terraformRunChanged: [queryKeys.terraformRuns],
  // A run's event lines stream into the apply step's own batched state (useRunProgress), not queries.
  terraformRunEvents: [],
  associationCheckChanged: [queryKeys.associationChecks, queryKeys.health],
  // Run progress streams into the dashboard's run state; the rows refresh through associationCheckChanged.
  healthRunProgress: [],
  associationHealthAlert: [],
  healthSettingsChanged: [queryKeys.healthSettings],
  // Fleet progress streams into the fleet board's own state; the board (fleetui) owns both keys.
  fleetProgress: [],
  fleetRunsChanged: [],
};

/**
 * Subscribes once to every event that makes a query stale and refetches it, keeping windows and tabs
 * in sync. Events that stale nothing get no listener, so a 10,000-line run stream is parsed once (by
 * its own consumer), not once more here.
 */
export function useEventInvalidation(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(() => {
    const invalidating = (Object.keys(queriesStaleAfter) as EventName[]).filter(
      (name) => queriesStaleAfter[name].length > 0,
    );
    const unsubscribes = invalidating.map((name) =>
      client.on(name, () => {
        for (const queryKey of queriesStaleAfter[name]) invalidateQueriesNow(queryClient, { queryKey });
      }),
    );
    // Data asked for before these subscriptions (the start page's, asked for as the app starts, see
    // prefetchStartPage) may have missed an event in between, answered or still in flight: it is asked
    // for once more, now that events reach it.
    const subscribedAt = Date.now();
    invalidateQueriesNow(queryClient, {
      predicate: (query) =>
        query.state.fetchStatus !== 'idle' ||
        (query.state.dataUpdatedAt > 0 && query.state.dataUpdatedAt <= subscribedAt),
    });
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [client, queryClient]);
}
