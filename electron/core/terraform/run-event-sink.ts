import type { RunLogEntry, TerraformEvent } from '../../../shared/contract/terraform';
import type { EventBus } from '../event-bus';
import type { OutputStream } from './parse-terraform-line';
import type { LogLine, RunRepository } from './run-repository';

const FLUSH_INTERVAL_MS = 100;
const FLUSH_SIZE = 500;
/** While a run streams, a message to the UI holds at most this many entries... */
export const EMIT_SIZE = 100;
/** ...and at most one leaves per this many ms: about one per frame in the UI. */
export const EMIT_INTERVAL_MS = 20;

/**
 * Where a run's lines go: the store (its log) and the UI (`terraformRunEvents`), in batches, so a
 * 10,000-line apply costs a few dozen transactions and messages rather than 10,000 of each. While the
 * run streams, messages hold at most 100 entries and leave at most one per 20 ms (5,000 entries a
 * second): Terraform prints a whole plan's `planned_change` lines at once when an apply starts, and
 * thousands of entries arriving in one go would be parsed and folded in one long frame (measured:
 * frames of 110–130 ms with 500-entry messages sent back to back). `flush()` (a step's end) sends
 * everything at once.
 */
export class RunEventSink {
  #nextSeq: number;
  #lines: LogLine[] = [];
  #entries: RunLogEntry[] = [];
  #timer: NodeJS.Timeout | undefined;
  /** Stored entries not yet sent to the UI, in order, each at most EMIT_SIZE long. */
  readonly #outbox: RunLogEntry[][] = [];
  #emitTimer: NodeJS.Timeout | undefined;
  #lastEmit = Number.NEGATIVE_INFINITY;
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
    if (this.#entries.length >= FLUSH_SIZE) this.#store();
    else this.#timer ??= setTimeout(() => this.#store(), FLUSH_INTERVAL_MS);
  }

  /** Stores what is pending and sends the UI everything not yet sent, now. */
  flush(): void {
    this.#store();
    if (this.#emitTimer) clearTimeout(this.#emitTimer);
    this.#emitTimer = undefined;
    for (const entries of this.#outbox.splice(0)) this.#emit(entries);
  }

  #store(): void {
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
    for (let start = 0; start < entries.length; start += EMIT_SIZE) {
      this.#outbox.push(entries.slice(start, start + EMIT_SIZE));
    }
    this.#drain();
  }

  /** Sends the next message if the interval allows, else schedules it. */
  #drain(): void {
    if (this.#emitTimer || this.#outbox.length === 0) return;
    const wait = this.#lastEmit + EMIT_INTERVAL_MS - Date.now();
    if (wait > 0) {
      this.#emitTimer = setTimeout(() => {
        this.#emitTimer = undefined;
        this.#drain();
      }, wait);
      return;
    }
    const next = this.#outbox.shift();
    if (next) this.#emit(next);
    this.#drain();
  }

  #emit(entries: RunLogEntry[]): void {
    this.#lastEmit = Date.now();
    this.events.emit('terraformRunEvents', { runId: this.runId, entries });
  }
}
