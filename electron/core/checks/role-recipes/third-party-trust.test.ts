import { describe, expect, it } from 'vitest';
import { thirdPartyRoleInputSchema } from '../../../../shared/contract/role-recipes';
import { judgeThirdPartyTrust } from './check-third-party-role';

const role = thirdPartyRoleInputSchema.parse({
  kind: 'third-party-role',
  accountId: '123456789012',
  profile: 'p',
  vendorAccountId: '999988887777',
  externalId: 'ext-id-1',
  roleName: 'Vendor',
  managedPolicyArns: ['arn:aws:iam::aws:policy/SecurityAudit'],
});

const trust = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const vendorStatement = (principal: unknown, condition?: object) => ({
  Effect: 'Allow',
  Principal: principal,
  Action: 'sts:AssumeRole',
  ...(condition ? { Condition: condition } : {}),
});
const withExternalId = { StringEquals: { 'sts:ExternalId': 'ext-id-1' } };

describe('judging a third-party role trust with the evaluator', () => {
  it('passes the trust the recipe writes, naming each refused near miss', () => {
    const outcome = judgeThirdPartyTrust(
      trust(vendorStatement({ AWS: 'arn:aws:iam::999988887777:root' }, withExternalId)),
      role,
    );
    expect(outcome.status).toBe('passed');
    expect(outcome.detail).toContain(
      'Refuses the vendor without an External ID, the vendor with another External ID, another account (000000000000), even with the External ID.',
    );
  });

  it('fails a StringLike wildcard External ID: the vendor with another External ID gets in', () => {
    const outcome = judgeThirdPartyTrust(
      trust(vendorStatement({ AWS: '999988887777' }, { StringLike: { 'sts:ExternalId': '*' } })),
      role,
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toContain('also admits the vendor with another External ID');
    expect(outcome.detail).not.toContain('without an External ID');
  });

  it('fails a second statement that opens the role to everyone, even beside a correct one', () => {
    const outcome = judgeThirdPartyTrust(
      trust(vendorStatement({ AWS: 'arn:aws:iam::999988887777:root' }, withExternalId), vendorStatement({ AWS: '*' })),
      role,
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toContain('the vendor without an External ID');
    expect(outcome.detail).toContain('another account (000000000000)');
  });

  it('passes a Deny that removes what a wide Allow would let in', () => {
    const outcome = judgeThirdPartyTrust(
      trust(vendorStatement({ AWS: 'arn:aws:iam::999988887777:root' }), {
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 'sts:AssumeRole',
        Condition: { StringNotEquals: { 'sts:ExternalId': 'ext-id-1' } },
      }),
      role,
    );
    expect(outcome.status).toBe('passed');
  });

  it('fails a trust that names only one role of the vendor when the recipe trusts the account', () => {
    const outcome = judgeThirdPartyTrust(
      trust(vendorStatement({ AWS: 'arn:aws:iam::999988887777:role/Other' }, withExternalId)),
      role,
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toContain('does not admit the vendor');
  });

  it('passes a trust naming the vendor role the recipe names', () => {
    const narrow = { ...role, vendorRoleArn: 'arn:aws:iam::999988887777:role/Scanner' };
    const outcome = judgeThirdPartyTrust(
      trust(vendorStatement({ AWS: 'arn:aws:iam::999988887777:role/Scanner' }, withExternalId)),
      narrow,
    );
    expect(outcome.status).toBe('passed');
    expect(outcome.detail).toContain('Admits arn:aws:sts::999988887777:assumed-role/Scanner/liaison-check');
  });

  it('reports a missing role as a finding and an unreadable trust as a failure', () => {
    expect(judgeThirdPartyTrust(undefined, role).finding).toEqual({ kind: 'missing', what: 'role', name: 'Vendor' });
    expect(judgeThirdPartyTrust('{"Statement": 3}', role).detail).toMatch(/cannot be read/);
  });
});
