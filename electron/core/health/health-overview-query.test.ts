import { afterEach, describe, expect, it } from 'vitest';
import { queryHealthOverview } from './health-overview-query';
import { createHealthTestBed } from './testing/health-test-bed';
import { seedAssociations, seedChecks } from './testing/seed-health';

describe('queryHealthOverview', () => {
  let bed: ReturnType<typeof createHealthTestBed>;
  afterEach(() => bed.dispose());

  it('returns the latest verdict and the last 30, oldest first', () => {
    bed = createHealthTestBed();
    const seeded = seedAssociations(bed.store, 2);
    const end = new Date('2025-06-01T00:00:00.000Z');
    seedChecks(bed.store, seeded, 40, end);
    const { rows } = queryHealthOverview(bed.store);
    const first = rows.find((r) => r.associationId === seeded[0]?.id);
    expect(first?.recent).toHaveLength(30);
    const latest = bed.repository.list(seeded[0]?.id ?? '', 30);
    expect(first?.verdict).toBe(latest[0]?.verdict);
    expect(first?.lastCheckedAt).toBe(latest[0]?.finishedAt);
    expect(first?.recent).toEqual(latest.map((c) => c.verdict).reverse());
  });

  it('loads 1,000 associations with 100,000 checks in under 200 ms', () => {
    bed = createHealthTestBed();
    const seeded = seedAssociations(bed.store, 1000, 50);
    seedChecks(bed.store, seeded, 100);
    queryHealthOverview(bed.store);
    const samples: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      const { rows, counts } = queryHealthOverview(bed.store);
      samples.push(performance.now() - started);
      expect(rows).toHaveLength(1000);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1000);
    }
    samples.sort((a, b) => a - b);
    expect(samples[2]).toBeLessThan(200);
  });
});
