import { randomUUID } from 'node:crypto';
import { checkVerdicts, type CheckResult, type CheckVerdict } from '../../shared/contract/checks';
import type { Store } from '../../electron/core/store/database';

export interface SeededAssociation {
  id: string;
  groupId: string;
  account: string;
}

/** A 40-hex root group id from a number. */
export function groupIdFor(index: number): string {
  return index.toString(16).padStart(40, '0');
}

/**
 * Writes `count` generated AWS associations (each with its own group, spread over `accounts`
 * accounts, the i-th on account 100000000000 + i % accounts) straight into the store, as the wizard
 * would have saved them. `fixed.profile` may name each account's profile. For tests and benches.
 */
export function seedAssociations(
  store: Store,
  count: number,
  accounts = 10,
  fixed: { accountId?: string; profile?: string | ((account: string) => string) } = {},
): SeededAssociation[] {
  const now = '2025-01-01T00:00:00.000Z';
  const seeded: SeededAssociation[] = [];
  const group = store.db.prepare(
    'INSERT INTO groups (id, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const association = store.db.prepare(
    `INSERT INTO associations (id, status, step, group_id, workspace_key, wizard_values, created_at, updated_at, generated_at)
     VALUES (?, 'generated', 3, ?, ?, ?, ?, ?, ?)`,
  );
  store.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const id = randomUUID();
      const groupId = groupIdFor(index + 1);
      const account = fixed.accountId ?? String(100000000000 + (index % accounts));
      group.run(groupId, `team-${String(index).padStart(4, '0')}`, '', now, now);
      const values = {
        cloud: 'aws',
        groupId,
        accountId: account,
        profile: typeof fixed.profile === 'function' ? fixed.profile(account) : (fixed.profile ?? 'default'),
        moduleVersion: '0.1.0',
        environment: 'enforce.dev',
        auditLogRegions: [],
        backend: { type: 'local' },
      };
      association.run(id, groupId, `aws-${account}`, JSON.stringify(values), now, now, now);
      seeded.push({ id, groupId, account });
    }
  });
  return seeded;
}

export function checkResultFor(
  association: SeededAssociation,
  verdict: CheckVerdict,
  startedAt: Date,
  durationMs = 120,
): CheckResult {
  return {
    id: randomUUID(),
    associationId: association.id,
    cloud: 'aws',
    groupId: association.groupId,
    target: association.account,
    verdict,
    headline: `${verdict} at ${startedAt.toISOString()}`,
    steps: [],
    startedAt: startedAt.toISOString(),
    finishedAt: new Date(startedAt.getTime() + durationMs).toISOString(),
    durationMs,
  };
}

/** `perAssociation` checks each, one an hour back from `end`, verdicts cycling so trends vary. */
export function seedChecks(
  store: Store,
  associations: readonly SeededAssociation[],
  perAssociation: number,
  end = new Date(),
): void {
  const insert = store.db.prepare(
    `INSERT INTO association_checks (id, association_id, cloud, group_id, target, verdict, headline, steps,
       started_at, finished_at, duration_ms) VALUES (?, ?, 'aws', ?, ?, ?, ?, '[]', ?, ?, ?)`,
  );
  store.transaction(() => {
    associations.forEach((association, a) => {
      for (let n = 0; n < perAssociation; n += 1) {
        const started = new Date(end.getTime() - n * 3_600_000);
        const verdict = checkVerdicts[(a + n) % 7 === 0 ? 2 : (a + n) % 11 === 0 ? 3 : 1] as CheckVerdict;
        insert.run(
          randomUUID(),
          association.id,
          association.groupId,
          association.account,
          verdict,
          `Seeded ${verdict}`,
          started.toISOString(),
          new Date(started.getTime() + 100 + (n % 50)).toISOString(),
          100 + (n % 50),
        );
      }
    });
  });
}
