import type { Query, QueryClient, QueryFilters } from '@tanstack/react-query';

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
 * A fetch in flight is not cancelled and restarted for each change (`cancelRefetch: false`): however
 * many changes land while it runs, one more fetch follows it. A fleet plan of 500 accounts sends an
 * `associationsChanged` per registration, often 16 in one message; restarting the overview's fetch
 * for each had the page parse ~540 overviews of 500 rows in one plan, in bursts of 16.
 */
export function invalidateQueriesNow(queryClient: QueryClient, filters: QueryFilters): void {
  const cache = queryClient.getQueryCache();
  for (const query of cache.findAll(filters)) {
    if (query.state.fetchStatus === 'idle' || staleAfterFetch.has(query)) continue;
    staleAfterFetch.add(query);
    const unsubscribe = cache.subscribe((event) => {
      if (event.query !== query) return;
      if (event.type !== 'removed' && query.state.fetchStatus !== 'idle') return;
      unsubscribe();
      staleAfterFetch.delete(query);
      if (event.type === 'removed') return;
      void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true }, { cancelRefetch: false });
    });
  }
  void queryClient.invalidateQueries(filters, { cancelRefetch: false });
}

/**
 * After a change to what the matching queries are asked *with* (a setting, such as the platform's API
 * URL): answers in flight were asked under the old setting, so they are dropped, not waited for, and
 * the queries in use are asked again. invalidateQueries alone keeps a query's first fetch (it joins
 * it), so that answer, for the old setting, stood as the new one's until the query went stale.
 */
export async function askAgain(queryClient: QueryClient, filters: QueryFilters): Promise<void> {
  await queryClient.cancelQueries(filters);
  await queryClient.invalidateQueries(filters);
}
