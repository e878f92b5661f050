/**
 * Runs `task` over `items` with at most `limit` in flight, in order of start, reporting each result
 * as it lands. Once `signal` aborts, nothing new starts; the ones running finish and are returned.
 */
export async function runBounded<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
  onResult: (result: R, done: number) => void,
  signal?: AbortSignal,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next] as T;
      next += 1;
      const result = await task(item);
      results.push(result);
      done += 1;
      onResult(result, done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
