import type { Store } from '../store/database';

const DAY_MS = 86_400_000;

/**
 * Keeps every check younger than `keepAllDays`; of older ones, only the latest of each association's
 * day (UTC). One transaction: an interrupted thinning deletes nothing.
 */
export function applyCheckRetention(store: Store, options: { now: Date; keepAllDays: number }): number {
  const cutoff = new Date(options.now.getTime() - options.keepAllDays * DAY_MS).toISOString();
  return store.transaction(
    () =>
      store.db
        .prepare(
          `DELETE FROM association_checks
           WHERE started_at < :cutoff AND id NOT IN (
             SELECT id FROM (
               SELECT id, row_number() OVER (
                 PARTITION BY association_id, substr(started_at, 1, 10) ORDER BY started_at DESC, id) AS rank
               FROM association_checks WHERE started_at < :cutoff)
             WHERE rank = 1)`,
        )
        .run({ cutoff }).changes as number,
  );
}
