import { CreateClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import {
  AttachRolePolicyCommand,
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  IAMClient,
} from '@aws-sdk/client-iam';

/** How a seeded EKS service-account role is broken, or not at all (issue 18's broken cases). */
export type EksRoleBreakage =
  'another-service-account' | 'wrong-aud' | 'star-principal' | 'missing-provider' | 'stringlike-sub';

export interface EksRoleSeed {
  accountId: string;
  roleName: string;
  /** The issuer's host and path (no scheme). */
  issuerHostPath: string;
  namespace: string;
  serviceAccount: string;
  managedPolicyArns: readonly string[];
  breakage?: EksRoleBreakage;
}

/** The provider and role as the recipe's Terraform would leave them in moto's default account (or as broken as asked). */
export async function seedEksServiceAccountRole(motoUrl: string, seed: EksRoleSeed): Promise<void> {
  const iam = new IAMClient({
    region: 'us-east-1',
    endpoint: motoUrl,
    credentials: { accessKeyId: 'AKIAMOTOSEEDER000000', secretAccessKey: 'seeder' },
  });
  const { breakage, issuerHostPath: host } = seed;
  const account = breakage === 'another-service-account' ? 'someone-else' : seed.serviceAccount;
  const subject = `system:serviceaccount:${seed.namespace}:${account}`;
  const statement = {
    Effect: 'Allow',
    Principal:
      breakage === 'star-principal' ? '*' : { Federated: `arn:aws:iam::${seed.accountId}:oidc-provider/${host}` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition:
      breakage === 'stringlike-sub'
        ? { StringEquals: { [`${host}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${host}:sub`]: subject } }
        : {
            StringEquals: {
              [`${host}:aud`]: breakage === 'wrong-aud' ? 'kubernetes.default.svc' : 'sts.amazonaws.com',
              [`${host}:sub`]: subject,
            },
          },
  };
  try {
    if (breakage !== 'missing-provider') {
      await iam.send(
        new CreateOpenIDConnectProviderCommand({
          Url: `https://${host}`,
          ClientIDList: ['sts.amazonaws.com'],
          ThumbprintList: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'],
        }),
      );
    }
    await iam.send(
      new CreateRoleCommand({
        RoleName: seed.roleName,
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
      }),
    );
    for (const arn of seed.managedPolicyArns) {
      await iam.send(new AttachRolePolicyCommand({ RoleName: seed.roleName, PolicyArn: arn }));
    }
  } finally {
    iam.destroy();
  }
}

/** An EKS cluster in moto's default account; gives its OIDC issuer (moto's, one per region). */
export async function seedEksCluster(motoUrl: string, region: string, name: string): Promise<string> {
  const eks = new EKSClient({
    region,
    endpoint: motoUrl,
    credentials: { accessKeyId: 'AKIAMOTOSEEDER000000', secretAccessKey: 'seeder' },
  });
  try {
    const { cluster } = await eks.send(
      new CreateClusterCommand({
        name,
        roleArn: 'arn:aws:iam::123456789012:role/eks-cluster',
        resourcesVpcConfig: { subnetIds: ['subnet-1'] },
      }),
    );
    const issuer = cluster?.identity?.oidc?.issuer;
    if (!issuer) throw new Error(`moto gave cluster ${name} no OIDC issuer`);
    return issuer;
  } finally {
    eks.destroy();
  }
}
