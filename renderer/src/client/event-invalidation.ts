import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { EventName, LiaisonClient } from '../../../shared/api';
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
 * Subscribes to every event that makes a query stale, for as long as the app is open, keeping windows
 * and tabs in sync; returns the unsubscribe. Call it before the first data is asked for, then wait for
 * `client.openEvents` (see app/start-app.ts): no answer can then miss an event. Events that stale nothing get
 * no listener, so a 10,000-line run stream is parsed once (by its own consumer), not once more here.
 * If the event stream drops and opens again, everything is refetched: the events in between are lost.
 */
export function startEventInvalidation(client: LiaisonClient, queryClient: QueryClient): () => void {
  const invalidating = (Object.keys(queriesStaleAfter) as EventName[]).filter(
    (name) => queriesStaleAfter[name].length > 0,
  );
  const unsubscribes = invalidating.map((name) =>
    client.on(name, () => {
      for (const queryKey of queriesStaleAfter[name]) invalidateQueriesNow(queryClient, { queryKey });
    }),
  );
  const stopReopened = client.onEventsReopened?.(() => invalidateQueriesNow(queryClient, {}));
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
    stopReopened?.();
  };
}
