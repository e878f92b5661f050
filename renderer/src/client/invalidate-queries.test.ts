import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { answerWith, askAgain, invalidateQueriesNow } from './invalidate-queries';

const KEY = ['associations'];

/** A query function whose answers the test hands out, one per call, in order. */
function answers() {
  const pending: ((value: string) => void)[] = [];
  let calls = 0;
  return {
    queryFn: () => {
      calls += 1;
      return new Promise<string>((resolve) => pending.push(resolve));
    },
    answer: (value: string) => pending.shift()?.(value),
    get calls() {
      return calls;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let client: QueryClient;
afterEach(() => client.clear());

/** A new client and a page using KEY (an observer), with the data the page has shown, oldest first. */
function pageInUse(staleTime = 2_000) {
  client = new QueryClient({ defaultOptions: { queries: { staleTime, retry: false } } });
  const server = answers();
  const observer = new QueryObserver(client, { queryKey: KEY, queryFn: server.queryFn });
  const seen: (string | undefined)[] = [];
  const unsubscribe = observer.subscribe((result) => seen.push(result.data));
  return { server, observer, seen, unsubscribe };
}

describe('invalidateQueriesNow', () => {
  it('keeps a prefetch answered after the change stale, where invalidateQueries loses it', async () => {
    for (const invalidate of ['library', 'now'] as const) {
      client = new QueryClient({ defaultOptions: { queries: { staleTime: 2_000, retry: false } } });
      const server = answers();
      // Asked for before the change (a launch prefetch), answered after it.
      const prefetch = client.prefetchQuery({ queryKey: KEY, queryFn: server.queryFn });
      if (invalidate === 'now') invalidateQueriesNow(client, { queryKey: KEY });
      else void client.invalidateQueries({ queryKey: KEY });
      server.answer('before the change');
      await prefetch;
      await settle();
      const query = client.getQueryCache().find({ queryKey: KEY });
      // The library's own invalidation is undone by the answer; ours holds.
      expect(query?.isStale(), invalidate).toBe(invalidate === 'now');
      client.clear();
    }
  });

  it('refetches a query in use once the answer in flight is in', async () => {
    const { server, seen, unsubscribe } = pageInUse();
    expect(server.calls).toBe(1);
    invalidateQueriesNow(client, { queryKey: KEY });
    server.answer('before the change');
    await settle();
    expect(server.calls).toBe(2);
    server.answer('after the change');
    await settle();
    expect(seen.at(-1)).toBe('after the change');
    expect(client.getQueryCache().find({ queryKey: KEY })?.isStale()).toBe(false);
    unsubscribe();
  });

  it('follows a fetch in flight with one more fetch, however many changes landed during it', async () => {
    const { server, seen, unsubscribe } = pageInUse();
    server.answer('first');
    await settle();
    expect(server.calls).toBe(1);
    // Sixteen changes in one message: the first starts a fetch, the others neither cancel nor repeat it.
    for (let change = 0; change < 16; change += 1) invalidateQueriesNow(client, { queryKey: KEY });
    await settle();
    expect(server.calls).toBe(2);
    server.answer('after some of the changes');
    await settle();
    // The answer may predate the later changes: exactly one more fetch, asked for after all of them.
    expect(server.calls).toBe(3);
    server.answer('after every change');
    await settle();
    expect(server.calls).toBe(3);
    expect(seen.at(-1)).toBe('after every change');
    expect(client.getQueryCache().find({ queryKey: KEY })?.isStale()).toBe(false);
    unsubscribe();
  });

  it('settles once the queries in use are asked again, so a mutation stays pending until then', async () => {
    const { server, observer, unsubscribe } = pageInUse();
    server.answer('before the change');
    await settle();
    let settled = false;
    const refreshed = invalidateQueriesNow(client, { queryKey: KEY }).then(() => (settled = true));
    await settle();
    expect(server.calls).toBe(2);
    expect(settled).toBe(false);
    server.answer('after the change');
    await refreshed;
    expect(observer.getCurrentResult().data).toBe('after the change');
    unsubscribe();
  });

  it("restart: a mutation's refresh replaces a read in flight and settles with the page showing the change", async () => {
    const { server, observer, unsubscribe } = pageInUse();
    server.answer('first');
    await settle();
    void observer.refetch();
    // A read asked before the mutation is in flight when the mutation refreshes.
    let settled = false;
    const refreshed = invalidateQueriesNow(client, { queryKey: KEY }, { restart: true }).then(() => (settled = true));
    await settle();
    expect(server.calls).toBe(3);
    server.answer('asked before the change');
    await settle();
    expect(settled).toBe(false);
    server.answer('after the change');
    await refreshed;
    expect(observer.getCurrentResult().data).toBe('after the change');
    // Nothing more: the restarted read was asked after the change.
    await settle();
    expect(server.calls).toBe(3);
    unsubscribe();
  });

  it('restart: a first read in flight, which the library joins, is still followed by one more', async () => {
    const { server, observer, unsubscribe } = pageInUse();
    void invalidateQueriesNow(client, { queryKey: KEY }, { restart: true });
    server.answer('asked before the change');
    await settle();
    expect(server.calls).toBe(2);
    server.answer('after the change');
    await settle();
    expect(observer.getCurrentResult().data).toBe('after the change');
    unsubscribe();
  });

  it('marks idle queries stale as invalidateQueries does, and leaves others alone', async () => {
    client = new QueryClient({ defaultOptions: { queries: { staleTime: 2_000, retry: false } } });
    await client.prefetchQuery({ queryKey: KEY, queryFn: () => Promise.resolve('rows') });
    await client.prefetchQuery({ queryKey: ['groups'], queryFn: () => Promise.resolve('groups') });
    invalidateQueriesNow(client, { queryKey: KEY });
    await settle();
    expect(client.getQueryCache().find({ queryKey: KEY })?.isStale()).toBe(true);
    expect(
      client
        .getQueryCache()
        .find({ queryKey: ['groups'] })
        ?.isStale(),
    ).toBe(false);
  });
});

describe('askAgain', () => {
  it('drops a first fetch asked under the old setting, where invalidateQueries keeps its answer', async () => {
    for (const refresh of ['library', 'askAgain'] as const) {
      client = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: false } } });
      let setting = 'old URL';
      const pending: ((value: string) => void)[] = [];
      const queryFn = () => {
        const askedWith = setting;
        return new Promise<string>((resolve) => pending.push(() => resolve(`status for ${askedWith}`)));
      };
      const observer = new QueryObserver(client, { queryKey: KEY, queryFn });
      const seen: (string | undefined)[] = [];
      const statuses = new Set<string>();
      const unsubscribe = observer.subscribe((result) => {
        seen.push(result.data);
        statuses.add(result.status);
      });
      // The setting is saved while the first answer is still on its way.
      setting = 'new URL';
      const refreshed =
        refresh === 'askAgain' ? askAgain(client, { queryKey: KEY }) : client.invalidateQueries({ queryKey: KEY });
      for (const answer of pending.splice(0)) answer('');
      await settle();
      for (const answer of pending.splice(0)) answer('');
      await refreshed;
      await settle();
      if (refresh === 'askAgain') {
        expect(seen.at(-1)).toBe('status for new URL');
        expect(seen).not.toContain('status for old URL');
        // The dropped answer is not an error the page would show.
        expect([...statuses]).not.toContain('error');
      } else {
        // The library's refetch joined the first fetch: the old URL's status stands, fresh for a minute.
        expect(seen.at(-1)).toBe('status for old URL');
      }
      unsubscribe();
      client.clear();
    }
  });
});

describe('answerWith', () => {
  it("keeps a mutation's answer when a read asked before it lands after it", async () => {
    for (const write of ['setQueryData', 'answerWith'] as const) {
      const { server, observer, unsubscribe } = pageInUse(60_000);
      server.answer('signed out');
      await settle();
      // Refresh, then Sign in answers before the Refresh does.
      void observer.refetch();
      if (write === 'answerWith') await answerWith(client, KEY, 'signed in');
      else client.setQueryData(KEY, 'signed in');
      server.answer('signed out');
      await settle();
      expect(observer.getCurrentResult().data, write).toBe(write === 'answerWith' ? 'signed in' : 'signed out');
      unsubscribe();
      client.clear();
    }
  });
});
