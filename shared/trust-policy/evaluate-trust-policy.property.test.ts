import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateTrustPolicy, type TrustRequest } from './evaluate-trust-policy';
import { matchesWildcard } from './wildcard-pattern';

const HOST = 'issuer.enforce.dev';
const PROVIDER = `arn:aws:iam::111122223333:oidc-provider/${HOST}`;
const uidp = fc.stringMatching(/^[0-9a-f]{40}(\/[0-9a-f]{16}){0,2}$/);
const component = fc.constantFrom('canary', 'catalog-syncer', 'ingester', 'cosigned');
const text = fc.string({ unit: fc.constantFrom('a', 'b', ':', '/', '-', '*', '?'), maxLength: 12 });

function trust(subjects: string[], aud = 'amazon') {
  return {
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${HOST}:sub`]: subjects, [`${HOST}:aud`]: aud } },
      },
    ],
  };
}

function request(sub: string, aud = 'amazon'): TrustRequest {
  return {
    principal: { type: 'Federated', id: PROVIDER },
    action: 'sts:AssumeRoleWithWebIdentity',
    context: { [`${HOST}:sub`]: sub, [`${HOST}:aud`]: aud },
  };
}

describe('trust evaluation properties', () => {
  it('StringEquals admits exactly the listed subjects', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(component, uidp), { minLength: 1, maxLength: 4 }),
        component,
        uidp,
        (listed, c, g) => {
          const subjects = listed.map(([lc, lg]) => `${lc}:${lg}`);
          const sub = `${c}:${g}`;
          const allowed = evaluateTrustPolicy(trust(subjects), request(sub)).decision === 'allowed';
          expect(allowed).toBe(subjects.includes(sub));
        },
      ),
    );
  });

  it('adding a Deny that applies always denies, whatever else the policy holds', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(component, uidp), { maxLength: 3 }), component, uidp, (listed, c, g) => {
        const policy = trust(listed.map(([lc, lg]) => `${lc}:${lg}`));
        const deny = {
          Effect: 'Deny',
          Principal: '*',
          Action: 'sts:*',
          Condition: { StringLike: { [`${HOST}:sub`]: `${c}:*` } },
        };
        const result = evaluateTrustPolicy({ Statement: [...policy.Statement, deny] }, request(`${c}:${g}`));
        expect(result.decision).toBe('explicit-deny');
      }),
    );
  });

  it('statement order never changes the decision', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(component, uidp), { minLength: 2, maxLength: 4 }),
        component,
        uidp,
        (listed, c, g) => {
          const statements = listed.map(([lc, lg], i) => ({
            Effect: i % 2 === 0 ? 'Allow' : 'Deny',
            Principal: { Federated: PROVIDER },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: { StringLike: { [`${HOST}:sub`]: `${lc}:${lg.slice(0, 3)}*` } },
          }));
          const forward = evaluateTrustPolicy({ Statement: statements }, request(`${c}:${g}`)).decision;
          const backward = evaluateTrustPolicy({ Statement: [...statements].reverse() }, request(`${c}:${g}`)).decision;
          expect(backward).toBe(forward);
        },
      ),
    );
  });

  it('condition keys match whatever their case; a wrong audience never passes', () => {
    fc.assert(
      fc.property(uidp, fc.string({ minLength: 1, maxLength: 10 }), fc.boolean(), (g, aud, upper) => {
        const sub = `canary:${g}`;
        const key = upper ? `${HOST}:SUB`.toUpperCase() : `${HOST}:sub`;
        const req: TrustRequest = { ...request(sub, aud), context: { [key]: sub, [`${HOST}:aud`]: aud } };
        expect(evaluateTrustPolicy(trust([sub]), req).decision === 'allowed').toBe(aud === 'amazon');
      }),
    );
  });

  it('a pattern without wildcards matches only itself; "*" + value matches every suffix', () => {
    fc.assert(
      fc.property(text, text, (value, pattern) => {
        if (!pattern.includes('*') && !pattern.includes('?'))
          expect(matchesWildcard(value, pattern)).toBe(value === pattern);
        expect(matchesWildcard(`${pattern}${value}`, `*${value}`)).toBe(true);
        expect(matchesWildcard(value, '*')).toBe(true);
      }),
    );
  });

  it('the wildcard matcher agrees with a reference regex', () => {
    fc.assert(
      fc.property(text, text, (value, pattern) => {
        const source = pattern
          .replace(/[.+^${}()|[\]\\/:-]/g, '\\$&')
          .replaceAll('*', '.*')
          .replaceAll('?', '.');
        const regex = new RegExp(`^${source}$`, 's');
        expect(matchesWildcard(value, pattern)).toBe(regex.test(value));
      }),
    );
  });
});
