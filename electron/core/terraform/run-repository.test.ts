import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanReview } from '../../../shared/contract/terraform';
import { openStore, type Store } from '../store/database';
import { RunRepository } from './run-repository';

let root: string;
let store: Store;
let statements: string[];

/** The store, with every SQL statement the repository prepares recorded. */
function recordingStore(): Store {
  const db = new Proxy(store.db, {
    get(target, property) {
      if (property === 'prepare') {
        return (sql: string) => {
          statements.push(sql);
          return target.prepare(sql);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { ...store, db, transaction: store.transaction };
}

const review: PlanReview = {
  terraformVersion: '1.11.0',
  counts: { create: 200, update: 0, replace: 0, delete: 0, read: 0, noop: 0, forget: 0 },
  changes: Array.from({ length: 200 }, (_, index) => ({
    address: `terraform_data.r${index}`,
    type: 'terraform_data',
    name: `r${index}`,
    action: 'create' as const,
    before: null,
    after: { input: `value ${index}` },
    afterUnknown: { id: true },
    replacePaths: [],
  })),
  outputChanges: [],
  driftCount: 0,
  errored: false,
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'liaison-run-repository-'));
  store = openStore(join(root, 'liaison.db'));
  statements = [];
});
afterEach(() => {
  store.close();
  rmSync(root, { recursive: true, force: true });
});

function plannedRun(repository: RunRepository): { planId: string; applyId: string } {
  const planId = randomUUID();
  const applyId = randomUUID();
  const startedAt = new Date(0).toISOString();
  repository.create({ id: planId, workspaceKey: 'aws-1', kind: 'plan', phase: 'init', startedAt, binary: undefined });
  repository.setPlan(planId, review, join(root, 'plan.tfplan'));
  repository.finish(planId, { status: 'succeeded', endedAt: startedAt, exitCode: 0 });
  repository.create({
    id: applyId,
    workspaceKey: 'aws-1',
    kind: 'apply',
    phase: 'apply',
    planRunId: planId,
    startedAt,
    binary: undefined,
  });
  return { planId, applyId };
}

/** A statement that reads the stored review itself (not only its plan file). */
const readsReview = (sql: string): boolean => /SELECT review\b/.test(sql);

describe('RunRepository', () => {
  it('reads run records without the saved plan review stored beside them', () => {
    const repository = new RunRepository(recordingStore());
    const { planId, applyId } = plannedRun(repository);
    statements = [];
    expect(repository.get(planId)).toMatchObject({ id: planId, status: 'succeeded', appliedByRunId: applyId });
    expect(
      repository
        .list({ limit: 10 })
        .map((run) => run.id)
        .sort(),
    ).toEqual([planId, applyId].sort());
    expect(repository.running()).toMatchObject([{ run: { id: applyId }, pid: undefined }]);
    expect(statements).toHaveLength(3);
    for (const sql of statements) expect(sql).not.toContain('terraform_plan_reviews');
    expect(statements.join('\n')).not.toMatch(/\br\.\*/);
  });

  it('parses a stored review once per process, then serves it as stored', () => {
    const first = new RunRepository(recordingStore());
    const { planId } = plannedRun(first);
    statements = [];
    expect(first.plan(planId)).toEqual({ review, planFile: join(root, 'plan.tfplan') });
    expect(statements.filter(readsReview)).toHaveLength(0);

    // A restarted Liaison reads it from the store, once.
    const restarted = new RunRepository(recordingStore());
    expect(restarted.plan(planId)).toEqual({ review, planFile: join(root, 'plan.tfplan') });
    expect(restarted.plan(planId).review).toEqual(review);
    expect(statements.filter(readsReview)).toHaveLength(1);
    expect(restarted.plan(randomUUID())).toEqual({ review: undefined, planFile: undefined });
  });
});
