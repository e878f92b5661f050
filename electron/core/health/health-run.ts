import { randomUUID } from 'node:crypto';
import type { CheckVerdict } from '../../../shared/contract/checks';
import type { HealthRunStatus } from '../../../shared/contract/health';
import { runBounded } from '../aws/run-bounded';
import type { CheckBatch } from '../checks/checks-service';
import type { PaceCalls } from '../checks/check-scope';
import { AccountRateLimiter, type Clock } from './account-rate-limiter';
import { emptyCounts } from './health-overview-query';

export interface RunTarget {
  associationId: string;
  /** Rate-limit key: the cloud and the account or project. */
  account: string;
}

export interface HealthRunOptions {
  targets: readonly RunTarget[];
  trigger: HealthRunStatus['trigger'];
  concurrency: number;
  perAccountPerSecond: number;
  clock: Clock;
  now: () => Date;
  /**
   * The run's checks, which share what they read per account and wait for `pace` before each API
   * call; each stores its result. A throw is recorded by `recordFailure`, never ends the run.
   */
  openBatch: (pace: PaceCalls) => CheckBatch;
  recordFailure: (associationId: string, error: unknown) => CheckVerdict;
  onProgress: (status: HealthRunStatus) => void;
}

const PROGRESS_INTERVAL_MS = 100;

/** One check-all: bounded, rate-limited per account (API calls, not checks), cancellable, with a verdict for every target it starts. */
export class HealthRun {
  readonly #abort = new AbortController();
  readonly #options: HealthRunOptions;
  #status: HealthRunStatus;
  #lastProgress = 0;
  readonly done: Promise<HealthRunStatus>;

  constructor(options: HealthRunOptions) {
    this.#options = options;
    this.#status = {
      runId: randomUUID(),
      state: 'running',
      trigger: options.trigger,
      total: options.targets.length,
      done: 0,
      counts: emptyCounts(),
      startedAt: options.now().toISOString(),
    };
    this.done = this.#run();
  }

  get status(): HealthRunStatus {
    return this.#status;
  }

  cancel(): void {
    this.#abort.abort();
  }

  async #run(): Promise<HealthRunStatus> {
    const limiter = new AccountRateLimiter(this.#options.perAccountPerSecond, this.#options.clock);
    // Once cancelled, the checks still running finish without waiting for slots: nothing new starts.
    const batch = this.#options.openBatch((account) =>
      this.#abort.signal.aborted ? Promise.resolve() : limiter.acquire(account),
    );
    this.#options.onProgress(this.#status);
    try {
      await runBounded(
        this.#options.targets,
        this.#options.concurrency,
        async (target) => {
          try {
            return (await batch.run(target.associationId)).verdict;
          } catch (error) {
            return this.#options.recordFailure(target.associationId, error);
          }
        },
        (verdict) => {
          const counts = { ...this.#status.counts, [verdict]: this.#status.counts[verdict] + 1 };
          this.#status = { ...this.#status, done: this.#status.done + 1, counts };
          const now = this.#options.clock.now();
          if (now - this.#lastProgress >= PROGRESS_INTERVAL_MS) {
            this.#lastProgress = now;
            this.#options.onProgress(this.#status);
          }
        },
        this.#abort.signal,
      );
    } finally {
      batch.close();
    }
    this.#status = {
      ...this.#status,
      state: this.#abort.signal.aborted ? 'cancelled' : 'finished',
      finishedAt: this.#options.now().toISOString(),
    };
    this.#options.onProgress(this.#status);
    return this.#status;
  }
}
