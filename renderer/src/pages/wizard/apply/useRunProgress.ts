import { useEffect, useState } from 'react';
import type { RunLogEntry } from '../../../../../shared/contract/terraform';
import { useClient } from '../../../client/ClientProvider';
import { addEntries, emptyProgress, type RunProgress } from './run-progress';

/** Renders at most this often while lines stream in: thousands of events stay a handful of renders. */
const FLUSH_MS = 100;

/**
 * A run's progress: its stored log (paged), then its live events, folded in batches. Live events that
 * arrive while the backlog loads are buffered; overlap is dropped by sequence number.
 */
export function useRunProgress(runId: string | undefined): RunProgress {
  const client = useClient();
  // Keyed by run, so another run starts from empty without resetting state inside the effect.
  const [state, setState] = useState<{ runId: string | undefined; progress: RunProgress }>({
    runId: undefined,
    progress: emptyProgress,
  });

  useEffect(() => {
    if (!runId) return;
    let buffer: RunLogEntry[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    // Live entries wait until the stored log is in: folded first, they would make the backlog look old.
    let backlogLoaded = false;
    const flush = (): void => {
      timer = undefined;
      const batch = buffer;
      buffer = [];
      if (stopped || batch.length === 0) return;
      setState((current) => ({
        runId,
        progress: addEntries(current.runId === runId ? current.progress : emptyProgress, batch),
      }));
    };
    const queue = (entries: readonly RunLogEntry[]): void => {
      buffer.push(...entries);
      if (backlogLoaded) timer ??= setTimeout(flush, FLUSH_MS);
    };
    const unsubscribe = client.on('terraformRunEvents', (payload) => {
      if (payload.runId === runId) queue(payload.entries);
    });
    void (async () => {
      let afterSeq = -1;
      for (;;) {
        const page = await client.call('getTerraformRunLog', { runId, afterSeq, limit: 5000 }).catch(() => undefined);
        if (stopped) return;
        if (page) queue(page.entries);
        if (!page || page.nextSeq === undefined) break;
        afterSeq = page.nextSeq;
      }
      backlogLoaded = true;
      flush();
    })();
    return () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [client, runId]);

  return state.runId === runId ? state.progress : emptyProgress;
}
