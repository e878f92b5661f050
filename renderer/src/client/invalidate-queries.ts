import type { Query, QueryClient, QueryFilters, QueryKey } from '@tanstack/react-query';

/** Queries that will be marked stale once more when the fetch they are running lands. */
const staleAfterFetch = new WeakSet<Query>();

/**
 * Marks the matching queries stale (refetching those in use), including any being fetched right now.
 * TanStack Query loses an invalidation that lands during a fetch: the answer, asked for before the
 * change, marks the query fresh again when it comes, and a refetch joins a query's first fetch rather
 * than replacing it. With a `staleTime` (see SHARED_FETCH_MS) a page mounted next then shows that
 * answer: a group that a new association trusts looked deletable. So a query fetching now is marked
 * stale once more when its answer is in. No library option does this (`cancelRefetch` only applies to
 * a query that already has data).
 *
 * By default a fetch in flight is not cancelled and restarted for each change (`cancelRefetch: false`):
 * however many changes land while it runs, one more fetch follows it. A fleet plan of 500 accounts
 * sends an `associationsChanged` per registration, often 16 in one message; restarting the overview's
 * fetch for each had the page parse ~540 overviews of 500 rows in one plan, in bursts of 16. That is
 * what events want. A mutation wants `restart`: a query in use that has data and is fetching is asked
 * again at once (the library's own default), so the mutation, awaiting the promise, stays pending until
 * the page shows its change; a first fetch in flight, which the library joins, is still followed by one.
 *
 * Every refresh after a change goes through here or askAgain (an event's or a mutation's): a mutation
 * that lands during a page's first fetch loses its invalidation the same way. Lint forbids the
 * library's `invalidateQueries` in the renderer (by name only: `refetchQueries`, `resetQueries` and an
 * observer's `refetch` join a first fetch too, and are not used to refresh after a change). The promise
 * settles when the queries in use have been asked again, or the fetch in flight is in.
 */
export function invalidateQueriesNow(
  queryClient: QueryClient,
  filters: QueryFilters,
  { restart = false }: { restart?: boolean } = {},
): Promise<void> {
  const cache = queryClient.getQueryCache();
  for (const query of cache.findAll(filters)) {
    if (query.state.fetchStatus === 'idle' || staleAfterFetch.has(query)) continue;
    // Restarted below: the fetch that replaces it is asked for after the change.
    if (restart && query.state.data !== undefined && query.isActive()) continue;
    staleAfterFetch.add(query);
    const unsubscribe = cache.subscribe((event) => {
      if (event.query !== query) return;
      if (event.type !== 'removed' && query.state.fetchStatus !== 'idle') return;
      unsubscribe();
      staleAfterFetch.delete(query);
      if (event.type === 'removed') return;
      // eslint-disable-next-line no-restricted-syntax -- the wrapper itself
      void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true }, { cancelRefetch: false });
    });
  }
  // eslint-disable-next-line no-restricted-syntax -- the wrapper itself
  return queryClient.invalidateQueries(filters, { cancelRefetch: restart });
}

/**
 * When no answer in flight may stand, not even a first one: asked under an old setting (the platform's
 * API URL). Those answers are dropped, not waited for, and the queries in use are asked again.
 * invalidateQueries alone keeps a query's first fetch (it joins it), so that answer, for the old URL,
 * stood as the new one's until it went stale.
 */
export async function askAgain(queryClient: QueryClient, filters: QueryFilters): Promise<void> {
  await queryClient.cancelQueries(filters);
  // eslint-disable-next-line no-restricted-syntax -- nothing is in flight any more: nothing to lose
  await queryClient.invalidateQueries(filters);
}

/**
 * A mutation's answer is the query's new data (a saved setting, a restored pool): a read of the same
 * query still in flight was asked before the change and would land after it, so it is dropped first.
 */
export async function answerWith<T>(queryClient: QueryClient, queryKey: QueryKey, data: T): Promise<void> {
  await queryClient.cancelQueries({ queryKey, exact: true });
  queryClient.setQueryData(queryKey, data);
}
