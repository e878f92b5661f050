import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../shared/api';
import type { AwsSsoSignIn } from '../../../shared/contract/aws';
import type { CallResult } from '../../../shared/errors';
import { installAwsFixtureHome, type AwsFixtureHome } from '../../../test-support/fakes/aws/aws-fixture-home';
import { findMotoServer, MOTO_MISSING_REASON, startMoto, type MotoServer } from '../../../test-support/fakes/aws/moto';
import { startSsoFake, type SsoFake } from '../../../test-support/fakes/aws/sso-fake';
import { dispatchCall } from '../dispatch';
import { createTestCore } from '../../../test-support/core/test-core';
import { isAwsOwnedHost } from './aws-sso-sign-in';

const motoBinary = findMotoServer();
if (!motoBinary) console.warn(`SKIPPED: ${MOTO_MISSING_REASON}`);

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

describe.skipIf(!motoBinary)(
  motoBinary ? 'SSO sign-in through the device flow' : `SKIPPED — ${MOTO_MISSING_REASON}`,
  () => {
    let moto: MotoServer;
    let sso: SsoFake;
    let root: string;
    let fixture: AwsFixtureHome;
    let test: ReturnType<typeof createTestCore>;
    let events: { name: EventName; payload: unknown }[];

    beforeAll(async () => {
      moto = await startMoto();
    });
    afterAll(async () => {
      await moto?.stop();
    });

    async function setUp(fakeOptions: { expiresInSeconds?: number; verificationBase?: string } = {}): Promise<void> {
      sso = await startSsoFake({ motoUrl: moto.url, ...fakeOptions });
      vi.stubEnv('AWS_ENDPOINT_URL', moto.url);
      vi.stubEnv('AWS_ENDPOINT_URL_SSO', sso.url);
      vi.stubEnv('AWS_ENDPOINT_URL_SSO_OIDC', sso.url);
    }

    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'liaison-aws-sso-'));
      fixture = installAwsFixtureHome(join(root, 'home'));
      vi.stubEnv('HOME', fixture.home);
      vi.stubEnv('AWS_PROFILE', '');
      vi.stubEnv('AWS_CONFIG_FILE', '');
      vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '');
      test = createTestCore();
      events = [];
      test.core.events.subscribe((name, payload) => events.push({ name, payload }));
    });
    afterEach(async () => {
      test.dispose();
      await sso?.close();
      vi.unstubAllEnvs();
      rmSync(root, { recursive: true, force: true });
    });

    async function call<T>(method: string, input: unknown): Promise<T> {
      const result = (await dispatchCall(test.core, method, input)) as CallResult<T>;
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    }

    const settled = (): { status: string; error?: { code: string } } | undefined =>
      events.find((e) => e.name === 'awsSsoSignInSettled')?.payload as { status: string } | undefined;

    it('offers sign-in, shows the code, writes the token cache as `aws sso login` does, then verifies', async () => {
      await setUp();
      expect(await call('verifyAwsProfile', { profile: 'sso-dev' })).toMatchObject({
        ok: false,
        error: { code: 'AWS_SSO_SIGN_IN_REQUIRED', remediation: expect.stringContaining('--sso-session corp') },
      });

      const signIn = await call<AwsSsoSignIn>('startAwsSsoSignIn', { profile: 'sso-dev' });
      expect(signIn).toMatchObject({
        profile: 'sso-dev',
        ssoSession: 'corp',
        startUrl: 'https://corp.awsapps.com/start',
      });
      expect(sso.pendingUserCodes()).toEqual([signIn.userCode]);
      expect(signIn.verificationUriComplete).toBe(`${sso.url}/device?user_code=${signIn.userCode}`);
      expect(events.find((e) => e.name === 'awsSsoSignInStarted')?.payload).toEqual(signIn);
      expect(await call('openAwsSsoVerificationPage', { signInId: signIn.signInId })).toEqual({
        action: 'navigate',
        url: signIn.verificationUriComplete,
      });

      // It polls at the service's interval and keeps waiting while the user has not approved.
      await expect
        .poll(() => sso.calls.filter((c) => c === 'token:pending').length, { timeout: 5_000 })
        .toBeGreaterThan(0);
      expect(settled()).toBeUndefined();
      sso.approve(signIn.userCode);
      await expect.poll(() => settled(), { timeout: 5_000 }).toMatchObject({ status: 'completed' });

      const cacheFile = join(fixture.ssoCacheDir, `${sha1('corp')}.json`);
      const token = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, string>;
      expect(Object.keys(token).sort()).toEqual(
        [
          'accessToken',
          'clientId',
          'clientSecret',
          'expiresAt',
          'refreshToken',
          'region',
          'registrationExpiresAt',
          'startUrl',
        ].sort(),
      );
      expect(token).toMatchObject({ startUrl: 'https://corp.awsapps.com/start', region: 'us-east-1' });
      expect(sso.issuedTokens.has(token.accessToken!)).toBe(true);
      expect(token.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(Date.parse(token.expiresAt!)).toBeGreaterThan(Date.now() + 7 * 3600_000);
      expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
      // Nothing secret crossed the boundary.
      expect(JSON.stringify(events)).not.toContain(token.accessToken);
      expect(JSON.stringify(events)).not.toContain(token.clientSecret);

      // The SDK's own SSO provider now finds the token: no second sign-in.
      const registrations = sso.calls.filter((c) => c === 'register').length;
      expect(await call('verifyAwsProfile', { profile: 'sso-dev' })).toMatchObject({
        ok: true,
        identity: { account: '555555555555', arn: 'arn:aws:sts::555555555555:assumed-role/Developer/sso-operator' },
      });
      expect(await call('verifyAwsProfile', { profile: 'role-on-sso' })).toMatchObject({
        ok: true,
        identity: {
          account: '888888888888',
          arn: expect.stringMatching(/^arn:aws:sts::888888888888:assumed-role\/deploy\//),
        },
      });
      expect(sso.calls.filter((c) => c === 'register').length).toBe(registrations);
    });

    it('a legacy profile caches its token under the sha1 of its start URL', async () => {
      await setUp();
      const signIn = await call<AwsSsoSignIn>('startAwsSsoSignIn', { profile: 'sso-legacy' });
      expect(signIn.ssoSession).toBeUndefined();
      sso.approve(signIn.userCode);
      await expect.poll(() => settled(), { timeout: 5_000 }).toMatchObject({ status: 'completed' });
      expect(existsSync(join(fixture.ssoCacheDir, `${sha1('https://legacy.awsapps.com/start')}.json`))).toBe(true);
      expect(await call('verifyAwsProfile', { profile: 'sso-legacy' })).toMatchObject({
        ok: true,
        identity: { account: '666666666666' },
      });
    });

    it('cancelling stops polling and writes nothing', async () => {
      await setUp();
      const signIn = await call<AwsSsoSignIn>('startAwsSsoSignIn', { profile: 'sso-dev' });
      expect(await call('cancelAwsSsoSignIn', { signInId: signIn.signInId })).toEqual({ cancelled: true });
      expect(settled()).toMatchObject({ status: 'cancelled' });
      const polls = sso.calls.length;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(sso.calls.length).toBe(polls);
      expect(existsSync(fixture.ssoCacheDir)).toBe(false);
    });

    it('a denied or expired code ends the sign-in with the reason', async () => {
      await setUp({ expiresInSeconds: 2 });
      const denied = await call<AwsSsoSignIn>('startAwsSsoSignIn', { profile: 'sso-dev' });
      sso.deny(denied.userCode);
      await expect
        .poll(() => settled(), { timeout: 5_000 })
        .toMatchObject({
          status: 'failed',
          error: { code: 'AWS_SSO_SIGN_IN_FAILED', message: 'The sign-in was denied in the browser' },
        });
      events.length = 0;
      await call<AwsSsoSignIn>('startAwsSsoSignIn', { profile: 'sso-legacy' });
      await expect.poll(() => settled(), { timeout: 8_000 }).toMatchObject({ status: 'expired' });
      expect(existsSync(fixture.ssoCacheDir)).toBe(false);
    });

    it.each([
      ['a host that is not AWS', 'https://sso.evil.example'],
      ['a look-alike of the AWS device page', 'https://device.sso.us-east-1.amazonaws.com.evil.example'],
    ])('shows, and does not open, a verification page on %s', async (_label, base) => {
      await setUp({ verificationBase: base });
      const signIn = await call<AwsSsoSignIn>('startAwsSsoSignIn', { profile: 'sso-dev' });
      const opened = await dispatchCall(test.core, 'openAwsSsoVerificationPage', { signInId: signIn.signInId });
      expect(opened).toMatchObject({
        ok: true,
        value: { action: 'show', url: `${base}/device?user_code=${signIn.userCode}` },
      });
      expect(opened.ok && (opened.value as { reason: string }).reason).toMatch(/is not an AWS sign-in host/);
    });

    it("opens AWS's own device page", async () => {
      await setUp({ verificationBase: 'https://device.sso.us-east-1.amazonaws.com' });
      const signIn = await call<AwsSsoSignIn>('startAwsSsoSignIn', { profile: 'sso-dev' });
      expect(await call('openAwsSsoVerificationPage', { signInId: signIn.signInId })).toEqual({
        action: 'navigate',
        url: `https://device.sso.us-east-1.amazonaws.com/device?user_code=${signIn.userCode}`,
      });
    });

    it('refuses a profile that does not use SSO', async () => {
      await setUp();
      const result = await dispatchCall(test.core, 'startAwsSsoSignIn', { profile: 'static-admin' });
      expect(result).toMatchObject({ ok: false, error: { code: 'AWS_NOT_SSO' } });
    });
  },
);

describe('isAwsOwnedHost', () => {
  it.each([
    'https://device.sso.us-east-1.amazonaws.com/',
    'https://device.sso.us-gov-west-1.amazonaws.com/?user_code=ABCD-EFGH',
    'https://d-1234567890.awsapps.com/start/#/device',
    'https://ssoins-1234.portal.us-east-1.app.aws/',
    'https://device.sso.cn-north-1.amazonaws.com.cn/',
  ])('accepts %s', (url) => expect(isAwsOwnedHost(new URL(url))).toBe(true));

  it.each([
    'http://device.sso.us-east-1.amazonaws.com/',
    'https://amazonaws.com.evil.example/',
    'https://evilamazonaws.com/',
    'https://user:pass@device.sso.us-east-1.amazonaws.com/',
    'https://127.0.0.1/',
    'https://aws/',
  ])('refuses %s', (url) => expect(isAwsOwnedHost(new URL(url))).toBe(false));
});
