import {
  eventNames,
  events,
  methods,
  type EventName,
  type LiaisonBridge,
  type LiaisonClient,
  type MethodName,
} from '../../../shared/api';
import { apiErrorSchema, errorCodes, LiaisonError, type CallResult } from '../../../shared/errors';

declare global {
  interface Window {
    /** Present only inside Electron, exposed by the preload through contextBridge. */
    readonly liaison?: LiaisonBridge;
  }
}

type RawCall = (method: MethodName, input: unknown) => Promise<unknown>;
type RawSubscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/** Builds the typed client over a raw transport: unwraps envelopes, parses outputs and events. */
export function clientOver(rawCall: RawCall, rawSubscribe: RawSubscribe): LiaisonClient {
  return {
    async call(method, input) {
      const envelope = (await rawCall(method, input)) as CallResult<unknown> | undefined;
      if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
        throw new LiaisonError({ code: errorCodes.transport, message: 'The app returned an unreadable response' });
      }
      if (!envelope.ok) {
        const parsed = apiErrorSchema.safeParse(envelope.error);
        throw new LiaisonError(
          parsed.success
            ? parsed.data
            : { code: errorCodes.transport, message: 'The app returned an unreadable error' },
        );
      }
      return methods[method].output.parse(envelope.value) as never;
    },
    on(event, listener) {
      return rawSubscribe(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as never);
      });
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

/** Browser: one POST per call, one EventSource shared by every subscription. */
export function httpClient(baseUrl = ''): LiaisonClient {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | undefined;
  const ensureSource = (): void => {
    if (source) return;
    source = new EventSource(`${baseUrl}/api/events`);
    for (const name of eventNames) {
      source.addEventListener(name, (message) => {
        let payload: unknown;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
  };
  return clientOver(
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
      ensureSource();
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  );
}

/** The renderer's client: it never needs to know which transport it got. */
export function createLiaisonClient(): LiaisonClient {
  return window.liaison ? bridgeClient(window.liaison) : httpClient();
}
