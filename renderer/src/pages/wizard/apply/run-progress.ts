import type { RunLogEntry, TerraformDiagnostic } from '../../../../../shared/contract/terraform';

export type ResourceStatus = 'pending' | 'running' | 'complete' | 'errored';

export interface ResourceProgress {
  addr: string;
  action: string;
  status: ResourceStatus;
  /** When Liaison received apply_start (ms): the live elapsed time counts from here. */
  startedAt?: number;
  /** Seconds, as Terraform last reported (apply_progress / apply_complete). */
  elapsedSeconds?: number;
}

export interface RunOutput {
  name: string;
  sensitive: boolean;
  value: unknown;
}

/** What a run's event stream adds up to: one entry per resource, diagnostics, outputs. */
export interface RunProgress {
  /** Resources in the order Terraform first mentioned them. */
  resources: ResourceProgress[];
  diagnostics: TerraformDiagnostic[];
  outputs: RunOutput[] | undefined;
  completed: number;
  errored: number;
  lastSeq: number;
  /** Raw (non-JSON) lines: stderr, crashes; kept so nothing Terraform said is lost. */
  rawLines: string[];
}

export const emptyProgress: RunProgress = {
  resources: [],
  diagnostics: [],
  outputs: undefined,
  completed: 0,
  errored: 0,
  lastSeq: -1,
  rawLines: [],
};

/**
 * Folds a batch of entries into the progress, returning a new object (one per batch, not per line,
 * so thousands of lines mean a handful of renders). Entries already seen (by seq) are skipped.
 */
export function addEntries(
  progress: RunProgress,
  entries: readonly RunLogEntry[],
  receivedAt: number = Date.now(),
): RunProgress {
  // One batch can hold the same entries twice (live stream and stored log) and out of order: keep each
  // sequence number once, in order, and only those newer than what is already folded in.
  const seen = new Set<number>();
  const fresh = [...entries]
    .sort((a, b) => a.seq - b.seq)
    .filter((entry) => entry.seq > progress.lastSeq && !seen.has(entry.seq) && Boolean(seen.add(entry.seq)));
  if (fresh.length === 0) return progress;
  const index = new Map(progress.resources.map((resource, position) => [resource.addr, position]));
  const resources = [...progress.resources];
  const diagnostics = [...progress.diagnostics];
  const rawLines = [...progress.rawLines];
  let outputs = progress.outputs;
  const upsert = (addr: string, patch: Partial<ResourceProgress>): void => {
    const position = index.get(addr);
    if (position === undefined) {
      index.set(addr, resources.length);
      resources.push({ addr, action: 'update', status: 'pending', ...patch });
    } else {
      resources[position] = { ...(resources[position] as ResourceProgress), ...patch };
    }
  };
  for (const { event } of fresh) {
    switch (event.type) {
      case 'planned_change':
        upsert(event.change.resource.addr, { action: event.change.action });
        break;
      case 'apply_start':
        upsert(event.hook.resource.addr, {
          action: event.hook.action,
          status: 'running',
          // Not Terraform's timestamp: a replayed or restored log would show a stale clock.
          startedAt: receivedAt,
        });
        break;
      case 'apply_progress':
        upsert(event.hook.resource.addr, { elapsedSeconds: event.hook.elapsed_seconds });
        break;
      case 'apply_complete':
        upsert(event.hook.resource.addr, { status: 'complete', elapsedSeconds: event.hook.elapsed_seconds });
        break;
      case 'apply_errored':
        upsert(event.hook.resource.addr, { status: 'errored', elapsedSeconds: event.hook.elapsed_seconds });
        break;
      case 'diagnostic':
        diagnostics.push(event.diagnostic);
        break;
      case 'outputs':
        outputs = Object.entries(event.outputs).map(([name, output]) => ({
          name,
          sensitive: output.sensitive,
          value: output.value,
        }));
        break;
      case 'raw':
        rawLines.push(event.text);
        break;
      default:
        break;
    }
  }
  return {
    resources,
    diagnostics,
    outputs,
    rawLines,
    completed: resources.filter((resource) => resource.status === 'complete').length,
    errored: resources.filter((resource) => resource.status === 'errored').length,
    lastSeq: fresh.reduce((max, entry) => Math.max(max, entry.seq), progress.lastSeq),
  };
}
