import { queryOptions, useMutation, useMutationState, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { LiaisonClient, MethodInput } from '../../../shared/api';
import type { ExportFile } from '../../../shared/contract/health';
import { useClient } from '../client/ClientProvider';
import { SHARED_FETCH_MS } from '../client/query-client';
import { queryKeys } from '../client/query-keys';
import { notify } from '../notifications/notification-store';
import { invalidateQueriesNow } from '../client/invalidate-queries';

/**
 * The overview (refreshed by `associationCheckChanged`, so a run fills the table as it goes). Fresh for
 * two seconds after a fetch, so the components that mount together (the page, the navigation badge, the
 * run bar) and a fetch started before them at launch (see prefetchStartPage) share it; an event makes it
 * stale at once.
 */
export function healthOverviewQuery(client: LiaisonClient) {
  return queryOptions({
    queryKey: queryKeys.health,
    queryFn: () => client.call('getHealthOverview', {}),
    staleTime: SHARED_FETCH_MS,
  });
}

export function useHealthOverview() {
  return useQuery(healthOverviewQuery(useClient()));
}

export function useAssociationHistory(associationId: string) {
  const client = useClient();
  return useQuery({
    queryKey: [...queryKeys.health, 'history', associationId],
    queryFn: () => client.call('getAssociationHistory', { associationId, limit: 500 }),
  });
}

export function useStartHealthRun() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: MethodInput<'startHealthRun'>) => client.call('startHealthRun', input),
  });
}

export function useCancelHealthRun() {
  const client = useClient();
  return useMutation({ mutationFn: (runId: string) => client.call('cancelHealthRun', { runId }) });
}

const CHECK_DRIFT = ['checkDrift'] as const;

/** A refresh-only plan in one workspace; the overview refreshes with its result. */
export function useCheckDrift() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: CHECK_DRIFT,
    mutationFn: (workspaceKey: string) => client.call('checkDrift', { workspaceKey }),
    onSettled: () => invalidateQueriesNow(queryClient, { queryKey: queryKeys.health }, { restart: true }),
  });
}

/**
 * The workspaces whose refresh-only plan is running (started from any `useCheckDrift`), so a table
 * can show every row's state with one subscription instead of one mutation observer per row.
 */
export function usePendingDriftChecks(): ReadonlySet<string> {
  const pending = useMutationState({
    filters: { mutationKey: CHECK_DRIFT, status: 'pending' },
    select: (mutation) => mutation.state.variables as string,
  });
  // The list keeps its identity until a drift mutation changes, so the set does too.
  return useMemo(() => new Set(pending), [pending]);
}

/** The same in every workspace, one after another. */
export function useCheckAllDrift() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.call('checkAllDrift', {}),
    onSettled: () => invalidateQueriesNow(queryClient, { queryKey: queryKeys.health }, { restart: true }),
  });
}

export function useHealthSettings() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.healthSettings, queryFn: () => client.call('getHealthSettings', {}) });
}

export function useSaveHealthSettings() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'setHealthSettings'>) => client.call('setHealthSettings', input),
    // The form remounts with the saved values, so the confirmation is a notification that outlives it.
    onSuccess: (settings) =>
      notify(
        settings.scheduleMinutes > 0
          ? `Re-check settings saved: every ${settings.scheduleMinutes} minutes`
          : 'Re-check settings saved: no schedule',
      ),
    onSettled: () => invalidateQueriesNow(queryClient, { queryKey: queryKeys.healthSettings }, { restart: true }),
  });
}

/** Hands an exported file to the browser's download. */
export function downloadExport(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
