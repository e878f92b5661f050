import { afterEach, describe, expect, it } from 'vitest';
import { applyCheckRetention } from './check-retention';
import { createHealthTestBed } from '../../../test-support/core/health-test-bed';
import { checkResultFor, seedAssociations } from '../../../test-support/seeders/seed-health';

const NOW = new Date('2025-06-30T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe('applyCheckRetention', () => {
  let bed: ReturnType<typeof createHealthTestBed>;
  afterEach(() => bed.dispose());

  function startedAts(associationId: string): string[] {
    return (
      bed.store.db
        .prepare('SELECT started_at FROM association_checks WHERE association_id = ? ORDER BY started_at')
        .all(associationId) as { started_at: string }[]
    ).map((r) => r.started_at);
  }

  it('keeps every check of the last N days and the latest of each older day, per association', () => {
    bed = createHealthTestBed();
    const [a, b] = seedAssociations(bed.store, 2);
    if (!a || !b) throw new Error('seed');
    // Every 6 hours for 40 days, for both associations.
    for (let h = 0; h < 40 * 24; h += 6) {
      bed.repository.insert(checkResultFor(a, 'configured', hoursAgo(h)));
      bed.repository.insert(checkResultFor(b, 'failing', hoursAgo(h + 1)));
    }
    const before = startedAts(a.id).length;
    const removed = applyCheckRetention(bed.store, { now: NOW, keepAllDays: 30 });
    const kept = startedAts(a.id);
    const cutoff = new Date(NOW.getTime() - 30 * 86_400_000).toISOString();
    // Every 6 h for 30 days, the one exactly at the cutoff included.
    expect(kept.filter((t) => t >= cutoff)).toHaveLength(30 * 4 + 1);
    const old = kept.filter((t) => t < cutoff);
    const oldDays = old.map((t) => t.slice(0, 10));
    expect(new Set(oldDays).size).toBe(oldDays.length);
    expect(old.length).toBeGreaterThanOrEqual(10);
    // The one kept for a day is its latest check.
    expect(old).toContain(
      hoursAgo(31 * 24 + 12)
        .toISOString()
        .slice(0, 10) + 'T18:00:00.000Z',
    );
    expect(removed).toBe(2 * before - kept.length - startedAts(b.id).length);
    expect(startedAts(b.id).filter((t) => t < cutoff).length).toBe(old.length);
  });

  it('removes nothing when every check is recent', () => {
    bed = createHealthTestBed();
    const [a] = seedAssociations(bed.store, 1);
    if (!a) throw new Error('seed');
    for (let h = 0; h < 48; h += 1) bed.repository.insert(checkResultFor(a, 'configured', hoursAgo(h)));
    expect(applyCheckRetention(bed.store, { now: NOW, keepAllDays: 30 })).toBe(0);
    expect(startedAts(a.id)).toHaveLength(48);
  });
});
