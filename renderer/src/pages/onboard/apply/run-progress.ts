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

/** What a run's event stream adds up to, at one moment: one entry per resource, diagnostics, outputs. */
export interface RunProgress {
  /**
   * Resources in the order Terraform first mentioned them. A changed resource is a new object (so a
   * row can skip re-rendering an unchanged one); the list itself grows in place between snapshots.
   */
  resources: readonly ResourceProgress[];
  diagnostics: readonly TerraformDiagnostic[];
  outputs: RunOutput[] | undefined;
  completed: number;
  errored: number;
  running: number;
  lastSeq: number;
  /** Raw (non-JSON) lines: stderr, crashes; kept so nothing Terraform said is lost. */
  rawLines: readonly string[];
}

export const emptyProgress: RunProgress = {
  resources: [],
  diagnostics: [],
  outputs: undefined,
  completed: 0,
  errored: 0,
  running: 0,
  lastSeq: -1,
  rawLines: [],
};

/**
 * Folds a run's entries as they arrive: constant work per entry (resources found by address in a
 * Map, counts kept up to date as statuses change), so a 10,000-line apply costs 10,000 small steps,
 * never a pass over every resource per line or per batch. Entries already folded (by seq) are skipped.
 */
export class RunProgressFold {
  readonly #resources: ResourceProgress[] = [];
  readonly #index = new Map<string, number>();
  readonly #diagnostics: TerraformDiagnostic[] = [];
  readonly #rawLines: string[] = [];
  #outputs: RunOutput[] | undefined;
  #counts: Record<ResourceStatus, number> = { pending: 0, running: 0, complete: 0, errored: 0 };
  #lastSeq = -1;
  #snapshot: RunProgress = emptyProgress;

  /** Folds a batch in sequence order; returns whether anything new was folded. */
  add(entries: readonly RunLogEntry[], receivedAt: number = Date.now()): boolean {
    // The live stream arrives in order; a batch that mixes it with the stored log may not.
    const ordered = entries.every((entry, i) => i === 0 || (entries[i - 1] as RunLogEntry).seq < entry.seq)
      ? entries
      : [...entries].sort((a, b) => a.seq - b.seq);
    const before = this.#lastSeq;
    for (const entry of ordered) {
      if (entry.seq <= this.#lastSeq) continue;
      this.#lastSeq = entry.seq;
      this.#fold(entry, receivedAt);
    }
    if (this.#lastSeq === before) return false;
    this.#snapshot = {
      resources: this.#resources,
      diagnostics: this.#diagnostics,
      outputs: this.#outputs,
      rawLines: this.#rawLines,
      completed: this.#counts.complete,
      errored: this.#counts.errored,
      running: this.#counts.running,
      lastSeq: this.#lastSeq,
    };
    return true;
  }

  /** The progress as of the last batch: a new object after every batch that changed anything. */
  get snapshot(): RunProgress {
    return this.#snapshot;
  }

  #fold({ event }: RunLogEntry, receivedAt: number): void {
    switch (event.type) {
      case 'planned_change':
        this.#upsert(event.change.resource.addr, { action: event.change.action });
        break;
      case 'apply_start':
        this.#upsert(event.hook.resource.addr, {
          action: event.hook.action,
          status: 'running',
          // Not Terraform's timestamp: a replayed or restored log would show a stale clock.
          startedAt: receivedAt,
        });
        break;
      case 'apply_progress':
        this.#upsert(event.hook.resource.addr, { elapsedSeconds: event.hook.elapsed_seconds });
        break;
      case 'apply_complete':
        this.#upsert(event.hook.resource.addr, { status: 'complete', elapsedSeconds: event.hook.elapsed_seconds });
        break;
      case 'apply_errored':
        this.#upsert(event.hook.resource.addr, { status: 'errored', elapsedSeconds: event.hook.elapsed_seconds });
        break;
      case 'diagnostic':
        this.#diagnostics.push(event.diagnostic);
        break;
      case 'outputs':
        this.#outputs = Object.entries(event.outputs).map(([name, output]) => ({
          name,
          sensitive: output.sensitive,
          value: output.value,
        }));
        break;
      case 'raw':
        this.#rawLines.push(event.text);
        break;
      default:
        break;
    }
  }

  #upsert(addr: string, patch: Partial<ResourceProgress>): void {
    const position = this.#index.get(addr);
    const previous = position === undefined ? undefined : this.#resources[position];
    const next: ResourceProgress = previous
      ? { ...previous, ...patch }
      : { addr, action: 'update', status: 'pending', ...patch };
    if (previous) this.#counts[previous.status] -= 1;
    this.#counts[next.status] += 1;
    if (position === undefined) {
      this.#index.set(addr, this.#resources.length);
      this.#resources.push(next);
    } else {
      this.#resources[position] = next;
    }
  }
}
