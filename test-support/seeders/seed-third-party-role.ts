import { AttachRolePolicyCommand, CreatePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';

/** How a seeded third-party role is broken, or not at all (issue 18's broken cases). */
export type ThirdPartyBreakage =
  'trusts-another-account' | 'no-external-id-condition' | 'star-principal' | 'missing-policy' | 'wildcard-policy';

export interface ThirdPartySeed {
  roleName: string;
  vendorAccountId: string;
  externalId: string;
  managedPolicyArns: readonly string[];
  /** Creates `<roleName>-permissions` with this document and attaches it. */
  policyDocument?: object;
  breakage?: ThirdPartyBreakage;
}

/** The role as the recipe's Terraform would leave it in moto's default account (or as broken as asked). */
export async function seedThirdPartyRole(motoUrl: string, seed: ThirdPartySeed): Promise<void> {
  const iam = new IAMClient({
    region: 'us-east-1',
    endpoint: motoUrl,
    credentials: { accessKeyId: 'AKIAMOTOSEEDER000000', secretAccessKey: 'seeder' },
  });
  const { breakage } = seed;
  const principal =
    breakage === 'star-principal'
      ? '*'
      : { AWS: `arn:aws:iam::${breakage === 'trusts-another-account' ? '555566667777' : seed.vendorAccountId}:root` };
  const statement = {
    Sid: 'VendorWithExternalId',
    Effect: 'Allow',
    Principal: principal,
    Action: 'sts:AssumeRole',
    ...(breakage === 'no-external-id-condition'
      ? {}
      : { Condition: { StringEquals: { 'sts:ExternalId': seed.externalId } } }),
  };
  try {
    await iam.send(
      new CreateRoleCommand({
        RoleName: seed.roleName,
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
      }),
    );
    const attach = breakage === 'missing-policy' ? seed.managedPolicyArns.slice(1) : seed.managedPolicyArns;
    for (const arn of attach) {
      await iam.send(new AttachRolePolicyCommand({ RoleName: seed.roleName, PolicyArn: arn }));
    }
    const document =
      breakage === 'wildcard-policy'
        ? { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }
        : seed.policyDocument;
    if (document !== undefined) {
      const { Policy } = await iam.send(
        new CreatePolicyCommand({
          PolicyName: `${seed.roleName}-permissions`,
          PolicyDocument: JSON.stringify(document),
        }),
      );
      await iam.send(new AttachRolePolicyCommand({ RoleName: seed.roleName, PolicyArn: Policy?.Arn }));
    }
  } finally {
    iam.destroy();
  }
}
