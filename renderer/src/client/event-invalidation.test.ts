import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { contractRegistry } from './contract-registry';
import { startEventInvalidation } from './event-invalidation';
import { clientOver } from './liaison-client';
import { queryKeys } from './query-keys';

/** A client over a transport the test drives: events it pushes, and a stream that drops and reopens. */
function drivenClient() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const reopened = new Set<() => void>();
  const base = clientOver(
    () => Promise.resolve({ ok: true, value: null }),
    (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    contractRegistry,
  );
  return {
    client: {
      ...base,
      onEventsReopened: (listener: () => void) => {
        reopened.add(listener);
        return () => reopened.delete(listener);
      },
    },
    emit: (event: string, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    reopen: () => {
      for (const listener of reopened) listener();
    },
    listening: () => [...listeners].filter(([, set]) => set.size > 0).map(([name]) => name),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let queryClient: QueryClient;
afterEach(() => queryClient.clear());

/** Caches one answer under each key, fresh for a minute. */
async function cached(...keys: (readonly string[])[]) {
  queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: false } } });
  for (const queryKey of keys) await queryClient.prefetchQuery({ queryKey, queryFn: () => Promise.resolve('answer') });
}

const stale = (queryKey: readonly string[]) => queryClient.getQueryCache().find({ queryKey })?.isStale();

describe('startEventInvalidation', () => {
  it('makes the queries an event changes stale, and only those', async () => {
    await cached(queryKeys.associations, queryKeys.health, queryKeys.groups);
    const driven = drivenClient();
    const stop = startEventInvalidation(driven.client, queryClient);
    driven.emit('associationsChanged', { ids: ['a'] });
    await settle();
    expect(stale(queryKeys.associations)).toBe(true);
    expect(stale(queryKeys.health)).toBe(true);
    expect(stale(queryKeys.groups)).toBe(false);
    stop();
    expect(driven.listening()).toEqual([]);
  });

  it('listens only to events that stale something', () => {
    queryClient = new QueryClient();
    const driven = drivenClient();
    startEventInvalidation(driven.client, queryClient);
    expect(driven.listening()).toContain('associationsChanged');
    expect(driven.listening()).not.toContain('terraformRunEvents');
    expect(driven.listening()).not.toContain('fleetProgress');
  });

  it('makes every query stale when the stream opens again after a drop', async () => {
    await cached(queryKeys.associations, queryKeys.groups, queryKeys.appInfo);
    const driven = drivenClient();
    const stop = startEventInvalidation(driven.client, queryClient);
    driven.reopen();
    await settle();
    expect([stale(queryKeys.associations), stale(queryKeys.groups), stale(queryKeys.appInfo)]).toEqual([
      true,
      true,
      true,
    ]);
    stop();
  });
});
