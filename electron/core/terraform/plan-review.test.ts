import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mask, planReviewFromShowJson, SENSITIVE } from './plan-review';

const SHOW_JSON = new URL('../../../test-support/fakes/terraform/recordings/success/show.stdout', import.meta.url)
  .pathname;

describe('planReviewFromShowJson', () => {
  it('summarises the recorded plan of three creations', () => {
    const review = planReviewFromShowJson(readFileSync(SHOW_JSON, 'utf8'));
    expect(review.counts).toEqual({ create: 3, update: 0, replace: 0, delete: 0, read: 0, noop: 0, forget: 0 });
    expect(review.changes.map((change) => change.address).sort()).toEqual([
      'terraform_data.binding',
      'terraform_data.policy',
      'terraform_data.role',
    ]);
    expect(review.outputChanges).toEqual([{ name: 'role_name', action: 'create', sensitive: false }]);
    expect(review.errored).toBe(false);
  });

  it('masks what Terraform marks sensitive, which show -json prints in clear', () => {
    const text = readFileSync(SHOW_JSON, 'utf8');
    expect(text).toContain('not-for-the-renderer');
    const review = planReviewFromShowJson(text);
    expect(JSON.stringify(review)).not.toContain('not-for-the-renderer');
    const policy = review.changes.find((change) => change.address === 'terraform_data.policy');
    expect(policy?.after).toEqual({
      input: { name: 'chainguard-canary-policy', secret: SENSITIVE },
      triggers_replace: null,
    });
  });

  it('calls delete-then-create, and create-then-delete, a replace', () => {
    const plan = (actions: string[]) =>
      JSON.stringify({
        format_version: '1.2',
        terraform_version: '1.11.4',
        resource_changes: [{ address: 'a.b', type: 'a', name: 'b', change: { actions, before: {}, after: {} } }],
      });
    expect(planReviewFromShowJson(plan(['delete', 'create'])).counts.replace).toBe(1);
    expect(planReviewFromShowJson(plan(['create', 'delete'])).changes[0]?.action).toBe('replace');
    expect(planReviewFromShowJson(plan(['delete'])).counts.delete).toBe(1);
    expect(planReviewFromShowJson(plan(['no-op'])).counts.noop).toBe(1);
  });

  it('refuses output that is not a plan', () => {
    expect(() => planReviewFromShowJson('{"values": {}}')).toThrow();
  });
});

describe('mask', () => {
  it('follows the sensitivity structure through objects and lists', () => {
    expect(mask({ a: [1, 2], b: { c: 'x', d: 'y' } }, { a: [false, true], b: { d: true } })).toEqual({
      a: [1, SENSITIVE],
      b: { c: 'x', d: SENSITIVE },
    });
    expect(mask('whole', true)).toBe(SENSITIVE);
    expect(mask(null, true)).toBeNull();
  });
});
