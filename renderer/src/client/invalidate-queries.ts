import type { QueryClient, QueryFilters } from '@tanstack/react-query';

/**
 * Marks the matching queries stale (refetching those in use), including any being fetched right now.
 * TanStack Query loses an invalidation that lands during a fetch: the answer, asked for before the
 * change, marks the query fresh again when it comes, and a refetch joins a query's first fetch rather
 * than replacing it. With a `staleTime` (see SHARED_FETCH_MS) a page mounted next then shows that
 * answer: a group that a new association trusts looked deletable. So a query fetching now is marked
 * stale once more when its answer is in. No library option does this (`cancelRefetch` only applies to
 * a query that already has data).
 */
export function invalidateQueriesNow(queryClient: QueryClient, filters: QueryFilters): void {
  const cache = queryClient.getQueryCache();
  for (const query of cache.findAll(filters)) {
    if (query.state.fetchStatus === 'idle') continue;
    const unsubscribe = cache.subscribe((event) => {
      if (event.query !== query) return;
      if (event.type === 'removed') {
        unsubscribe();
        return;
      }
      if (query.state.fetchStatus !== 'idle') return;
      unsubscribe();
      void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
    });
  }
  void queryClient.invalidateQueries(filters);
}
