import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../shared/contract/checks';
import { checkBedOnMoto, type AwsHomeOnMoto } from '../../../../test-support/core/aws-test-bed';
import { awsQueryError } from '../../../../test-support/fakes/aws/fault-proxy';
import { findMotoServer, MOTO_MISSING_REASON } from '../../../../test-support/fakes/aws/moto';
import { motoSuite } from '../../../../test-support/fakes/aws/moto-suite';
import {
  moduleSeed,
  seedAwsAssociation,
  MOTO_ACCOUNT,
  type AwsBreakage,
} from '../../../../test-support/seeders/seed-association';
import { installFailingTokenCommand, installTokenCommand } from '../../../../test-support/seeders/token-command';
import type { TestCore } from '../../../../test-support/core/test-core';

const motoBinary = findMotoServer();
if (!motoBinary) console.warn(`SKIPPED: ${MOTO_MISSING_REASON}`);

const GROUP = '0123456789abcdef0123456789abcdef01234567';

describe.skipIf(!motoBinary)(motoBinary ? 'check-aws against moto' : `SKIPPED — ${MOTO_MISSING_REASON}`, () => {
  const aws = motoSuite();
  let bed: AwsHomeOnMoto;
  let test: TestCore;
  let run = 0;

  beforeEach(async () => {
    run += 1;
    ({ bed, test } = await checkBedOnMoto(aws, 'check-aws', `checker-${run}`));
  });
  afterEach(() => {
    test.dispose();
    bed.dispose();
  });

  async function association(profile = 'static-admin'): Promise<string> {
    await test.call('createGroup', { mode: 'existing', id: GROUP, name: 'platform' });
    const saved = await test.call('saveAssociation', {
      cloud: 'aws',
      groupId: GROUP,
      environment: 'enforce.dev',
      accountId: MOTO_ACCOUNT,
      profile,
      moduleVersion: '0.1.0',
    });
    return saved.association.id;
  }

  async function check(breakage?: AwsBreakage, profile?: string): Promise<CheckResult> {
    await seedAwsAssociation(aws.moto.url, moduleSeed(GROUP, 'enforce.dev', breakage));
    const id = await association(profile);
    return test.call('runAssociationCheck', { associationId: id });
  }

  const step = (result: CheckResult, id: string) => result.steps.find((s) => s.id === id);

  it('a correctly applied association is Configured: every static step passed, live skipped and said why', async () => {
    const result = await check();
    expect(result.verdict).toBe('configured');
    expect(result.headline).toBe(
      'Configured — every static check passed; not verified live: no token command is set for enforce.dev. Add one in Settings → Checks (a command that prints an identity token from https://issuer.enforce.dev) to impersonate chainguard-canary live.',
    );
    expect(result.steps.map((s) => [s.id, s.status])).toEqual([
      ['credentials', 'passed'],
      ['oidc-provider', 'passed'],
      ['role:chainguard-canary', 'passed'],
      ['role:chainguard-catalog-syncer', 'passed'],
      ['policies:chainguard-catalog-syncer', 'passed'],
      ['live', 'skipped'],
    ]);
    expect(step(result, 'role:chainguard-canary')?.detail).toContain(`Admits canary:${GROUP}`);
    expect(result.successLine).toBeUndefined();
    const actions = aws.proxy.requests.map((r) => r.action);
    expect(actions).toContain('GetOpenIDConnectProvider');
    expect(actions).not.toContain('AssumeRoleWithWebIdentity');
    const stored = await test.call('listAssociationChecks', { associationId: result.associationId });
    expect(stored).toEqual([result]);
  });

  it('with a token command it impersonates the canary live: Success and the seed line', async () => {
    const command = installTokenCommand(join(bed.root, 'token'), 'enforce.dev', {
      amazon: `canary:${GROUP}`,
      google: `canary:${GROUP}`,
    });
    await test.call('setTokenCommand', { environment: 'enforce.dev', command, timeoutSeconds: 10 });
    const result = await check();
    expect(result.verdict).toBe('success');
    expect(result.headline).toBe('Success — chainguard-canary was impersonated live and every static check passed.');
    expect(result.successLine).toMatch(
      /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} AWS role impersonation was successful!$/,
    );
    const live = step(result, 'live');
    expect(live).toMatchObject({ status: 'passed', live: true });
    expect(live?.detail).toContain(`assumed-role/chainguard-canary/liaison-check`);
    const assume = aws.proxy.requests.find((r) => r.action === 'AssumeRoleWithWebIdentity');
    expect(new URLSearchParams(assume?.body).get('RoleArn')).toBe(
      `arn:aws:iam::${MOTO_ACCOUNT}:role/chainguard-canary`,
    );
    // The token never reaches the result, the store or the logs; the operator's keys never sign the assume.
    const token = new URLSearchParams(assume?.body).get('WebIdentityToken') ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(
      JSON.stringify(await test.call('listAssociationChecks', { associationId: result.associationId })),
    ).not.toContain(token);
    expect(test.logs.join('')).not.toContain(token);
    expect(assume?.headers.authorization).toBeUndefined();
  });

  it.each<[AwsBreakage, string, RegExp]>([
    [
      'no-oidc-provider',
      'oidc-provider',
      /There is no OIDC provider arn:aws:iam::123456789012:oidc-provider\/issuer\.enforce\.dev/,
    ],
    [
      'wrong-client-id',
      'oidc-provider',
      /client ids are sts\.amazonaws\.com; tokens for audience "amazon" are refused/,
    ],
    ['missing-canary', 'role:chainguard-canary', /The role chainguard-canary does not exist/],
    [
      'sub-for-other-group',
      'role:chainguard-canary',
      /does not admit canary:0123.*issuer\.enforce\.dev:sub: the request's "canary:0123[0-9a-f]+" does not match "canary:f{40}"/,
    ],
    [
      'wrong-aud',
      'role:chainguard-canary',
      /issuer\.enforce\.dev:aud: the request's "amazon" does not match "sts\.amazonaws\.com"/,
    ],
    [
      'other-provider',
      'role:chainguard-canary',
      /its Principal \(Federated "arn:aws:iam::123456789012:oidc-provider\/issuer\.chainops\.dev"\) does not include Federated arn:aws:iam::123456789012:oidc-provider\/issuer\.enforce\.dev/,
    ],
    [
      'missing-attached-policy',
      'policies:chainguard-catalog-syncer',
      /chainguard-catalog-syncer lacks AmazonEC2ContainerRegistryPowerUser \(attached: none\)/,
    ],
  ])('%s → Failing at %s', async (breakage, stepId, why) => {
    const command = installTokenCommand(join(bed.root, 'token'), 'enforce.dev', {
      amazon: `canary:${GROUP}`,
      google: '',
    });
    await test.call('setTokenCommand', { environment: 'enforce.dev', command, timeoutSeconds: 10 });
    const result = await check(breakage);
    expect(result.verdict).toBe('failing');
    const failedSteps = result.steps.filter((s) => s.status === 'failed');
    expect(failedSteps[0]?.id).toBe(stepId);
    expect(failedSteps[0]?.detail).toMatch(why);
    expect(failedSteps[0]?.remediation).toContain('Run Apply');
    expect(result.headline).toBe(`Failing — ${failedSteps[0]?.title}: ${failedSteps[0]?.detail}`);
    // moto would let the assume succeed: the live step must not run on a broken association.
    expect(step(result, 'live')).toMatchObject({
      status: 'skipped',
      detail: 'Not tried: fix the failing steps first.',
    });
    expect(aws.proxy.requests.some((r) => r.action === 'AssumeRoleWithWebIdentity')).toBe(false);
    expect(result.successLine).toBeUndefined();
  });

  it('the headline names the group and the fix for a trust policy that admits another group', async () => {
    const result = await check('sub-for-other-group');
    expect(result.headline).toContain(
      `Failing — Role chainguard-canary trusts canary:${GROUP}: The trust policy of chainguard-canary does not admit canary:${GROUP}`,
    );
    expect(step(result, 'role:chainguard-canary')?.remediation).toBe(
      'Run Apply for this association (or terraform apply in its workspace), then check again.',
    );
  });

  it('a profile for another account → Failing at credentials, nothing else read', async () => {
    const result = await check(undefined, 'chain-hop1');
    expect(result.verdict).toBe('failing');
    expect(step(result, 'credentials')?.detail).toBe(
      `The profile "chain-hop1" signs in to account 111111111111 (arn:aws:sts::111111111111:assumed-role/hop1-role/liaison-hop1), not ${MOTO_ACCOUNT}.`,
    );
    expect(aws.proxy.requests.some((r) => r.action === 'GetRole')).toBe(false);
  });

  it('a profile that needs an MFA code → Needs sign-in, without prompting', async () => {
    const events: string[] = [];
    test.core.events.subscribe((name) => events.push(name));
    const result = await check(undefined, 'mfa-role');
    expect(result.verdict).toBe('needs-sign-in');
    expect(result.headline).toMatch(
      /^Needs sign-in — "mfa-role" needs an MFA code, which is only asked for when you verify one profile\. Verify "mfa-role" on the Credentials page and enter the MFA code, then check again \(checks never prompt\)\.$/,
    );
    expect(events).not.toContain('awsMfaRequested');
  });

  it('an SSO profile without a cached token → Needs sign-in with the sign-in command', async () => {
    const result = await check(undefined, 'sso-dev');
    expect(result.verdict).toBe('needs-sign-in');
    expect(step(result, 'credentials')?.remediation).toContain('aws sso login --sso-session corp');
  });

  it('AccessDenied on the live assume → Failing with the AWS error code', async () => {
    const command = installTokenCommand(join(bed.root, 'token'), 'enforce.dev', {
      amazon: `canary:${GROUP}`,
      google: '',
    });
    await test.call('setTokenCommand', { environment: 'enforce.dev', command, timeoutSeconds: 10 });
    aws.fault = (request) =>
      request.action === 'AssumeRoleWithWebIdentity'
        ? awsQueryError(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity')
        : undefined;
    const result = await check();
    expect(result.verdict).toBe('failing');
    expect(step(result, 'live')).toMatchObject({
      status: 'failed',
      detail:
        'AWS refused AssumeRoleWithWebIdentity: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity',
    });
    expect(result.successLine).toBeUndefined();
  });

  it('throttling is retried by the SDK and the check still passes', async () => {
    let throttled = 0;
    aws.fault = (request) => {
      if (request.action !== 'GetRole' || throttled >= 2) return undefined;
      throttled += 1;
      return awsQueryError(400, 'Throttling', 'Rate exceeded');
    };
    const result = await check();
    expect(result.verdict).toBe('configured');
    expect(throttled).toBe(2);
    expect(aws.proxy.requests.filter((r) => r.action === 'GetRole').length).toBe(2 + 2);
  });

  it('a request that never answers → Error with the timeout, not a hang', async () => {
    aws.fault = (request) => (request.action === 'GetOpenIDConnectProvider' ? 'hang' : undefined);
    const started = Date.now();
    await seedAwsAssociation(aws.moto.url, moduleSeed(GROUP));
    const id = await association();
    const result = await runWithShortTimeouts(id);
    expect(result.verdict).toBe('error');
    expect(result.error?.code).toBe('AWS_TIMEOUT');
    expect(result.headline).toMatch(/^Error — OIDC provider for https:\/\/issuer\.enforce\.dev: AWS_TIMEOUT: /);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a failing token command → Error that shows its stderr', async () => {
    await test.call('setTokenCommand', {
      environment: 'enforce.dev',
      command: installFailingTokenCommand(join(bed.root, 'token')),
      timeoutSeconds: 10,
    });
    const result = await check();
    expect(result.verdict).toBe('error');
    expect(result.error?.code).toBe('CHECK_TOKEN_COMMAND_FAILED');
    expect(step(result, 'live')?.detail).toBe(
      'The token command for enforce.dev exited with code 3; its stderr: error: not signed in; run chainctl auth login',
    );
  });

  async function runWithShortTimeouts(associationId: string): Promise<CheckResult> {
    const { ChecksService } = await import('../checks-service');
    const { AwsProfileCatalog } = await import('../../aws/aws-profile-catalog');
    const { GcpCredentialsService } = await import('../../gcp/gcp-credentials-service');
    const { openStore } = await import('../../store/database');
    const { EventBus } = await import('../../event-bus');
    const { createLogger } = await import('../../logger');
    const store = openStore(join(test.dataDir, 'liaison.db'));
    const catalog = new AwsProfileCatalog({ watch: false });
    try {
      const logger = createLogger({ level: 'silent' });
      const service = new ChecksService({
        store,
        events: new EventBus(),
        logger,
        env: process.env,
        awsCatalog: catalog,
        gcp: new GcpCredentialsService({ env: process.env, logger }),
        awsTimeouts: { requestTimeoutMs: 800, maxAttempts: 2 },
      });
      return await service.runAssociationCheck({ associationId });
    } finally {
      catalog.close();
      store.close();
    }
  }
});
