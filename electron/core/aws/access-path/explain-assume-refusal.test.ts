import { describe, expect, it } from 'vitest';
import { explainAssumeRefusal, judgeMemberTrust, type AssumeRequest } from './explain-assume-refusal';

const request: AssumeRequest = {
  sourceArn: 'arn:aws:sts::111111111111:assumed-role/Admin/alice',
  sourceAccount: '111111111111',
  roleArn: 'arn:aws:iam::222222222222:role/Deployer',
  roleName: 'Deployer',
  memberAccount: '222222222222',
  externalId: 'ext-1',
};

const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('explaining a refused AssumeRole', () => {
  it('says what the member role and the source identity each need', () => {
    const explained = explainAssumeRefusal(request, 'AccessDenied');
    expect(explained.detail).toBe(
      'AWS refused arn:aws:sts::111111111111:assumed-role/Admin/alice assuming arn:aws:iam::222222222222:role/Deployer (AccessDenied).',
    );
    // An assumed-role session's principal in a trust policy is its role, not the session.
    expect(explained.remediation).toContain('arn:aws:iam::111111111111:root (or arn:aws:iam::111111111111:role/Admin)');
    expect(explained.remediation).toContain('StringEquals sts:ExternalId = "ext-1"');
    expect(explained.remediation).toContain('never a "*" principal');
    expect(explained.remediation).not.toContain('invited');
  });

  it.each(['aws-us-gov', 'aws-cn'])('names the trust principal in the source’s partition (%s)', (partition) => {
    const explained = explainAssumeRefusal(
      {
        ...request,
        sourceArn: `arn:${partition}:sts::111111111111:assumed-role/Admin/alice`,
        roleArn: `arn:${partition}:iam::222222222222:role/Deployer`,
      },
      'AccessDenied',
    );
    expect(explained.remediation).toContain(
      `arn:${partition}:iam::111111111111:root (or arn:${partition}:iam::111111111111:role/Admin)`,
    );
    expect(explained.remediation).not.toContain('arn:aws:');
  });

  it('judges a GovCloud trust policy for a GovCloud source, and sees that it admits anyone', () => {
    const gov = {
      ...request,
      sourceArn: 'arn:aws-us-gov:sts::111111111111:assumed-role/Admin/alice',
      roleArn: 'arn:aws-us-gov:iam::222222222222:role/Deployer',
      externalId: undefined,
    };
    const own = policy([
      { Effect: 'Allow', Principal: { AWS: 'arn:aws-us-gov:iam::111111111111:root' }, Action: 'sts:AssumeRole' },
    ]);
    expect(judgeMemberTrust(own, gov)).toMatchObject({ allowed: true, admitsAnyone: false });
    // The commercial account root is another principal: it does not let the GovCloud source in.
    const commercial = policy([
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' },
    ]);
    expect(judgeMemberTrust(commercial, gov)).toMatchObject({ allowed: false });
    const anyone = policy([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }]);
    expect(judgeMemberTrust(anyone, gov)).toMatchObject({ allowed: true, admitsAnyone: true });
  });

  it('names the statement that refuses: the External ID does not match', () => {
    const judged = judgeMemberTrust(
      policy([
        {
          Sid: 'FromManagement',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:root' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'other' } },
        },
      ]),
      request,
    );
    expect(judged?.allowed).toBe(false);
    expect(judged?.sentence).toContain('statement 1 (FromManagement) (Allow) does not apply');
    expect(judged?.sentence).toContain('sts:ExternalId');
    expect(judged?.admitsAnyone).toBe(false);
  });

  it('names an explicit Deny, and a trust that admits anyone', () => {
    const denied = judgeMemberTrust(
      policy([
        { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' },
        {
          Sid: 'NoSessions',
          Effect: 'Deny',
          Principal: { AWS: 'arn:aws:iam::111111111111:role/Admin' },
          Action: 'sts:AssumeRole',
        },
      ]),
      request,
    );
    expect(denied?.allowed).toBe(false);
    expect(denied?.sentence).toContain('Denied explicitly by statement 2 (NoSessions)');
    expect(denied?.admitsAnyone).toBe(true);
  });

  it('gives up quietly on a document that is not a policy', () => {
    expect(judgeMemberTrust('not json', request)).toBeUndefined();
  });
});
