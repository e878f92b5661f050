import { describe, expect, it } from 'vitest';
import { eksServiceAccountRoleInputSchema } from '../../../../shared/contract/role-recipes';
import { judgeServiceAccountTrust } from './check-eks-service-account-role';

const HOST = 'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE';
const PROVIDER = `arn:aws:iam::123456789012:oidc-provider/${HOST}`;
const role = eksServiceAccountRoleInputSchema.parse({
  kind: 'eks-service-account-role',
  accountId: '123456789012',
  profile: 'p',
  region: 'eu-west-1',
  issuerUrl: `https://${HOST}`,
  namespace: 'payments',
  serviceAccount: 'ledger-writer',
  roleName: 'ledger',
  managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
});

const SUB = 'system:serviceaccount:payments:ledger-writer';
const trust = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const statement = (principal: unknown, condition: object) => ({
  Effect: 'Allow',
  Principal: principal,
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: condition,
});
const exact = { StringEquals: { [`${HOST}:aud`]: 'sts.amazonaws.com', [`${HOST}:sub`]: SUB } };

describe('judging an EKS service-account role trust with the evaluator', () => {
  it('passes the trust the recipe writes, naming each refused near miss', () => {
    const outcome = judgeServiceAccountTrust(trust(statement({ Federated: PROVIDER }, exact)), role);
    expect(outcome.status).toBe('passed');
    expect(outcome.detail).toContain(`Admits ${SUB} (aud sts.amazonaws.com) through ${PROVIDER}`);
  });

  it('fails a trust without the aud condition: the right subject with another audience gets in', () => {
    const outcome = judgeServiceAccountTrust(
      trust(statement({ Federated: PROVIDER }, { StringEquals: { [`${HOST}:sub`]: SUB } })),
      role,
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toContain('also admits the right service account with another audience');
  });

  it('fails a namespace-wide StringLike subject: another service account gets in', () => {
    const outcome = judgeServiceAccountTrust(
      trust(
        statement(
          { Federated: PROVIDER },
          {
            StringEquals: { [`${HOST}:aud`]: 'sts.amazonaws.com' },
            StringLike: { [`${HOST}:sub`]: 'system:serviceaccount:payments:*' },
          },
        ),
      ),
      role,
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toContain('also admits another service account in payments (liaison-probe-other)');
  });

  it('fails a second statement for another service account, even beside a correct one', () => {
    const other = {
      StringEquals: {
        [`${HOST}:aud`]: 'sts.amazonaws.com',
        [`${HOST}:sub`]: 'system:serviceaccount:payments:liaison-probe-other',
      },
    };
    const outcome = judgeServiceAccountTrust(
      trust(statement({ Federated: PROVIDER }, exact), statement({ Federated: PROVIDER }, other)),
      role,
    );
    expect(outcome.status).toBe('failed');
  });

  it.each([[{ Federated: '*' }], [{ Federated: [PROVIDER, '*'] }], ['*'], [{ AWS: '*' }]])(
    'fails a %j principal, even with the exact conditions',
    (principal) => {
      const outcome = judgeServiceAccountTrust(
        trust(statement({ Federated: PROVIDER }, exact), statement(principal, exact)),
        role,
      );
      expect(outcome.status).toBe('failed');
      expect(outcome.detail).toMatch(/"\*" principal|another OIDC provider/);
    },
  );

  it('fails an exact StringLike subject: StringEquals is meant', () => {
    const outcome = judgeServiceAccountTrust(
      trust(
        statement(
          { Federated: PROVIDER },
          { StringEquals: { [`${HOST}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${HOST}:sub`]: SUB } },
        ),
      ),
      role,
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toContain('with StringLike (statement 1) where StringEquals is meant');
  });

  it('fails a trust naming another provider, and a missing role', () => {
    const elsewhere = trust(statement({ Federated: PROVIDER.replace('EXAMPLE', 'OTHER') }, exact));
    expect(judgeServiceAccountTrust(elsewhere, role).detail).toContain(
      'does not admit service account payments/ledger-writer',
    );
    expect(judgeServiceAccountTrust(undefined, role).detail).toBe('The role ledger does not exist.');
  });
});
