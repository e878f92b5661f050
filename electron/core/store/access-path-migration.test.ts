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

it('marks AWS associations saved before access paths as reached through their own profile', () => {
  const file = join(dir, 'liaison.db');
  const before = openStore(
    file,
    migrations.filter((each) => each.version < 7),
  );
  const insert = before.db.prepare(
    `INSERT INTO associations (id, status, step, group_id, workspace_key, wizard_values, created_at, updated_at)
     VALUES (?, 'draft', 0, NULL, NULL, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  insert.run('aws-old', JSON.stringify({ cloud: 'aws', profile: 'dev' }));
  insert.run('aws-role', JSON.stringify({ cloud: 'aws', accessPath: { kind: 'assume-role', roleName: 'R' } }));
  insert.run('gcp', JSON.stringify({ cloud: 'gcp' }));
  before.close();

  const after = openStore(file);
  const rows = after.db.prepare('SELECT id, wizard_values FROM associations ORDER BY id').all() as {
    id: string;
    wizard_values: string;
  }[];
  const values = Object.fromEntries(rows.map((row) => [row.id, JSON.parse(row.wizard_values) as object]));
  expect(values['aws-old']).toEqual({ cloud: 'aws', profile: 'dev', accessPath: { kind: 'profile' } });
  expect(values['aws-role']).toEqual({ cloud: 'aws', accessPath: { kind: 'assume-role', roleName: 'R' } });
  expect(values.gcp).toEqual({ cloud: 'gcp' });
  after.close();
});
