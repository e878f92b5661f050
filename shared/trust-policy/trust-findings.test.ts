import { describe, expect, it } from 'vitest';
import { describeTrust } from './describe-trust';
import { permissionFindings, trustFindings } from './trust-findings';

const OWN = '111122223333';
const VENDOR = '444455556666';
const EKS = 'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const EKS_PROVIDER = `arn:aws:iam::${OWN}:oidc-provider/${EKS}`;

const allow = (statement: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }],
});
const codes = (policy: object) => trustFindings(policy, OWN).map((finding) => `${finding.severity}:${finding.code}`);

function irsa(condition: Record<string, Record<string, string>>) {
  return allow({
    Principal: { Federated: EKS_PROVIDER },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: condition,
  });
}

describe('trust findings', () => {
  it('finds nothing in the seed 002 vendor trust with an External ID', () => {
    const policy = allow({
      Principal: { AWS: `arn:aws:iam::${VENDOR}:root` },
      Condition: { StringEquals: { 'sts:ExternalId': 'kommander-7f3a' } },
    });
    expect(codes(policy)).toEqual([]);
  });

  it('flags another account without sts:ExternalId, but not the role’s own account', () => {
    expect(codes(allow({ Principal: { AWS: `arn:aws:iam::${VENDOR}:root` } }))).toEqual(['medium:no-external-id']);
    expect(codes(allow({ Principal: { AWS: VENDOR } }))).toEqual(['medium:no-external-id']);
    expect(codes(allow({ Principal: { AWS: `arn:aws:iam::${OWN}:root` } }))).toEqual([]);
    const [finding] = trustFindings(
      allow({ Sid: 'Vendor', Principal: { AWS: `arn:aws:iam::${VENDOR}:role/Deployer` } }),
      OWN,
    );
    expect(finding?.where).toBe('statement 1 (Vendor)');
    expect(finding?.message).toContain(VENDOR);
  });

  it('flags the "*" and {"AWS": "*"} principals, high without conditions', () => {
    expect(codes(allow({ Principal: '*' }))).toEqual(['high:wildcard-principal']);
    expect(codes(allow({ Principal: { AWS: '*' } }))).toEqual(['high:wildcard-principal']);
    expect(
      codes(allow({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } })),
    ).toEqual(['medium:wildcard-principal']);
    expect(codes(allow({ NotPrincipal: { AWS: VENDOR } }))).toEqual(['high:wildcard-principal']);
  });

  it('ignores Deny statements', () => {
    const policy = { Statement: [{ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' }] };
    expect(codes(policy)).toEqual([]);
  });

  it('finds nothing in the seed 004 service-account trust', () => {
    expect(
      codes(
        irsa({
          StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com', [`${EKS}:sub`]: 'system:serviceaccount:default:my-sa' },
        }),
      ),
    ).toEqual([]);
  });

  it('flags StringLike on sub: medium when StringEquals is meant, low when it admits a namespace', () => {
    expect(
      codes(
        irsa({
          StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com' },
          StringLike: { [`${EKS}:sub`]: 'system:serviceaccount:default:my-sa' },
        }),
      ),
    ).toEqual(['medium:sub-string-like']);
    expect(
      codes(
        irsa({
          StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com' },
          StringLike: { [`${EKS}:sub`]: 'system:serviceaccount:default:*' },
        }),
      ),
    ).toEqual(['low:sub-string-like']);
  });

  it('flags an OIDC trust without aud, without sub, or with an audience an EKS token never carries', () => {
    expect(codes(irsa({ StringEquals: { [`${EKS}:sub`]: 'system:serviceaccount:default:my-sa' } }))).toEqual([
      'high:oidc-without-aud',
    ]);
    expect(codes(irsa({ StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com' } }))).toEqual(['high:oidc-without-sub']);
    expect(
      codes(
        irsa({ StringEquals: { [`${EKS}:aud`]: 'amazon', [`${EKS}:sub`]: 'system:serviceaccount:default:my-sa' } }),
      ),
    ).toEqual(['medium:unexpected-aud']);
  });

  it('does not expect sts.amazonaws.com from issuers that are not EKS', () => {
    const host = 'issuer.enforce.dev';
    const policy = allow({
      Principal: { Federated: `arn:aws:iam::${OWN}:oidc-provider/${host}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${host}:aud`]: 'amazon', [`${host}:sub`]: 'canary:abc' } },
    });
    expect(codes(policy)).toEqual([]);
  });

  it('reads the URL-encoded document ListRoles returns', () => {
    const encoded = encodeURIComponent(JSON.stringify(allow({ Principal: '*' })));
    expect(trustFindings(encoded, OWN).map((finding) => finding.code)).toEqual(['wildcard-principal']);
  });
});

describe('who can assume, in words', () => {
  it('names each principal with its conditions', () => {
    const grants = describeTrust({
      Statement: [
        {
          Sid: 'Vendor',
          Effect: 'Allow',
          Principal: {
            AWS: [`arn:aws:iam::${VENDOR}:root`, `arn:aws:iam::${OWN}:role/Ops`],
            Service: 'ec2.amazonaws.com',
          },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'x-1' } },
        },
        {
          Effect: 'Allow',
          Principal: { Federated: EKS_PROVIDER },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringLike: { [`${EKS}:sub`]: ['a', 'b'] } },
        },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'sts:AssumeRole',
          Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
        },
      ],
    });
    expect(grants.map((grant) => [grant.statement, grant.effect, grant.principal, grant.conditions])).toEqual([
      ['statement 1 (Vendor)', 'Allow', `Account ${VENDOR} (any principal in it)`, ['sts:ExternalId = "x-1"']],
      ['statement 1 (Vendor)', 'Allow', `Role Ops in account ${OWN} (and its sessions)`, ['sts:ExternalId = "x-1"']],
      ['statement 1 (Vendor)', 'Allow', 'Service ec2.amazonaws.com', ['sts:ExternalId = "x-1"']],
      ['statement 2', 'Allow', `Identities from the OIDC provider ${EKS}`, [`${EKS}:sub like "a" or "b"`]],
      ['statement 3', 'Deny', 'Anyone (the "*" principal)', ['aws:SecureTransport is "false" (when present)']],
    ]);
  });
});

describe('permission findings', () => {
  it('flags "*" actions and resources in Allow statements only', () => {
    const found = permissionFindings('Admin', {
      Statement: [
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Sid: 'Ec2', Effect: 'Allow', Action: ['ec2:*'], Resource: 'arn:aws:ec2:*:*:instance/*' },
        { Effect: 'Allow', Action: 'ec2:DescribeVpcs', Resource: ['*'] },
        { Effect: 'Deny', Action: '*', Resource: '*' },
      ],
    });
    expect(found.map((finding) => [finding.severity, finding.code, finding.where])).toEqual([
      ['high', 'wildcard-action', 'Admin, statement 1'],
      ['high', 'wildcard-resource', 'Admin, statement 1'],
      ['medium', 'wildcard-action', 'Admin, statement 2 (Ec2)'],
      ['low', 'wildcard-resource', 'Admin, statement 3'],
    ]);
  });

  it('finds nothing in a narrow policy (seed 004’s example)', () => {
    expect(
      permissionFindings('my-policy', {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-pod-secrets-bucket' }],
      }),
    ).toEqual([]);
  });
});
