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

const step = (id: string, status: string, detail: string) => ({
  id,
  title: id,
  status,
  detail,
  live: id === 'platform',
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1,
});

it('gives Platform steps stored before migration 10 their typed standing, in place and in order', () => {
  const file = join(dir, 'liaison.db');
  const before = openStore(
    file,
    migrations.filter((each) => each.version < 10),
  );
  before.db
    .prepare(
      `INSERT INTO associations (id, status, step, group_id, workspace_key, wizard_values, created_at, updated_at)
       VALUES ('a', 'draft', 0, NULL, NULL, '{}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    )
    .run();
  const insert = before.db.prepare(
    `INSERT INTO association_checks (id, association_id, cloud, group_id, target, verdict, headline, steps, started_at, finished_at, duration_ms)
     VALUES (?, 'a', 'aws', 'g', '123456789012', 'failing', 'h', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z', 1000)`,
  );
  const stored = {
    ready: [step('credentials', 'passed', 'ok'), step('platform', 'passed', 'Ready')],
    notReady: [step('platform', 'failed', 'NotReady — AssumeRoleFailed: denied')],
    unregistered: [
      step('credentials', 'passed', 'ok'),
      step('platform', 'failed', 'Not registered: the platform has no AWS account for group g.'),
      step('live', 'skipped', 'no token command'),
    ],
    signIn: [step('platform', 'needs-sign-in', 'You are not signed in to the platform.')],
    unreachable: [step('platform', 'error', 'The platform is unreachable')],
    skipped: [step('platform', 'skipped', 'Not checked')],
    offline: [step('credentials', 'passed', 'ok')],
  };
  for (const [id, steps] of Object.entries(stored)) insert.run(id, JSON.stringify(steps));
  before.close();

  const after = openStore(file);
  const rows = after.db.prepare('SELECT id, steps FROM association_checks').all() as { id: string; steps: string }[];
  const steps = Object.fromEntries(rows.map((row) => [row.id, JSON.parse(row.steps) as Record<string, unknown>[]]));
  after.close();
  const platformOf = (id: string) => steps[id]?.find((s) => s.id === 'platform')?.platform;
  expect(platformOf('ready')).toBe('ready');
  expect(platformOf('notReady')).toBe('not-ready');
  expect(platformOf('unregistered')).toBe('not-registered');
  expect(platformOf('signIn')).toBe('needs-sign-in');
  expect(platformOf('unreachable')).toBe('error');
  // A step that asked nothing has no standing; other steps and their order are untouched.
  expect(steps.skipped).toEqual(stored.skipped);
  expect(steps.offline).toEqual(stored.offline);
  expect(steps.unregistered).toEqual([
    stored.unregistered[0],
    { ...stored.unregistered[1], platform: 'not-registered' },
    stored.unregistered[2],
  ]);
});
