export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * At most `perSecond` starts per account: each account's starts are spaced 1000/perSecond ms apart,
 * so one busy account neither throttles itself nor holds back the others.
 */
export class AccountRateLimiter {
  readonly #nextSlot = new Map<string, number>();
  readonly #spacingMs: number;
  readonly #clock: Clock;

  constructor(perSecond: number, clock: Clock = realClock) {
    this.#spacingMs = 1000 / perSecond;
    this.#clock = clock;
  }

  async acquire(account: string): Promise<void> {
    const now = this.#clock.now();
    const slot = Math.max(now, this.#nextSlot.get(account) ?? now);
    this.#nextSlot.set(account, slot + this.#spacingMs);
    if (slot > now) await this.#clock.sleep(slot - now);
  }
}
