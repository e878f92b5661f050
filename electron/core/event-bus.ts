import type { EventName, EventPayload } from '../../shared/api';

type Listener = (name: EventName, payload: unknown) => void;

/** Core → transports: every event the contract declares, fanned out to whoever listens. */
export class EventBus {
  readonly #listeners = new Set<Listener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners) listener(name, payload);
  }

  /** Listens to every event; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
