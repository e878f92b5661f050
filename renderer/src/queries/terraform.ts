// The Terraform domain's data hooks (contract methods under TanStack Query), shared by the wizard's
// Apply step, Workspaces and Settings.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { MethodInput } from '../../../shared/api';
import { useClient } from '../client/ClientProvider';
import { queryKeys } from '../client/query-keys';

export function useTerraformBinary() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.terraformBinary, queryFn: () => client.call('getTerraformBinary', {}) });
}

const RUNNING_POLL_MS = 1000;

/**
 * A run and, for a finished plan, its reviewed plan; refreshed while the run is running. Once it has
 * ended its record is final for this step, so it is not fetched again: a plan of thousands of changes
 * is not downloaded and parsed anew each time another run changes.
 */
export function useTerraformRun(runId: string | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: [...queryKeys.terraformRuns, 'run', runId],
    queryFn: () => client.call('getTerraformRun', { runId: runId ?? '' }),
    enabled: (query) => runId !== undefined && (query.state.data?.run.status ?? 'running') === 'running',
    // terraformRunChanged refreshes this; a run that is still running is also re-read every second,
    // so one event lost to a reconnect or a race with the first fetch cannot leave the step stuck.
    refetchInterval: (query) => (query.state.data?.run.status === 'running' ? RUNNING_POLL_MS : false),
  });
}

export function useTerraformRuns(workspaceKey: string | undefined, limit = 50) {
  const client = useClient();
  return useQuery({
    queryKey: [...queryKeys.terraformRuns, 'list', workspaceKey ?? 'all', limit],
    queryFn: () => client.call('listTerraformRuns', { ...(workspaceKey ? { workspaceKey } : {}), limit }),
  });
}

/**
 * Whether the workspace's newest apply succeeded: what makes the wizard's Apply step done. A failed
 * plan or apply after it does not undo that apply, but a workspace never applied is never done.
 */
export function useWorkspaceApplied(workspaceKey: string | undefined): boolean {
  const client = useClient();
  const runs = useQuery({
    queryKey: [...queryKeys.terraformRuns, 'list', workspaceKey ?? 'none', 20],
    queryFn: () => client.call('listTerraformRuns', { workspaceKey: workspaceKey ?? '', limit: 20 }),
    enabled: workspaceKey !== undefined,
  });
  return runs.data?.find((run) => run.kind === 'apply')?.status === 'succeeded';
}

/** Whether the workspace's newest apply applied a destroy plan, and succeeded. */
export function useWorkspaceDestroyed(workspaceKey: string): boolean {
  const client = useClient();
  const runs = useQuery({
    queryKey: [...queryKeys.terraformRuns, 'list', workspaceKey, 20],
    queryFn: () => client.call('listTerraformRuns', { workspaceKey, limit: 20 }),
  });
  const apply = runs.data?.find((run) => run.kind === 'apply');
  const plan = runs.data?.find((run) => run.id === apply?.planRunId);
  return apply?.status === 'succeeded' && plan?.kind === 'destroy-plan';
}

export function useStartPlan() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: MethodInput<'startTerraformPlan'>) => client.call('startTerraformPlan', input),
  });
}

export function useApplyPlan() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: MethodInput<'applyTerraformPlan'>) => client.call('applyTerraformPlan', input),
  });
}

export function useCancelRun() {
  const client = useClient();
  return useMutation({ mutationFn: (runId: string) => client.call('cancelTerraformRun', { runId }) });
}

export function useForceUnlock() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: MethodInput<'forceUnlockTerraform'>) => client.call('forceUnlockTerraform', input),
  });
}
