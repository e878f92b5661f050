import { afterEach, describe, expect, it } from 'vitest';
import { OVERVIEW_SQL, queryHealthOverview } from './health-overview-query';
import { createHealthTestBed } from '../../../test-support/core/health-test-bed';
import { checkResultFor, seedAssociations, seedChecks } from '../../../test-support/seeders/seed-health';
import type { PlatformStanding } from '../../../shared/platform/platform-standing';

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

  it("fills the Platform column from the latest check's Platform step, and leaves it empty without one", () => {
    bed = createHealthTestBed();
    const [ready, notReady, unregistered, offline] = seedAssociations(bed.store, 4);
    const platformStep = (status: 'passed' | 'failed', detail: string, platform: PlatformStanding) => ({
      id: 'platform',
      title: 'Platform',
      status,
      detail,
      platform,
      live: true,
      startedAt: '2025-06-01T00:00:00.000Z',
      durationMs: 5,
    });
    const older = new Date('2025-06-01T00:00:00.000Z');
    const newer = new Date('2025-06-01T01:00:00.000Z');
    if (!ready || !notReady || !unregistered || !offline) throw new Error('seeded four');
    // An older NotReady is superseded by the latest Ready.
    bed.repository.insert({
      ...checkResultFor(ready, 'failing', older),
      steps: [platformStep('failed', 'NotReady — AssumeRoleFailed: denied', 'not-ready')],
    });
    bed.repository.insert({
      ...checkResultFor(ready, 'success', newer),
      steps: [platformStep('passed', 'Ready', 'ready')],
    });
    bed.repository.insert({
      ...checkResultFor(notReady, 'failing', newer),
      steps: [platformStep('failed', 'NotReady — AssumeRoleFailed: denied', 'not-ready')],
    });
    bed.repository.insert({
      ...checkResultFor(unregistered, 'failing', newer),
      steps: [platformStep('failed', 'Not registered: the platform has no AWS account for group g.', 'not-registered')],
    });
    bed.repository.insert(checkResultFor(offline, 'configured', newer));
    const { rows } = queryHealthOverview(bed.store);
    const standing = (id: string) => rows.find((row) => row.associationId === id)?.platform;
    expect(standing(ready.id)).toBe('ready');
    expect(standing(notReady.id)).toBe('not-ready');
    expect(rows.find((row) => row.associationId === notReady.id)?.platformDetail).toBe(
      'NotReady — AssumeRoleFailed: denied',
    );
    expect(standing(unregistered.id)).toBe('not-registered');
    expect(standing(offline.id)).toBeUndefined();
  });

  it('reads 1,000 associations with 100,000 checks through the covering index, never a scan of the checks', () => {
    bed = createHealthTestBed();
    const seeded = seedAssociations(bed.store, 1000, 50);
    seedChecks(bed.store, seeded, 100);
    const { rows, counts } = queryHealthOverview(bed.store);
    expect(rows).toHaveLength(1000);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1000);
    expect(rows.every((row) => row.recent.length === 30)).toBe(true);
    // The time it takes is `npm run bench`'s figure (dashboard-load, < 200 ms); here, the plan that
    // makes it independent of the number of checks: every read of association_checks is an index
    // search (30 entries per association), none a full scan.
    const plan = bed.store.db.prepare(`EXPLAIN QUERY PLAN ${OVERVIEW_SQL}`).all() as { detail: string }[];
    const checkReads = plan.map((step) => step.detail).filter((detail) => /\bassociation_checks\b|\bc\b/.test(detail));
    expect(checkReads.length).toBeGreaterThan(0);
    expect(checkReads.filter((detail) => /^SCAN c\b/.test(detail) && !/USING/.test(detail))).toEqual([]);
    expect(checkReads.some((detail) => /SEARCH c USING COVERING INDEX association_checks_recent/.test(detail))).toBe(
      true,
    );
  });
});
