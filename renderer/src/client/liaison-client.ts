import {
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

/**
 * Browser: one POST per call, one EventSource shared by every subscription. An event name gets its
 * EventSource listener with its first subscriber, so events nobody listens to (a fleet's thousands of
 * Terraform output lines while only its board is open) are never parsed in the page.
 */
export function httpClient(baseUrl = ''): LiaisonClient {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | undefined;
  const listen = (name: EventName, set: Set<(payload: unknown) => void>): void => {
    source ??= new EventSource(`${baseUrl}/api/events`);
    source.addEventListener(name, (message) => {
      if (set.size === 0) return;
      let payload: unknown;
      try {
        payload = JSON.parse((message as MessageEvent<string>).data);
      } catch {
        return;
      }
      for (const listener of set) listener(payload);
    });
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
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        listen(event, set);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  );
}

/** The renderer's client: it never needs to know which transport it got. */
export function createLiaisonClient(): LiaisonClient {
  return window.liaison ? bridgeClient(window.liaison) : httpClient();
}
