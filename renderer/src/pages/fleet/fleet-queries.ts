import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { MethodInput } from '../../../../shared/api';
import {
  fleetEvents,
  fleetMethods,
  fleetRunSummarySchema,
  type FleetRun,
  type FleetRunSummary,
} from '../../../../shared/contract/fleet';
import { useClient } from '../../client/ClientProvider';
import { registerContract } from '../../client/contract-registry';
import { FleetProgressFold } from './fleet-progress';
import { answerWith, invalidateQueriesNow } from '../../client/invalidate-queries';

registerContract({ methods: fleetMethods, events: fleetEvents });

/** The fleet page's cache keys (its own prefix: nothing else reads fleet runs). */
export const fleetKeys = {
  all: ['fleet'] as const,
  list: ['fleet', 'list'] as const,
  run: (fleetId: string) => ['fleet', 'run', fleetId] as const,
};

export function useFleetRuns() {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () => client.on('fleetRunsChanged', () => void invalidateQueriesNow(queryClient, { queryKey: fleetKeys.list })),
    [client, queryClient],
  );
  return useQuery({ queryKey: fleetKeys.list, queryFn: () => client.call('listFleetRuns', {}) });
}

/** How long the event stream must pause before the run is read again in full. */
const SETTLE_MS = 750;

/**
 * A fleet run, kept live by `fleetProgress`. Events are folded into the cache at most once per animation
 * frame, so 500 accounts streaming their stages re-render the board once a frame, not once an event,
 * and only the rows whose item an event names (see FleetProgressFold).
 */
export function useFleetRun(fleetId: string | undefined) {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!fleetId) return undefined;
    const queryKey = fleetKeys.run(fleetId);
    const progress = new FleetProgressFold();
    let frame: number | undefined;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const acting = (): boolean => queryClient.isMutating({ mutationKey: fleetKeys.all }) > 0;
    const flush = (): void => {
      frame = undefined;
      // A read of the run, or a board action whose answer (a whole run) will replace it.
      const reading = queryClient.isFetching({ queryKey }) > 0 || acting();
      queryClient.setQueryData<FleetRun>(queryKey, (run) => progress.fold(run, reading));
      if (!progress.mustReread) return;
      // A read in flight may answer with items older than the events just folded and overwrite them;
      // reading the run again once the stream pauses makes the board converge on the stored truth.
      clearTimeout(settle);
      settle = setTimeout(reread, SETTLE_MS);
    };
    const reread = (): void => {
      // An action's answer still to come would overwrite the read: read after it instead.
      if (queryClient.isMutating({ mutationKey: fleetKeys.all }) > 0) {
        settle = setTimeout(reread, SETTLE_MS);
        return;
      }
      progress.rereading();
      // A read in flight may hold items older than the events folded: this one replaces it (a first
      // read, which cancelling would only start over, lands and is followed by this one).
      void invalidateQueriesNow(queryClient, { queryKey }, { restart: true });
    };
    const unsubscribe = client.on('fleetProgress', (event) => {
      if (event.fleetId !== fleetId) return;
      // An action in flight as the event arrives answers after sending its events, so its answer may
      // land before this frame's fold with the item older than the event. (A plain read in flight is
      // checked at the fold: marking those on arrival too made every pause's re-read race the stream
      // and re-read again, a whole-run read every two seconds while 500 accounts plan.)
      progress.add(event, acting());
      frame ??= requestAnimationFrame(flush);
    });
    return () => {
      unsubscribe();
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(settle);
    };
  }, [client, queryClient, fleetId]);
  return useQuery({
    queryKey: fleetKeys.run(fleetId ?? ''),
    queryFn: () => client.call('getFleetRun', { fleetId: fleetId ?? '' }),
    enabled: fleetId !== undefined,
  });
}

type FleetAction =
  | 'planFleet'
  | 'approveFleetPlans'
  | 'reorderFleet'
  | 'applyFleet'
  | 'retryFleetItems'
  | 'cancelFleet'
  | 'pauseFleet'
  | 'resumeFleet'
  | 'setFleetConcurrency'
  | 'checkFleet';

/**
 * One of the board's actions; the run it answers replaces the cached one (no second read of 500 items).
 * Events folded while the action was in flight may be newer than its answer: the fold counts the
 * action as a read in flight, so the run is read again once the stream pauses (see useFleetRun).
 */
export function useFleetAction<M extends FleetAction>(method: M) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...fleetKeys.all, method],
    mutationFn: (input: MethodInput<M>) => client.call(method, input) as Promise<FleetRun>,
    onSuccess: async (run) => {
      // A read started before the action would land after it with older items: answerWith drops it.
      await answerWith(queryClient, fleetKeys.run(run.id), run);
      listRun(queryClient, run);
    },
  });
}

/**
 * The run's summary in the cached list at once, replacing its old one (an action) or added (a new
 * run), so the page (which falls back to the newest run for an unlisted id) opens it; then read again.
 */
function listRun(queryClient: QueryClient, run: FleetRun): void {
  const summary = fleetRunSummarySchema.parse(run);
  queryClient.setQueryData<FleetRunSummary[]>(
    fleetKeys.list,
    (runs) => runs && [...runs.filter((each) => each.id !== run.id), summary],
  );
  void invalidateQueriesNow(queryClient, { queryKey: fleetKeys.list }, { restart: true });
}

export function useCreateFleetRun() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'createFleetRun'>) => client.call('createFleetRun', input),
    onSuccess: (run) => {
      queryClient.setQueryData(fleetKeys.run(run.id), run);
      listRun(queryClient, run);
    },
  });
}
