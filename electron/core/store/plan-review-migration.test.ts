import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from './database';
import { migrations } from './migrations';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('moves stored plan reviews out of their runs’ rows, keeping each review and plan file', () => {
  const file = join(dir, 'liaison.db');
  const before = openStore(
    file,
    migrations.filter((each) => each.version < 11),
  );
  const insert = before.db.prepare(
    `INSERT INTO terraform_runs (id, workspace_key, kind, status, phase, started_at, plan_review, plan_file)
     VALUES (?, 'aws-1', 'plan', 'succeeded', 'done', '2026-01-01T00:00:00.000Z', ?, ?)`,
  );
  insert.run('reviewed', '{"resources":[]}', '/tmp/w/plan.tfplan');
  insert.run('failed-early', null, null);
  before.close();

  const after = openStore(file);
  expect(after.db.prepare('SELECT run_id, review, plan_file FROM terraform_plan_reviews').all()).toEqual([
    { run_id: 'reviewed', review: '{"resources":[]}', plan_file: '/tmp/w/plan.tfplan' },
  ]);
  const columns = (after.db.prepare('PRAGMA table_info(terraform_runs)').all() as { name: string }[]).map(
    (column) => column.name,
  );
  expect(columns).not.toContain('plan_review');
  expect(columns).not.toContain('plan_file');
  expect(after.db.prepare('SELECT id FROM terraform_runs ORDER BY id').all()).toEqual([
    { id: 'failed-early' },
    { id: 'reviewed' },
  ]);
  // A run's review goes with it.
  after.db.prepare('DELETE FROM terraform_runs WHERE id = ?').run('reviewed');
  expect(after.db.prepare('SELECT count(*) AS n FROM terraform_plan_reviews').get()).toEqual({ n: 0 });
  after.close();
});
