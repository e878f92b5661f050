import type { EventName, LiaisonBridge, LiaisonClient, MethodName } from '../../../shared/api';
import { apiErrorSchema, errorCodes, LiaisonError, type CallResult } from '../../../shared/errors';
import { contractRegistry, type ContractRegistry } from './contract-registry';

declare global {
  interface Window {
    /** Present only inside Electron, exposed by the preload through contextBridge. */
    readonly liaison?: LiaisonBridge;
    /** The web host's event stream, opened by public/early-events.js before the app's modules load. */
    readonly liaisonEvents?: EventSource;
  }
}

type RawCall = (method: MethodName, input: unknown) => Promise<unknown>;
type RawSubscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

const unreadable = (what: string) =>
  new LiaisonError({ code: errorCodes.transport, message: `The app returned an unreadable ${what}` });

/**
 * Builds the typed client over a raw transport: unwraps envelopes, parses outputs and events with the
 * contract's schemas (from `registry`, which loads a domain not yet registered before parsing).
 */
export function clientOver(
  rawCall: RawCall,
  rawSubscribe: RawSubscribe,
  registry: ContractRegistry = contractRegistry,
): LiaisonClient {
  return {
    async call(method, input) {
      const envelope = (await rawCall(method, input)) as CallResult<unknown> | undefined;
      if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) throw unreadable('response');
      if (!envelope.ok) {
        const parsed = apiErrorSchema.safeParse(envelope.error);
        throw parsed.success ? new LiaisonError(parsed.data) : unreadable('error');
      }
      const schema = await registry.output(method);
      if (!schema) throw new LiaisonError({ code: errorCodes.unknownMethod, message: `No such call: ${method}` });
      const parsed = schema.safeParse(envelope.value);
      if (!parsed.success) throw unreadable('response');
      return parsed.data as never;
    },
    on(event, listener) {
      let schema = registry.eventNow(event);
      let open = true;
      const deliver = (payload: unknown) => {
        const parsed = schema?.safeParse(payload);
        if (open && parsed?.success) listener(parsed.data as never);
      };
      // A domain not yet registered: hold its payloads, in order, until its schema has loaded (if it
      // cannot load, they are dropped: nothing unparsed is ever delivered).
      let held: unknown[] | undefined;
      if (!schema) {
        held = [];
        void registry
          .event(event)
          .then(
            (loaded) => (schema = loaded),
            () => undefined,
          )
          .then(() => {
            const payloads = held ?? [];
            held = undefined;
            for (const payload of payloads) deliver(payload);
          });
      }
      const unsubscribe = rawSubscribe(event, (payload) => (held ? held.push(payload) : deliver(payload)));
      return () => {
        open = false;
        unsubscribe();
      };
    },
  };
}

/** Electron: the preload's bridge. */
export function bridgeClient(bridge: LiaisonBridge): LiaisonClient {
  return clientOver(
    (method, input) => bridge.call(method, input),
    (event, listener) => bridge.on(event, listener),
  );
}

/**
 * Browser: one POST per call, one EventSource shared by every subscription (`early`, if the page
 * opened it already: public/early-events.js).
 */
export function httpClient(baseUrl = '', early?: EventSource): LiaisonClient {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const reopenedListeners = new Set<() => void>();
  let source: EventSource | undefined;
  // Settles at the stream's first `open` (the host subscribes it before answering, see server.ts) or
  // its first error (the app still starts; calls then say what is wrong).
  let opened: Promise<void> | undefined;
  const ensureSource = (): EventSource => {
    if (source) return source;
    // An early stream refused for good (not a stream, no session) is replaced: this one may be let in.
    const created = early && early.readyState !== EventSource.CLOSED ? early : new EventSource(`${baseUrl}/api/events`);
    source = created;
    let settle: (() => void) | undefined;
    // A stream opened early may be open before these listeners are added.
    opened =
      created.readyState === EventSource.OPEN ? Promise.resolve() : new Promise<void>((resolve) => (settle = resolve));
    // EventSource reconnects by itself after a drop; what was emitted meanwhile never arrives.
    let dropped = false;
    created.addEventListener('open', () => {
      settle?.();
      if (dropped) for (const listener of reopenedListeners) listener();
      dropped = false;
    });
    created.addEventListener('error', () => {
      settle?.();
      dropped = true;
    });
    return created;
  };
  // One listener per event name on the shared source, added with the name's first subscription.
  const listenFor = (name: EventName): Set<(payload: unknown) => void> => {
    const existing = listeners.get(name);
    if (existing) return existing;
    const set = new Set<(payload: unknown) => void>();
    listeners.set(name, set);
    ensureSource().addEventListener(name, (message) => {
      if (set.size === 0) return; // nobody listens any more: skip the parse
      let payload: unknown;
      try {
        payload = JSON.parse((message as MessageEvent<string>).data);
      } catch {
        return;
      }
      for (const listener of set) listener(payload);
    });
    return set;
  };
  const client = clientOver(
    async (method, input) => {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/api/call/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
      } catch {
        throw new LiaisonError({
          code: errorCodes.transport,
          message: 'Liaison is not reachable',
          remediation: 'Check that the Liaison host is still running, then reload the page.',
        });
      }
      return (await response.json().catch(() => undefined)) as unknown;
    },
    (event, listener) => {
      const set = listenFor(event);
      set.add(listener);
      return () => set.delete(listener);
    },
  );
  return {
    ...client,
    openEvents: () => {
      ensureSource();
      return opened ?? Promise.resolve();
    },
    onEventsReopened: (listener) => {
      reopenedListeners.add(listener);
      return () => reopenedListeners.delete(listener);
    },
  };
}

/** The renderer's client: it never needs to know which transport it got. */
export function createLiaisonClient(): LiaisonClient {
  return window.liaison ? bridgeClient(window.liaison) : httpClient('', window.liaisonEvents);
}
