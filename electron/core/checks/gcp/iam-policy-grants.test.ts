import { describe, expect, it } from 'vitest';
import { grantsWorkloadIdentityUser, rolesOf } from './iam-policy-grants';

const POOL = 'projects/123/locations/global/workloadIdentityPools/chainguard-pool';
const SUB = 'canary:abc';
const binding = (members: string[], condition?: { expression: string }) => ({
  bindings: [{ role: 'roles/iam.workloadIdentityUser', members, ...(condition ? { condition } : {}) }],
});

describe('grantsWorkloadIdentityUser', () => {
  it('counts the module principalSet, the exact principal and the whole pool', () => {
    for (const member of [
      `principalSet://iam.googleapis.com/${POOL}/attribute.sub/${SUB}`,
      `principal://iam.googleapis.com/${POOL}/subject/${SUB}`,
      `principalSet://iam.googleapis.com/${POOL}/*`,
    ]) {
      expect(grantsWorkloadIdentityUser(binding([member]), POOL, SUB)).toEqual({ granted: true, conditional: false });
    }
  });

  it('does not count another sub, another pool, another role, or a conditional binding', () => {
    expect(
      grantsWorkloadIdentityUser(
        binding([`principalSet://iam.googleapis.com/${POOL}/attribute.sub/canary:other`]),
        POOL,
        SUB,
      ).granted,
    ).toBe(false);
    expect(
      grantsWorkloadIdentityUser(
        binding([`principalSet://iam.googleapis.com/${POOL}-2/attribute.sub/${SUB}`]),
        POOL,
        SUB,
      ).granted,
    ).toBe(false);
    const viewer = { bindings: [{ role: 'roles/viewer', members: [`principalSet://iam.googleapis.com/${POOL}/*`] }] };
    expect(grantsWorkloadIdentityUser(viewer, POOL, SUB).granted).toBe(false);
    expect(
      grantsWorkloadIdentityUser(
        binding([`principalSet://iam.googleapis.com/${POOL}/*`], { expression: 'true' }),
        POOL,
        SUB,
      ),
    ).toEqual({ granted: false, conditional: true });
  });

  it('rolesOf lists only unconditional roles of the member', () => {
    const policy = {
      bindings: [
        { role: 'roles/a', members: ['serviceAccount:x'] },
        { role: 'roles/b', members: ['serviceAccount:y'] },
        { role: 'roles/c', members: ['serviceAccount:x'], condition: { expression: 'false' } },
      ],
    };
    expect([...rolesOf(policy, 'serviceAccount:x')]).toEqual(['roles/a']);
  });
});
