import { CreateClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { CreateOpenIDConnectProviderCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsHomeOnMoto, type AwsHomeOnMoto } from '../../../test-support/core/aws-test-bed';
import { createTestCore } from '../../../test-support/core/test-core';
import { createMotoUser, findMotoServer, MOTO_MISSING_REASON } from '../../../test-support/fakes/aws/moto';
import { motoSuite } from '../../../test-support/fakes/aws/moto-suite';
import { MOTO_ACCOUNT } from '../../../test-support/seeders/seed-association';

const motoBinary = findMotoServer();
if (!motoBinary) console.warn(`SKIPPED: ${MOTO_MISSING_REASON}`);

const SEEDER = { accessKeyId: 'AKIAMOTOSEEDER000000', secretAccessKey: 'seeder' };

describe.skipIf(!motoBinary)(
  motoBinary ? 'listing EKS clusters for the picker against moto' : `SKIPPED — ${MOTO_MISSING_REASON}`,
  () => {
    const aws = motoSuite();
    let bed: AwsHomeOnMoto;
    let test: ReturnType<typeof createTestCore>;
    let run = 0;

    beforeEach(async () => {
      run += 1;
      aws.fault = undefined;
      bed = awsHomeOnMoto(aws, 'eks-clusters', { staticKeys: await createMotoUser(aws.moto.url, `eks-lister-${run}`) });
      test = createTestCore();
    });
    afterEach(() => {
      test.dispose();
      bed.dispose();
    });

    it('gives each cluster of the region its issuer and whether the account has its IAM OIDC provider', async () => {
      // moto gives every cluster of a region the same issuer id, so regions tell the two cases apart.
      const issuerOf = async (region: string, name: string) => {
        const eks = new EKSClient({ region, endpoint: aws.moto.url, credentials: SEEDER });
        try {
          const { cluster } = await eks.send(
            new CreateClusterCommand({
              name,
              roleArn: `arn:aws:iam::${MOTO_ACCOUNT}:role/eks`,
              resourcesVpcConfig: { subnetIds: ['subnet-1'] },
            }),
          );
          return cluster!.identity!.oidc!.issuer!;
        } finally {
          eks.destroy();
        }
      };
      const zeta = await issuerOf('eu-west-2', 'zeta-cluster');
      const alpha = await issuerOf('eu-west-2', 'alpha-cluster');
      const other = await issuerOf('eu-west-3', 'other-cluster');
      const iam = new IAMClient({ region: 'eu-west-2', endpoint: aws.moto.url, credentials: SEEDER });
      try {
        await iam.send(
          new CreateOpenIDConnectProviderCommand({
            Url: alpha,
            ClientIDList: ['sts.amazonaws.com'],
            ThumbprintList: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'],
          }),
        );
      } finally {
        iam.destroy();
      }
      const list = (region: string) =>
        test.call('listEksClusters', { accountId: MOTO_ACCOUNT, profile: 'static-admin', region });
      expect((await list('eu-west-2')).clusters).toEqual([
        { name: 'alpha-cluster', issuerUrl: alpha, oidcProviderExists: true },
        { name: 'zeta-cluster', issuerUrl: zeta, oidcProviderExists: true },
      ]);
      expect((await list('eu-west-3')).clusters).toEqual([
        { name: 'other-cluster', issuerUrl: other, oidcProviderExists: false },
      ]);
      expect(alpha).toMatch(/^https:\/\/oidc\.eks\.eu-west-2\.amazonaws\.com\/id\//);
      const actions = aws.proxy.requests.map((r) => r.action ?? r.path);
      expect(actions).toContain('ListOpenIDConnectProviders');
    });

    it('an unknown profile is refused with the reason', async () => {
      await expect(
        test.call('listEksClusters', { accountId: MOTO_ACCOUNT, profile: 'nobody', region: 'eu-west-2' }),
      ).rejects.toThrow(/AWS_PROFILE_NOT_FOUND.*There is no AWS profile named/);
    });
  },
);
