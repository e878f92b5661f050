import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { openStore } from '../store/database';
import { HealthService } from './health-service';
import { createHealthTestBed } from '../../../test-support/core/health-test-bed';
import { checkResultFor, seedAssociations } from '../../../test-support/seeders/seed-health';

const HOOKS = new URL('../../../test-support/fakes/terraform/ts-import-hooks.mjs', import.meta.url).pathname;
const CHILD = new URL('../../../test-support/core/check-all-in-child.ts', import.meta.url).pathname;

describe('a Liaison killed during a check-all', () => {
  let bed: ReturnType<typeof createHealthTestBed>;
  afterEach(() => bed.dispose());

  it('leaves whole rows only, and the next start shows the last complete verdict of every association', async () => {
    bed = createHealthTestBed();
    const seeded = seedAssociations(bed.store, 40, 40);
    for (const association of seeded) {
      bed.repository.insert(checkResultFor(association, 'configured', new Date(Date.now() - 3_600_000)));
    }
    bed.store.close();

    const child = spawn(
      process.execPath,
      ['--experimental-transform-types', '--no-warnings', '--import', HOOKS, CHILD, bed.file],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 30_000;
    while ((output.match(/^stored /gm) ?? []).length < 6) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`child did not store checks: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(output).not.toContain('finished');
    const stored = new Set((output.match(/^stored (\S+)$/gm) ?? []).map((line) => line.slice(7)));

    const store = openStore(bed.file);
    onTestFinished(() => store.close());
    expect(store.db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    const health = new HealthService({
      store,
      events: bed.events,
      logger: bed.logger,
      checks: bed.runner(() => Promise.reject(new Error('not used'))),
      timers: { setTimeout: () => 0, clearTimeout: () => undefined },
    });
    const overview = health.getHealthOverview();
    health.close();
    expect(overview.rows).toHaveLength(40);
    expect(overview.counts.unchecked).toBe(0);
    // Every check the child reported stored is there and is the latest; the rest keep the earlier verdict.
    for (const row of overview.rows) {
      expect(row.verdict).toEqual(
        stored.has(row.associationId) ? 'failing' : expect.stringMatching(/^(configured|failing)$/),
      );
    }
    // Only a check stored in the instant before the kill (at most one per worker) can be unreported.
    expect(overview.counts.failing - stored.size).toBeGreaterThanOrEqual(0);
    expect(overview.counts.failing - stored.size).toBeLessThanOrEqual(2);
    expect(overview.counts.failing).toBeLessThan(40);
    const badRows = store.db
      .prepare("SELECT count(*) AS n FROM association_checks WHERE steps IS NULL OR finished_at = ''")
      .get() as { n: number };
    expect(badRows.n).toBe(0);
  });
});
