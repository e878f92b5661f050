/** Waits for the account's next API-call slot (the run's per-account rate limit); keys are `aws:<account>` / `gcp:<project>`. */
export type PaceCalls = (account: string) => Promise<void>;

/** A read (or session) as one check sees it: its settled outcome, and whether another check of the run started it. */
export type SharedRead<T> = { shared: boolean } & ({ ok: true; value: T } | { ok: false; error: unknown });

const noPacing: PaceCalls = () => Promise.resolve();

/**
 * What the checks of one run share. Each key (a session, an account-level document) is loaded once:
 * the first check to ask starts it, every later one joins the same promise, and a failure is kept
 * too, so every check of that account records the same outcome without asking the cloud again. A
 * single check gets a scope of its own, so it reads everything fresh. Close it when the run ends: it
 * closes what the loads opened.
 */
export class CheckScope {
  readonly pace: PaceCalls;
  readonly #loads = new Map<string, Promise<unknown>>();
  readonly #closers: (() => void)[] = [];
  #closed = false;

  constructor(options: { pace?: PaceCalls } = {}) {
    this.pace = options.pace ?? noPacing;
  }

  once<T>(key: string, load: () => Promise<T>, close?: (value: T) => void): Promise<SharedRead<T>> {
    const known = this.#loads.get(key) as Promise<T> | undefined;
    const loading = known ?? this.#start(key, load, close);
    const shared = known !== undefined;
    return loading.then(
      (value) => ({ shared, ok: true as const, value }),
      (error: unknown) => ({ shared, ok: false as const, error }),
    );
  }

  close(): void {
    this.#closed = true;
    for (const close of this.#closers.splice(0)) close();
  }

  #start<T>(key: string, load: () => Promise<T>, close: ((value: T) => void) | undefined): Promise<T> {
    const loading = Promise.resolve().then(load);
    this.#loads.set(key, loading);
    if (close) {
      loading.then(
        (value) => (this.#closed ? close(value) : this.#closers.push(() => close(value))),
        // The failure reaches every caller through `once`; nothing was opened to close.
        () => undefined,
      );
    }
    return loading;
  }
}

/** The sentence a step's detail gains when what it judged was read (or resolved) by another check of the same run. */
export function sharedNote(done: 'Read' | 'Resolved', target: string): string {
  return `(${done} once for ${target} in this run and shared by its checks.)`;
}
