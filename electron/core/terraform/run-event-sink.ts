import type { RunLogEntry, TerraformEvent } from '../../../shared/contract/terraform';
import type { EventBus } from '../event-bus';
import type { OutputStream } from './parse-terraform-line';
import type { LogLine, RunRepository } from './run-repository';

const FLUSH_INTERVAL_MS = 100;
const FLUSH_SIZE = 500;

/**
 * Where a run's lines go: the store (its log) and the UI (`terraformRunEvents`), in batches, so a
 * 10,000-line apply costs a few dozen transactions and messages rather than 10,000 of each.
 */
export class RunEventSink {
  #nextSeq: number;
  #lines: LogLine[] = [];
  #entries: RunLogEntry[] = [];
  #timer: NodeJS.Timeout | undefined;
  /** The first error writing the log, if any. */
  storeFailure: Error | undefined;

  constructor(
    private readonly runId: string,
    private readonly repository: RunRepository,
    private readonly events: EventBus,
    firstSeq = 0,
  ) {
    this.#nextSeq = firstSeq;
  }

  /** Records a line (already redacted) and its parsed event. */
  push(line: string, stream: OutputStream, event: TerraformEvent): void {
    this.#lines.push({ stream, line });
    this.#entries.push({ seq: this.#nextSeq + this.#entries.length, event });
    if (this.#entries.length >= FLUSH_SIZE) this.flush();
    else this.#timer ??= setTimeout(() => this.flush(), FLUSH_INTERVAL_MS);
  }

  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#entries.length === 0) return;
    const lines = this.#lines;
    const entries = this.#entries;
    this.#lines = [];
    this.#entries = [];
    try {
      this.repository.appendLog(this.runId, this.#nextSeq, lines);
    } catch (error) {
      // A full disk, say: the run goes on (stopping Terraform mid-apply is worse); the run reports it.
      this.storeFailure ??= error instanceof Error ? error : new Error(String(error));
    }
    this.#nextSeq += lines.length;
    this.events.emit('terraformRunEvents', { runId: this.runId, entries });
  }
}
