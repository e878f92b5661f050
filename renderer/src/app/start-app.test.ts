import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../shared/api';
import { clientOver } from '../client/liaison-client';
import { queryKeys } from '../client/query-keys';
import { startApp } from './start-app';

/** A client whose event stream opens when the test says, recording every call and when it was made. */
function clientWithStream() {
  const calls: MethodName[] = [];
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const base = clientOver(
    (method) => {
      calls.push(method);
      return Promise.resolve({ ok: true, value: method === 'listAssociations' ? [] : null });
    },
    () => () => undefined,
  );
  return { client: { ...base, openEvents: () => opened }, calls, open };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let queryClient: QueryClient;
afterEach(() => queryClient.clear());

describe('startApp', () => {
  it('asks for the start page and renders only once events flow', async () => {
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const stream = clientWithStream();
    let rendered = false;
    const started = startApp({
      client: stream.client,
      queryClient,
      opensStartPage: true,
      render: () => (rendered = true),
    });
    await settle();
    expect(stream.calls).toEqual([]);
    expect(rendered).toBe(false);
    stream.open();
    await started;
    expect([...stream.calls].sort()).toEqual(['getHealthOverview', 'listAssociations']);
    expect(rendered).toBe(true);
  });

  it('asks for nothing before the first render when the app opens another page', async () => {
    queryClient = new QueryClient();
    const stream = clientWithStream();
    stream.open();
    let rendered = false;
    await startApp({ client: stream.client, queryClient, opensStartPage: false, render: () => (rendered = true) });
    expect(stream.calls).toEqual([]);
    expect(rendered).toBe(true);
  });

  it('renders without events after the wait, and asks for everything again once they flow', async () => {
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
    const stream = clientWithStream();
    let rendered = false;
    // What the first render asks for while the stream is still closed.
    const render = () => {
      rendered = true;
      void queryClient.prefetchQuery({ queryKey: queryKeys.appInfo, queryFn: () => Promise.resolve('answered') });
    };
    await startApp({ client: stream.client, queryClient, opensStartPage: true, render, eventsWaitMs: 5 });
    expect(rendered).toBe(true);
    await settle();
    const stale = () => queryClient.getQueryCache().find({ queryKey: queryKeys.appInfo })?.isStale();
    expect(stale()).toBe(false);
    stream.open();
    await settle();
    expect(stale()).toBe(true);
  });

  it('needs no wait where events flow as soon as they are subscribed to (IPC)', async () => {
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const calls: MethodName[] = [];
    const client = clientOver(
      (method) => {
        calls.push(method);
        return Promise.resolve({ ok: true, value: null });
      },
      () => () => undefined,
    );
    let rendered = false;
    const started = startApp({ client, queryClient, opensStartPage: true, render: () => (rendered = true) });
    // No stream to wait for: the data is asked for and the app rendered in the same turn.
    expect(calls.length).toBe(2);
    expect(rendered).toBe(true);
    await started;
  });
});
