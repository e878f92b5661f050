import { useEffect, useState } from 'react';
import type { RunLogEntry } from '../../../../../shared/contract/terraform';
import { useClient } from '../../../client/ClientProvider';
import { emptyProgress, RunProgressFold, type RunProgress } from './run-progress';

/**
 * A run's progress: its stored log (paged), then its live events. Entries are queued as they arrive
 * and folded once per animation frame, so however fast Terraform prints, the step renders at most
 * once a frame. Live events that arrive while the backlog loads wait for it; overlap is dropped by
 * sequence number.
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
    const fold = new RunProgressFold();
    let buffer: RunLogEntry[] = [];
    let frame: number | undefined;
    let stopped = false;
    // Live entries wait until the stored log is in: folded first, they would make the backlog look old.
    let backlogLoaded = false;
    const flush = (): void => {
      frame = undefined;
      const batch = buffer;
      buffer = [];
      if (stopped || batch.length === 0) return;
      if (fold.add(batch)) setState({ runId, progress: fold.snapshot });
    };
    const queue = (entries: readonly RunLogEntry[]): void => {
      for (const entry of entries) buffer.push(entry);
      if (backlogLoaded) frame ??= requestAnimationFrame(flush);
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
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [client, runId]);

  return state.runId === runId ? state.progress : emptyProgress;
}
