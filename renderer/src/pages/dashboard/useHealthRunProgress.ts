import { useEffect, useState } from 'react';
import type { HealthRunStatus } from '../../../../shared/contract/health';
import { useClient } from '../../client/ClientProvider';

/** The latest check-all status: from the overview at first, then live from `healthRunProgress`. */
export function useHealthRunProgress(initial: HealthRunStatus | undefined): HealthRunStatus | undefined {
  const client = useClient();
  const [live, setLive] = useState<HealthRunStatus | undefined>(undefined);
  useEffect(() => client.on('healthRunProgress', setLive), [client]);
  if (!live) return initial;
  if (initial && initial.runId !== live.runId && initial.startedAt > live.startedAt) return initial;
  return live;
}
