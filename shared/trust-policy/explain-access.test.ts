import { describe, expect, it } from 'vitest';
import { accessQuestionSchema, explainAccess, type AccessQuestionInput } from './explain-access';

const OWN = '111122223333';
const VENDOR = '444455556666';
const EKS = 'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE';
const EKS_PROVIDER = `arn:aws:iam::${OWN}:oidc-provider/${EKS}`;

const vendorTrust = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Vendor',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${VENDOR}:root` },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'kommander-7f3a' } },
    },
    { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
};
const irsaTrust = {
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: EKS_PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com', [`${EKS}:sub`]: 'system:serviceaccount:default:app' },
      },
    },
  ],
};

const ask = (policy: object, input: AccessQuestionInput) => explainAccess(policy, accessQuestionSchema.parse(input));

describe('explain access', () => {
  it('admits the vendor with the External ID, naming the statement', () => {
    const answer = ask(vendorTrust, { kind: 'aws', principal: VENDOR, externalId: 'kommander-7f3a' });
    expect(answer.admitted).toBe(true);
    expect(answer.decidedBy).toBe('statement 1 (Vendor)');
    expect(answer.summary).toBe(
      `Admitted: statement 1 (Vendor) lets ${VENDOR} with External ID "kommander-7f3a" assume the role.`,
    );
  });

  it('refuses the vendor without the External ID and says why each statement refuses', () => {
    const answer = ask(vendorTrust, { kind: 'aws', principal: `arn:aws:iam::${VENDOR}:role/Deployer`, externalId: '' });
    expect(answer.admitted).toBe(false);
    expect(answer.summary).toBe(
      `Refused: no statement admits arn:aws:iam::${VENDOR}:role/Deployer without an External ID.`,
    );
    expect(answer.statements).toEqual([
      {
        statement: 'statement 1 (Vendor)',
        effect: 'Allow',
        applies: false,
        reason: 'its condition StringEquals sts:ExternalId: the request has no sts:ExternalId',
      },
      {
        statement: 'statement 2',
        effect: 'Allow',
        applies: false,
        reason: `its Principal (Service "ec2.amazonaws.com") does not include AWS arn:aws:iam::${VENDOR}:role/Deployer`,
      },
    ]);
  });

  it('refuses a wrong External ID and another account', () => {
    expect(ask(vendorTrust, { kind: 'aws', principal: VENDOR, externalId: 'guess' }).statements[0]?.reason).toBe(
      'its condition StringEquals sts:ExternalId: the request\'s "guess" does not match "kommander-7f3a"',
    );
    expect(ask(vendorTrust, { kind: 'aws', principal: '999988887777', externalId: 'kommander-7f3a' }).admitted).toBe(
      false,
    );
  });

  it('admits a service principal its statement names', () => {
    const answer = ask(vendorTrust, { kind: 'service', service: 'ec2.amazonaws.com' });
    expect(answer).toMatchObject({ admitted: true, decidedBy: 'statement 2' });
  });

  it('admits exactly the service account with aud sts.amazonaws.com', () => {
    const base = { kind: 'oidc', provider: EKS_PROVIDER } as const;
    expect(
      ask(irsaTrust, { ...base, sub: 'system:serviceaccount:default:app', aud: 'sts.amazonaws.com' }).admitted,
    ).toBe(true);
    const other = ask(irsaTrust, { ...base, sub: 'system:serviceaccount:default:other', aud: 'sts.amazonaws.com' });
    expect(other.admitted).toBe(false);
    expect(other.statements[0]?.reason).toContain('system:serviceaccount:default:other');
    expect(ask(irsaTrust, { ...base, sub: 'system:serviceaccount:default:app', aud: 'amazon' }).admitted).toBe(false);
  });

  it('names the Deny that refuses', () => {
    const policy = {
      Statement: [
        ...vendorTrust.Statement,
        { Sid: 'NoVendor', Effect: 'Deny', Principal: { AWS: VENDOR }, Action: 'sts:*' },
      ],
    };
    const answer = ask(policy, { kind: 'aws', principal: VENDOR, externalId: 'kommander-7f3a' });
    expect(answer).toMatchObject({ admitted: false, decidedBy: 'statement 3 (NoVendor)' });
    expect(answer.summary).toContain('denies');
  });

  it('gives a field-level error for each bad field', () => {
    const issues = (input: unknown) => [
      ...new Set(accessQuestionSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.'))),
    ];
    expect(issues({ kind: 'aws', principal: '12345', externalId: 'x' })).toEqual(['principal', 'externalId']);
    expect(issues({ kind: 'aws', principal: 'arn:aws:iam::111122223333:group/Admins' })).toEqual(['principal']);
    expect(issues({ kind: 'oidc', provider: 'https://issuer', sub: '', aud: '' })).toEqual(['provider', 'sub', 'aud']);
    expect(issues({ kind: 'service', service: 'ec2' })).toEqual(['service']);
    expect(issues({ kind: 'aws', principal: ` arn:aws:iam::${VENDOR}:root ` })).toEqual([]);
  });
});
