import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessQuestionSchema, explainAccess } from './explain-access';
import { trustFindings } from './trust-findings';

const OWN = '111122223333';
const account = fc.stringMatching(/^[1-9]\d{11}$/);
const externalId = fc.stringMatching(/^[\w+=,.@:/-]{2,40}$/);

function vendorTrust(vendor: string, requiredId: string | undefined) {
  return {
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${vendor}:root` },
        Action: 'sts:AssumeRole',
        ...(requiredId === undefined ? {} : { Condition: { StringEquals: { 'sts:ExternalId': requiredId } } }),
      },
    ],
  };
}

describe('trust findings and explain access, properties', () => {
  it('another account is flagged exactly when no External ID is required', () => {
    fc.assert(
      fc.property(account, fc.option(externalId, { nil: undefined }), (vendor, requiredId) => {
        const flagged = trustFindings(vendorTrust(vendor, requiredId), OWN).some((f) => f.code === 'no-external-id');
        expect(flagged).toBe(vendor !== OWN && requiredId === undefined);
      }),
    );
  });

  it('a vendor trust with an External ID admits that vendor with exactly that id', () => {
    fc.assert(
      fc.property(
        account,
        account,
        externalId,
        fc.option(externalId, { nil: undefined }),
        (vendor, asker, id, given) => {
          const question = accessQuestionSchema.parse({ kind: 'aws', principal: asker, externalId: given });
          const answer = explainAccess(vendorTrust(vendor, id), question);
          expect(answer.admitted).toBe(asker === vendor && given === id);
          if (answer.admitted) expect(answer.decidedBy).toBe('statement 1');
          else expect(answer.statements[0]?.reason).toBeTruthy();
        },
      ),
    );
  });

  it('the "*" principal is always flagged and admits every account, with or without an External ID', () => {
    fc.assert(
      fc.property(account, fc.option(externalId, { nil: undefined }), fc.boolean(), (asker, given, bare) => {
        const policy = {
          Statement: [{ Effect: 'Allow', Principal: bare ? '*' : { AWS: '*' }, Action: 'sts:AssumeRole' }],
        };
        expect(trustFindings(policy, OWN).map((f) => `${f.severity}:${f.code}`)).toEqual(['high:wildcard-principal']);
        const question = accessQuestionSchema.parse({ kind: 'aws', principal: asker, externalId: given });
        expect(explainAccess(policy, question).admitted).toBe(true);
      }),
    );
  });

  it('never throws on any well-formed statement list, and every finding names a statement that exists', () => {
    const principal = fc.oneof(
      fc.constant('*'),
      fc.record({
        AWS: fc.oneof(
          fc.constant('*'),
          account,
          account.map((a) => `arn:aws:iam::${a}:root`),
        ),
      }),
      fc.record({
        Federated: fc.constantFrom(
          `arn:aws:iam::${OWN}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/X`,
          `arn:aws:iam::${OWN}:oidc-provider/issuer.enforce.dev`,
        ),
      }),
      fc.record({ Service: fc.constantFrom('ec2.amazonaws.com', 'lambda.amazonaws.com') }),
    );
    const key = fc.constantFrom(
      'sts:ExternalId',
      'oidc.eks.us-east-1.amazonaws.com/id/X:sub',
      'oidc.eks.us-east-1.amazonaws.com/id/X:aud',
      'issuer.enforce.dev:aud',
      'aws:PrincipalOrgID',
    );
    const condition = fc.dictionary(
      fc.constantFrom('StringEquals', 'StringLike', 'ForAnyValue:StringLike', 'StringNotEquals'),
      fc.dictionary(
        key,
        fc.oneof(fc.string({ maxLength: 8 }), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 })),
      ),
    );
    const statement = fc.record({
      Effect: fc.constantFrom('Allow', 'Deny'),
      Principal: principal,
      Action: fc.constantFrom('sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:*'),
      Condition: condition,
    });
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 5 }), (statements) => {
        const findings = trustFindings({ Statement: statements }, OWN);
        for (const finding of findings) {
          const index = Number(/^statement (\d+)/.exec(finding.where)?.[1]) - 1;
          expect(statements[index]?.Effect).toBe('Allow');
        }
      }),
    );
  });
});
