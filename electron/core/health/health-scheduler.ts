export interface SchedulerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: SchedulerTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending re-check must not keep the process (web host, tests) alive.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Re-checks every `minutes` (0 = off). The next tick is armed only once the previous run has
 * finished, so scheduled runs never overlap; `tick` itself skips when a run is already going.
 */
export class HealthScheduler {
  #handle: unknown;
  #minutes = 0;
  #stopped = false;

  constructor(
    private readonly tick: () => Promise<void>,
    private readonly timers: SchedulerTimers = realTimers,
  ) {}

  configure(minutes: number): void {
    this.#minutes = minutes;
    this.#arm();
  }

  stop(): void {
    this.#stopped = true;
    this.#disarm();
  }

  #disarm(): void {
    if (this.#handle !== undefined) this.timers.clearTimeout(this.#handle);
    this.#handle = undefined;
  }

  #arm(): void {
    this.#disarm();
    if (this.#stopped || this.#minutes <= 0) return;
    this.#handle = this.timers.setTimeout(() => {
      this.#handle = undefined;
      void this.tick().finally(() => {
        if (this.#handle === undefined) this.#arm();
      });
    }, this.#minutes * 60_000);
  }
}
