import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { inMotoAccount } from '../fakes/aws/moto';

/** The account moto puts resources in when a request names none. */
export const MOTO_DEFAULT_ACCOUNT = '123456789012';
export const VENDOR_ACCOUNT = '444455556666';
export const VENDOR_EXTERNAL_ID = 'kommander-7f3a';
export const EKS_ISSUER_HOST = 'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
export const INTENDED_SUBJECT = 'system:serviceaccount:default:my-service-account';

/** The inspector's fixture: correct and broken trusts of both recipes (seeds 002 and 004), by role name. */
export function inspectorRoles(account: string): Record<string, object> {
  const provider = `arn:aws:iam::${account}:oidc-provider/${EKS_ISSUER_HOST}`;
  const vendor = (condition?: object) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Vendor',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${VENDOR_ACCOUNT}:root` },
        Action: 'sts:AssumeRole',
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  });
  const irsa = (condition: object) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: provider },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: condition,
      },
    ],
  });
  const aud = { [`${EKS_ISSUER_HOST}:aud`]: 'sts.amazonaws.com' };
  return {
    'vendor-with-external-id': vendor({ StringEquals: { 'sts:ExternalId': VENDOR_EXTERNAL_ID } }),
    'vendor-without-external-id': vendor(),
    'open-to-world': {
      Version: '2012-10-17',
      Statement: [{ Sid: 'Everyone', Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }],
    },
    'irsa-app': irsa({ StringEquals: { ...aud, [`${EKS_ISSUER_HOST}:sub`]: INTENDED_SUBJECT } }),
    'irsa-other-service-account': irsa({
      StringEquals: { ...aud, [`${EKS_ISSUER_HOST}:sub`]: 'system:serviceaccount:default:other' },
    }),
    'irsa-wrong-aud': irsa({
      StringEquals: { [`${EKS_ISSUER_HOST}:aud`]: 'amazon', [`${EKS_ISSUER_HOST}:sub`]: INTENDED_SUBJECT },
    }),
    'irsa-string-like': irsa({ StringEquals: aud, StringLike: { [`${EKS_ISSUER_HOST}:sub`]: INTENDED_SUBJECT } }),
    'irsa-without-aud': irsa({ StringEquals: { [`${EKS_ISSUER_HOST}:sub`]: INTENDED_SUBJECT } }),
  };
}

function seederClient(motoUrl: string, account: string | undefined): IAMClient {
  const client = new IAMClient({
    region: 'us-east-1',
    endpoint: motoUrl,
    credentials: { accessKeyId: 'AKIAMOTOSEEDER000000', secretAccessKey: 'seeder' },
  });
  return account ? inMotoAccount(client, account) : client;
}

/**
 * Creates the inspector's fixture roles in moto's `account` (moto's default, 123456789012, when
 * absent), with a customer-managed policy whose default is its second version attached to the
 * vendor role, and an inline `"*"` policy on the open role.
 */
export async function seedInspectorRoles(motoUrl: string, account?: string): Promise<void> {
  const iam = seederClient(motoUrl, account);
  try {
    for (const [name, trust] of Object.entries(inspectorRoles(account ?? MOTO_DEFAULT_ACCOUNT))) {
      await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trust) }));
    }
    const { Policy } = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'vendor-permissions',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeVpcs', Resource: '*' }],
        }),
      }),
    );
    await iam.send(
      new CreatePolicyVersionCommand({
        PolicyArn: Policy?.Arn,
        SetAsDefault: true,
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Sid: 'Instances', Effect: 'Allow', Action: ['ec2:*'], Resource: 'arn:aws:ec2:*:*:instance/*' }],
        }),
      }),
    );
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'vendor-with-external-id', PolicyArn: Policy?.Arn }));
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'open-to-world',
        PolicyName: 'admin-everything',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        }),
      }),
    );
  } finally {
    iam.destroy();
  }
}

/** `count` roles named `bench-role-NNNN`, every tenth open to another account without an External ID (the bench). */
export async function seedManyRoles(motoUrl: string, count: number, concurrency = 8): Promise<void> {
  const iam = seederClient(motoUrl, undefined);
  try {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const index = next;
        next += 1;
        const open = index % 10 === 0;
        const trust = {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${VENDOR_ACCOUNT}:root` },
              Action: 'sts:AssumeRole',
              ...(open ? {} : { Condition: { StringEquals: { 'sts:ExternalId': `bench-${index}` } } }),
            },
          ],
        };
        await iam.send(
          new CreateRoleCommand({
            RoleName: `bench-role-${String(index).padStart(4, '0')}`,
            Path: `/team-${index % 7}/`,
            AssumeRolePolicyDocument: JSON.stringify(trust),
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    iam.destroy();
  }
}
