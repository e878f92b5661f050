import { CreateOpenIDConnectProviderCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { awsQueryError } from '../../../test-support/fakes/aws/fault-proxy';
import { findMotoServer, inMotoAccount, MOTO_MISSING_REASON } from '../../../test-support/fakes/aws/moto';
import { motoSuite } from '../../../test-support/fakes/aws/moto-suite';
import { freshKeysOnMoto } from '../../../test-support/core/aws-test-bed';
import { MOTO_ACCOUNT } from '../../../test-support/seeders/seed-association';
import { findExistingOidcProvider, type LookupKeys } from './existing-oidc-provider';

const motoBinary = findMotoServer();
if (!motoBinary) console.warn(`SKIPPED: ${MOTO_MISSING_REASON}`);

const MEMBER = '210987654321';

async function createProvider(motoUrl: string, url: string, account?: string): Promise<string> {
  const client = new IAMClient({
    region: 'us-east-1',
    endpoint: motoUrl,
    credentials: { accessKeyId: 'AKIAMOTOSEEDER000000', secretAccessKey: 'seeder' },
  });
  const iam = account ? inMotoAccount(client, account) : client;
  try {
    const out = await iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: url,
        ClientIDList: ['amazon'],
        ThumbprintList: ['08745487e891c19e3078c1f2a07e452950ef36f6'],
      }),
    );
    return out.OpenIDConnectProviderArn ?? '';
  } finally {
    iam.destroy();
  }
}

describe.skipIf(!motoBinary)(
  motoBinary ? 'looking for an existing OIDC provider in moto' : `SKIPPED — ${MOTO_MISSING_REASON}`,
  () => {
    const aws = motoSuite();
    let keys: LookupKeys;
    let run = 0;
    // Each test its own platform domain, so providers one test creates are not another's.
    const environment = () => `env${run}.example.dev`;
    const target = () => ({
      profile: 'operator',
      accountId: MOTO_ACCOUNT,
      environment: environment(),
      accessPath: { kind: 'profile' as const },
    });

    beforeEach(async () => {
      run += 1;
      keys = await freshKeysOnMoto(aws, `lookup-${run}`);
    });
    afterEach(() => vi.unstubAllEnvs());

    it('finds none in an account without one for the issuer (another issuer’s does not count)', async () => {
      await createProvider(aws.moto.url, `https://issuer.other${run}.example.dev`);
      expect(await findExistingOidcProvider(keys, target())).toEqual({ status: 'none' });
      expect(aws.proxy.requests.map((r) => r.action)).toEqual(['ListOpenIDConnectProviders']);
    });

    it('finds the issuer’s provider with its URL, audiences and creation date', async () => {
      const arn = await createProvider(aws.moto.url, `https://issuer.${environment()}`);
      expect(arn).toBe(`arn:aws:iam::${MOTO_ACCOUNT}:oidc-provider/issuer.${environment()}`);
      const found = await findExistingOidcProvider(keys, target());
      expect(found).toMatchObject({
        status: 'found',
        arn,
        url: `https://issuer.${environment()}`,
        clientIds: ['amazon'],
      });
      expect(found.status === 'found' && Date.parse(found.createdAt ?? '')).toBeGreaterThan(0);
      expect(aws.proxy.requests.map((r) => r.action)).toEqual([
        'ListOpenIDConnectProviders',
        'GetOpenIDConnectProvider',
      ]);
    });

    it('through a role, looks in the member account as the role', async () => {
      await createProvider(aws.moto.url, `https://issuer.${environment()}`);
      const memberArn = await createProvider(aws.moto.url, `https://issuer.${environment()}`, MEMBER);
      const found = await findExistingOidcProvider(keys, {
        ...target(),
        accountId: MEMBER,
        accessPath: {
          kind: 'assume-role',
          roleName: 'OrganizationAccountAccessRole',
          sessionName: 'liaison-test',
          durationSeconds: 3600,
        },
      });
      expect(found).toMatchObject({ status: 'found', arn: memberArn });
      expect(aws.proxy.requests.map((r) => r.action)).toEqual([
        'AssumeRole',
        'ListOpenIDConnectProviders',
        'GetOpenIDConnectProvider',
      ]);
    });

    it('says it could not look, and what to grant, when IAM refuses', async () => {
      aws.fault = (request) =>
        request.action === 'ListOpenIDConnectProviders'
          ? awsQueryError(403, 'AccessDenied', 'User is not authorized to perform: iam:ListOpenIDConnectProviders')
          : undefined;
      const found = await findExistingOidcProvider(keys, target());
      expect(found.status).toBe('unknown');
      if (found.status !== 'unknown') return;
      expect(found.message).toContain(`account ${MOTO_ACCOUNT}`);
      expect(found.message).toContain('AccessDenied');
      expect(found.remediation).toContain('iam:ListOpenIDConnectProviders');
    });

    it('says it could not look when the endpoint does not answer, without the keys in the message', async () => {
      aws.fault = () => 'drop';
      const found = await findExistingOidcProvider(keys, target(), { requestTimeoutMs: 2_000 });
      expect(found.status).toBe('unknown');
      expect(JSON.stringify(found)).not.toContain(keys.secretAccessKey);
      expect(JSON.stringify(found)).not.toContain(keys.accessKeyId);
    });
  },
);
