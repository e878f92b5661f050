import type { ThirdPartyRoleInput } from '../../shared/contract/role-recipes';

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ReadBucket',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: ['arn:aws:s3:::acme-exports', 'arn:aws:s3:::acme-exports/${aws:username}/*'],
      Condition: { Bool: { 'aws:SecureTransport': true }, StringLike: { 's3:prefix': ['reports/*', '%{x}'] } },
    },
    { Effect: 'Deny', NotAction: 'iam:*', NotResource: 'arn:aws:iam::*:role/keep' },
  ],
});

/** Every golden role workspace: root or role principal, own policy, managed ones, both. */
export const roleGoldenCases: Record<string, ThirdPartyRoleInput> = {
  'third-party-managed-only': {
    kind: 'third-party-role',
    accountId: '123456789012',
    profile: 'acme-prod',
    vendorAccountId: '999988887777',
    externalId: 'liaison-3f2a9c1be0d4475a8e6b1f0c',
    roleName: 'VendorReadOnly',
    managedPolicyArns: ['arn:aws:iam::aws:policy/SecurityAudit', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
    maxSessionSeconds: 3600,
  },
  'third-party-own-policy': {
    kind: 'third-party-role',
    accountId: '123456789012',
    profile: 'acme-prod',
    vendorAccountId: '999988887777',
    vendorRoleArn: 'arn:aws:iam::999988887777:role/vendor/Connector',
    externalId: 'tenant:acme/id=1,2.@_-+',
    roleName: 'vendor.connector@acme',
    managedPolicyArns: ['arn:aws:iam::123456789012:policy/team/Extra'],
    policyDocument: POLICY,
    maxSessionSeconds: 43200,
  },
};
