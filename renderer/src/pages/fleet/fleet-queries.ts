import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { MethodInput } from '../../../../shared/api';
import type { FleetItem, FleetRun, FleetRunSummary } from '../../../../shared/contract/fleet';
import { useClient } from '../../client/ClientProvider';

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
    () => client.on('fleetRunsChanged', () => void queryClient.invalidateQueries({ queryKey: fleetKeys.list })),
    [client, queryClient],
  );
  return useQuery({ queryKey: fleetKeys.list, queryFn: () => client.call('listFleetRuns', {}) });
}

/** `run` with `items` replacing the items of the same id, kept in apply order. */
export function mergeFleetItems(run: FleetRun, items: readonly FleetItem[]): FleetRun {
  if (items.length === 0) return run;
  const changed = new Map(items.map((item) => [item.id, item]));
  const merged = run.items.map((item) => changed.get(item.id) ?? item);
  const reordered = merged.some((item, index) => index > 0 && (merged[index - 1] as FleetItem).order > item.order);
  return { ...run, items: reordered ? [...merged].sort((a, b) => a.order - b.order) : merged };
}

/** How long the event stream must pause before the run is read again in full. */
const SETTLE_MS = 750;

/**
 * A fleet run, kept live by `fleetProgress`. Events are folded into the cache at most once per animation
 * frame, so 500 accounts streaming their stages re-render the board once a frame, not once an event.
 */
export function useFleetRun(fleetId: string | undefined) {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!fleetId) return undefined;
    let pending = new Map<string, FleetItem>();
    let summary: FleetRunSummary | undefined;
    let frame: number | undefined;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const flush = (): void => {
      frame = undefined;
      const items = [...pending.values()];
      pending = new Map();
      queryClient.setQueryData<FleetRun>(fleetKeys.run(fleetId), (run) =>
        run ? mergeFleetItems(summary ? { ...run, ...summary, items: run.items } : run, items) : run,
      );
      summary = undefined;
      // A command's answer or a refetch can land after events it predates and overwrite them; reading
      // the run once the stream pauses makes the board converge on the stored truth.
      clearTimeout(settle);
      settle = setTimeout(() => void queryClient.invalidateQueries({ queryKey: fleetKeys.run(fleetId) }), SETTLE_MS);
    };
    const unsubscribe = client.on('fleetProgress', (event) => {
      if (event.fleetId !== fleetId) return;
      for (const item of event.items) pending.set(item.id, item);
      summary = event.summary;
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

/** One of the board's actions; the run it returns replaces the cached one. */
export function useFleetAction<M extends FleetAction>(method: M) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<M>) => client.call(method, input) as Promise<FleetRun>,
    // Refetched rather than set from the answer: events sent while the call was answered are newer.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fleetKeys.all, refetchType: 'active' }),
  });
}

export function useCreateFleetRun() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'createFleetRun'>) => client.call('createFleetRun', input),
    onSuccess: (run) => {
      queryClient.setQueryData(fleetKeys.run(run.id), run);
      void queryClient.invalidateQueries({ queryKey: fleetKeys.list });
    },
  });
}
