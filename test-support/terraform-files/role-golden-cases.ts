import type { EksServiceAccountRoleInput, ThirdPartyRoleInput } from '../../shared/contract/role-recipes';

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

/** The EKS service-account roles: the provider created or referenced, managed policies or an own document. */
export const eksRoleGoldenCases: Record<string, EksServiceAccountRoleInput> = {
  'eks-new-provider': {
    kind: 'eks-service-account-role',
    accountId: '123456789012',
    profile: 'acme-prod',
    region: 'eu-west-1',
    clusterName: 'prod-eu',
    // Typed with a trailing slash and an upper-case host: normalised.
    issuerUrl: 'https://OIDC.EKS.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE/',
    namespace: 'payments',
    serviceAccount: 'ledger-writer',
    roleName: 'payments-ledger-writer',
    managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
    maxSessionSeconds: 3600,
  },
  'eks-existing-provider': {
    kind: 'eks-service-account-role',
    accountId: '123456789012',
    profile: 'acme-prod',
    region: 'us-east-1',
    issuerUrl: 'https://oidc.eks.us-east-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF',
    oidcProviderExists: true,
    namespace: 'default',
    serviceAccount: 'my-service-account.v2',
    roleName: 'my-role',
    managedPolicyArns: ['arn:aws:iam::123456789012:policy/my-policy'],
    policyDocument: POLICY,
    maxSessionSeconds: 7200,
  },
};

/** Every golden role workspace of every recipe kind. */
export const allRoleGoldenCases: Record<string, ThirdPartyRoleInput | EksServiceAccountRoleInput> = {
  ...roleGoldenCases,
  ...eksRoleGoldenCases,
};
