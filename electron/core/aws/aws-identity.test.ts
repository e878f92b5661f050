import { appendFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../shared/api';
import type { AwsVerification } from '../../../shared/contract/aws';
import { type AwsFixtureHome, type StaticKeys } from '../../../test-support/fakes/aws/aws-fixture-home';
import { awsHomeOnMoto, type AwsHomeOnMoto } from '../../../test-support/core/aws-test-bed';
import { awsQueryError, startFaultProxy } from '../../../test-support/fakes/aws/fault-proxy';
import { createMotoUser, findMotoServer, MOTO_MISSING_REASON } from '../../../test-support/fakes/aws/moto';
import { motoSuite } from '../../../test-support/fakes/aws/moto-suite';
import { dispatchCall } from '../dispatch';
import { EventBus } from '../event-bus';
import { createTestCore } from '../../../test-support/core/test-core';
import { AwsIdentityVerifier } from './aws-identity-verifier';
import { AwsMfaPrompts } from './aws-mfa-prompts';
import { AwsProfileCatalog } from './aws-profile-catalog';
import { installCredentialProcessRunner } from './credential-process-runner';
import { StsClientPool } from './sts-client-pool';

const motoBinary = findMotoServer();
if (!motoBinary) console.warn(`SKIPPED: ${MOTO_MISSING_REASON}`);

describe.skipIf(!motoBinary)(
  motoBinary ? 'verifying identities against moto' : `SKIPPED — ${MOTO_MISSING_REASON}`,
  () => {
    const aws = motoSuite();
    let bed: AwsHomeOnMoto;
    let fixture: AwsFixtureHome;
    let staticKeys: StaticKeys;
    let test: ReturnType<typeof createTestCore>;
    let events: { name: EventName; payload: unknown }[];

    let run = 0;
    beforeEach(async () => {
      // Fresh users instead of `moto.reset()`, which reloads every managed policy (seconds).
      run += 1;
      aws.fault = undefined;
      aws.proxy.requests.length = 0;
      staticKeys = await createMotoUser(aws.moto.url, `static-user-${run}`);
      // The SDK reads its endpoint from process.env itself: exactly how the web host is pointed at moto.
      bed = awsHomeOnMoto(aws, 'aws-identity', {
        staticKeys,
        processKeys: await createMotoUser(aws.moto.url, `process-user-${run}`),
      });
      fixture = bed.fixture;
      test = createTestCore();
      events = [];
      test.core.events.subscribe((name, payload) => events.push({ name, payload }));
    });
    afterEach(() => {
      test.dispose();
      bed.dispose();
    });

    async function verify(profile: string, refresh = false): Promise<AwsVerification> {
      const result = await dispatchCall(test.core, 'verifyAwsProfile', { profile, refresh });
      if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
      return result.value as AwsVerification;
    }

    it('verifies static keys: the IAM user the keys belong to', async () => {
      const result = await verify('static-admin');
      expect(result).toMatchObject({
        ok: true,
        cached: false,
        identity: { account: '123456789012', arn: `arn:aws:iam::123456789012:user/static-user-${run}` },
      });
      expect(aws.proxy.requests.map((r) => r.action)).toEqual(['GetCallerIdentity']);
    });

    it('follows a two-hop role chain and reports the assumed role', async () => {
      const result = await verify('chain-hop2');
      expect(result).toMatchObject({
        ok: true,
        identity: { account: '222222222222', arn: 'arn:aws:sts::222222222222:assumed-role/hop2-role/liaison-hop2' },
      });
      if (!result.ok) return;
      expect(Date.parse(result.identity.expiresAt ?? '')).toBeGreaterThan(Date.now());
      const assumed = aws.proxy.requests
        .filter((r) => r.action === 'AssumeRole')
        .map((r) => new URLSearchParams(r.body).get('RoleArn'));
      expect(assumed).toEqual(['arn:aws:iam::111111111111:role/hop1-role', 'arn:aws:iam::222222222222:role/hop2-role']);
    });

    it('runs credential_process and verifies the credentials it printed', async () => {
      const result = await verify('ci-process');
      expect(result).toMatchObject({
        ok: true,
        identity: { arn: `arn:aws:iam::123456789012:user/process-user-${run}` },
      });
    });

    it('exchanges a web identity token file for the role', async () => {
      const result = await verify('web-id');
      expect(result).toMatchObject({
        ok: true,
        identity: {
          account: '444444444444',
          arn: 'arn:aws:sts::444444444444:assumed-role/web-identity-role/liaison-web',
        },
      });
      const exchange = aws.proxy.requests.find((r) => r.action === 'AssumeRoleWithWebIdentity');
      expect(new URLSearchParams(exchange?.body).get('WebIdentityToken')).toMatch(/^eyJhbGciOiJSUzI1NiIs/);
    });

    it('reports a failing credential_process with its exit code and redacted stderr', async () => {
      const result = await verify('broken-process');
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('AWS_CREDENTIAL_PROCESS_FAILED');
      expect(result.error.message).toContain('exited with code 3');
      expect(result.error.message).toContain('the session for operator has expired');
      expect(result.error.message).not.toContain('wJalrXUtnFEMI');
      expect(result.error.message).not.toContain('FwoGZXIvYXdz');
      expect(result.error.remediation).toBeTruthy();
      expect(test.logs.join('')).not.toContain('wJalrXUtnFEMI');
    });

    it('fails a broken chain with its classification, without calling AWS', async () => {
      const result = await verify('missing-source');
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'AWS_PROFILE_INVALID',
          message: 'source_profile "does-not-exist" does not exist',
          remediation: expect.stringContaining('[profile does-not-exist]'),
        },
      });
      expect(aws.proxy.requests).toEqual([]);
    });

    it('caches an identity until its credentials expire, and refreshes on request', async () => {
      const first = await verify('chain-hop1');
      const second = await verify('chain-hop1');
      expect(first).toMatchObject({ ok: true, cached: false });
      expect(second).toMatchObject({ ok: true, cached: true, identity: first.ok ? first.identity : {} });
      expect(aws.proxy.requests.filter((r) => r.action === 'GetCallerIdentity')).toHaveLength(1);
      const refreshed = await verify('chain-hop1', true);
      expect(refreshed).toMatchObject({ ok: true, cached: false });
      expect(aws.proxy.requests.filter((r) => r.action === 'GetCallerIdentity')).toHaveLength(2);
      expect(events.filter((e) => e.name === 'awsProfileVerified')).toHaveLength(3);
    });

    it('never sends credentials across the boundary', async () => {
      const result = await verify('chain-hop2');
      const text = JSON.stringify([result, events]);
      expect(text).not.toMatch(/ASIA[A-Z0-9]{12,}|AKIA[A-Z0-9]{12,}/);
      expect(text).not.toMatch(/secret|sessionToken/i);
    });

    describe('MFA', () => {
      it('asks the UI for a code, waits, and continues with it', async () => {
        const pending = verify('mfa-role');
        await expect.poll(() => events.find((e) => e.name === 'awsMfaRequested')).toBeTruthy();
        const request = events.find((e) => e.name === 'awsMfaRequested')?.payload as {
          requestId: string;
          mfaSerial: string;
        };
        expect(request.mfaSerial).toBe('arn:aws:iam::123456789012:mfa/operator');
        // A code that is not 6 digits is refused at the boundary; the prompt stays open.
        const refused = await dispatchCall(test.core, 'answerAwsMfa', { requestId: request.requestId, code: '12345' });
        expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'code' } });
        const answered = await dispatchCall(test.core, 'answerAwsMfa', {
          requestId: request.requestId,
          code: '123456',
        });
        expect(answered).toEqual({ ok: true, value: { accepted: true } });
        expect(await pending).toMatchObject({
          ok: true,
          identity: { arn: 'arn:aws:sts::333333333333:assumed-role/mfa-role/liaison-mfa' },
        });
        const assume = new URLSearchParams(aws.proxy.requests.find((r) => r.action === 'AssumeRole')?.body);
        expect(assume.get('SerialNumber')).toBe('arn:aws:iam::123456789012:mfa/operator');
        expect(assume.get('TokenCode')).toBe('123456');
        expect(events.map((e) => e.name)).toContain('awsMfaSettled');
      });

      it('ends the call cleanly with a typed error when the prompt is cancelled', async () => {
        const pending = verify('mfa-role');
        await expect.poll(() => events.find((e) => e.name === 'awsMfaRequested')).toBeTruthy();
        const { requestId } = events.find((e) => e.name === 'awsMfaRequested')?.payload as { requestId: string };
        expect(await dispatchCall(test.core, 'cancelAwsMfa', { requestId })).toEqual({
          ok: true,
          value: { cancelled: true },
        });
        expect(await pending).toMatchObject({ ok: false, error: { code: 'AWS_MFA_CANCELLED' } });
        expect(aws.proxy.requests.filter((r) => r.action === 'AssumeRole')).toEqual([]);
        // Answering afterwards finds nothing to answer.
        expect(await dispatchCall(test.core, 'answerAwsMfa', { requestId, code: '123456' })).toEqual({
          ok: true,
          value: { accepted: false },
        });
      });

      it('never prompts in a batch', async () => {
        const result = await dispatchCall(test.core, 'verifyAwsProfiles', { batchId: 'b1', profiles: ['mfa-role'] });
        expect(result).toMatchObject({
          ok: true,
          value: { results: [{ profile: 'mfa-role', ok: false, error: { code: 'AWS_MFA_REQUIRED' } }] },
        });
        expect(events.map((e) => e.name)).not.toContain('awsMfaRequested');
      });
    });

    describe('faults', () => {
      it('a denial fails only that profile; the rest of the batch is verified', async () => {
        aws.fault = (r) =>
          r.action === 'AssumeRole' && r.body.includes('hop1-role')
            ? awsQueryError(403, 'AccessDenied', 'not allowed')
            : undefined;
        const result = await dispatchCall(test.core, 'verifyAwsProfiles', {
          batchId: 'b2',
          profiles: ['chain-hop1', 'static-admin', 'web-id'],
        });
        expect(result.ok).toBe(true);
        const results = (result as { value: { results: AwsVerification[] } }).value.results;
        const byProfile = Object.fromEntries(results.map((r) => [r.profile, r.ok ? 'ok' : r.error.code]));
        expect(byProfile).toEqual({ 'chain-hop1': 'AWS_ACCESS_DENIED', 'static-admin': 'ok', 'web-id': 'ok' });
      });

      it('throttling is retried by the SDK and then succeeds', async () => {
        let throttled = 0;
        aws.fault = (r) => {
          if (r.action !== 'GetCallerIdentity' || throttled >= 2) return undefined;
          throttled += 1;
          return awsQueryError(400, 'Throttling', 'Rate exceeded');
        };
        expect(await verify('static-admin')).toMatchObject({ ok: true });
        expect(aws.proxy.requests.filter((r) => r.action === 'GetCallerIdentity')).toHaveLength(3);
      });

      it('throttling that does not stop is a clear per-profile error', async () => {
        aws.fault = (r) =>
          r.action === 'GetCallerIdentity' ? awsQueryError(400, 'Throttling', 'Rate exceeded') : undefined;
        expect(await verify('static-admin')).toMatchObject({ ok: false, error: { code: 'AWS_THROTTLED' } });
      });

      it('expired and unrecognised credentials say so', async () => {
        aws.fault = (r) =>
          r.action === 'GetCallerIdentity'
            ? awsQueryError(403, 'ExpiredToken', 'The security token included in the request is expired')
            : undefined;
        expect(await verify('static-admin')).toMatchObject({ ok: false, error: { code: 'AWS_EXPIRED_CREDENTIALS' } });
        aws.fault = (r) =>
          r.action === 'GetCallerIdentity'
            ? awsQueryError(403, 'InvalidClientTokenId', 'The security token is invalid')
            : undefined;
        expect(await verify('ci-process')).toMatchObject({ ok: false, error: { code: 'AWS_INVALID_CREDENTIALS' } });
      });

      it('an endpoint answering a web page is named, in words, with what to check', async () => {
        aws.fault = (r) =>
          r.action === 'GetCallerIdentity'
            ? {
                status: 200,
                headers: { 'content-type': 'text/html' },
                body: '<!doctype html><html><body><h1>Sign in to the proxy</h1></body></html>',
              }
            : undefined;
        const result = await verify('static-admin');
        expect(result).toMatchObject({ ok: false, error: { code: 'AWS_SERVICE_ERROR' } });
        if (result.ok) return;
        expect(result.error.message).toContain('AWS STS endpoint');
        expect(result.error.message).toContain('not an AWS response');
        expect(result.error.message).not.toMatch(/SyntaxError|\$response|Unexpected token/);
        expect(result.error.remediation).toContain('HTTPS_PROXY');
      });

      it('an unreachable endpoint is a network error', async () => {
        vi.stubEnv('AWS_ENDPOINT_URL', 'http://127.0.0.1:9');
        expect(await verify('static-admin')).toMatchObject({ ok: false, error: { code: 'AWS_NETWORK' } });
      });

      it("honours the active profile's endpoint_url, as the SDK does, when no AWS_ENDPOINT_URL overrides it", async () => {
        const { appendFileSync, readFileSync } = await import('node:fs');
        const keys = readFileSync(fixture.credentialsFile, 'utf8')
          .split('[half-keys]')[0]!
          .replace('[static-admin]', '');
        appendFileSync(fixture.configFile, `\n[profile local-endpoint]\nendpoint_url = ${aws.proxy.url}\n`);
        appendFileSync(fixture.credentialsFile, `\n[local-endpoint]\n${keys}`);
        vi.stubEnv('AWS_ENDPOINT_URL', '');
        vi.stubEnv('AWS_PROFILE', 'local-endpoint');
        expect(await verify('local-endpoint')).toMatchObject({ ok: true, identity: { account: '123456789012' } });
        expect(aws.proxy.requests.map((r) => r.action)).toEqual(['GetCallerIdentity']);
      });

      it('a hanging endpoint times out', async () => {
        aws.fault = (r) => (r.action === 'GetCallerIdentity' ? 'hang' : undefined);
        installCredentialProcessRunner();
        const events = new EventBus();
        const catalog = new AwsProfileCatalog({ watch: false });
        const verifier = new AwsIdentityVerifier({
          catalog,
          events,
          mfa: new AwsMfaPrompts(events),
          requestTimeoutMs: 300,
          connectionTimeoutMs: 300,
        });
        const started = Date.now();
        expect(await verifier.verify('static-admin', { interactive: false })).toMatchObject({
          ok: false,
          error: { code: 'AWS_TIMEOUT' },
        });
        expect(Date.now() - started).toBeLessThan(10_000);
      });
    });

    describe('verify selected', () => {
      it('keeps to the concurrency limit and reports progress to the end', async () => {
        const slow = await startFaultProxy({ target: aws.moto.url, latencyMs: 60 });
        try {
          vi.stubEnv('AWS_ENDPOINT_URL', slow.url);
          const profiles = ['static-admin', 'chain-hop1', 'chain-hop2', 'ci-process', 'web-id', 'crlf'];
          const result = await dispatchCall(test.core, 'verifyAwsProfiles', {
            batchId: 'b3',
            profiles,
            concurrency: 2,
          });
          expect(result).toMatchObject({ ok: true, value: { cancelled: false } });
          const { results } = (result as { value: { results: AwsVerification[] } }).value;
          expect(
            results
              .filter((r) => r.ok)
              .map((r) => r.profile)
              .sort(),
          ).toEqual([...profiles].sort());
          expect(slow.maxConcurrent).toBeLessThanOrEqual(2);
          expect(slow.maxConcurrent).toBe(2);
          const progress = events
            .filter((e) => e.name === 'awsVerifyProgress')
            .map((e) => (e.payload as { done: number; total: number }).done);
          expect(progress).toEqual([0, 1, 2, 3, 4, 5, 6]);
        } finally {
          await slow.close();
        }
      });

      it("shares STS connections across a batch, yet signs each call with its own profile's keys", async () => {
        const users = {
          alice: await createMotoUser(aws.moto.url, `alice-${run}`),
          bob: await createMotoUser(aws.moto.url, `bob-${run}`),
        };
        const owner = (index: number): keyof typeof users => (index % 2 === 0 ? 'alice' : 'bob');
        const profiles = Array.from({ length: 16 }, (_, index) => `pair-${index}`);
        appendFileSync(
          fixture.configFile,
          profiles.map((name) => `\n[profile ${name}]\nregion = us-east-1\n`).join(''),
        );
        appendFileSync(
          fixture.credentialsFile,
          profiles
            .map((name, index) => {
              const keys = users[owner(index)];
              return `\n[${name}]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`;
            })
            .join(''),
        );
        const slow = await startFaultProxy({ target: aws.moto.url, latencyMs: 40 });
        try {
          vi.stubEnv('AWS_ENDPOINT_URL', slow.url);
          const result = await dispatchCall(test.core, 'verifyAwsProfiles', {
            batchId: 'pairs',
            profiles,
            concurrency: 8,
            refresh: true,
          });
          const { results } = (result as { ok: true; value: { results: AwsVerification[] } }).value;
          expect(Object.fromEntries(results.map((r) => [r.profile, r.ok ? r.identity.arn : r.error.code]))).toEqual(
            Object.fromEntries(
              profiles.map((name, index) => [name, `arn:aws:iam::123456789012:user/${owner(index)}-${run}`]),
            ),
          );
          // Every profile made its own call, signed with its own key, with calls overlapping...
          const signedWith = slow.requests
            .filter((r) => r.action === 'GetCallerIdentity')
            .map((r) => /Credential=([A-Z0-9]+)\//.exec(String(r.headers.authorization))?.[1]);
          expect(signedWith.filter((id) => id === users.alice.accessKeyId)).toHaveLength(8);
          expect(signedWith.filter((id) => id === users.bob.accessKeyId)).toHaveLength(8);
          expect(slow.maxConcurrent).toBe(8);
          // ...over at most one connection per call in flight: one client, kept alive.
          expect(slow.connections).toBeLessThanOrEqual(8);
        } finally {
          await slow.close();
        }
      });

      it("follows each profile's own client settings in one batch (max_attempts)", async () => {
        aws.fault = (r) =>
          r.action === 'GetCallerIdentity' ? awsQueryError(400, 'Throttling', 'Rate exceeded') : undefined;
        // Throttled before moto sees them: the keys only tell the profiles' calls apart.
        const attempts = { 'one-try': '1', 'three-tries': '3', 'one-try-too': '1' };
        const keyId = (name: string) => `AKIA${name.replace(/-/g, '').toUpperCase().padEnd(16, '0')}`;
        for (const [name, maxAttempts] of Object.entries(attempts)) {
          appendFileSync(
            fixture.configFile,
            `\n[profile ${name}]\nregion = us-east-1\nmax_attempts = ${maxAttempts}\n`,
          );
          appendFileSync(
            fixture.credentialsFile,
            `\n[${name}]\naws_access_key_id = ${keyId(name)}\naws_secret_access_key = not-checked\n`,
          );
        }
        const result = await dispatchCall(test.core, 'verifyAwsProfiles', {
          batchId: 'attempts',
          profiles: Object.keys(attempts),
          concurrency: 3,
        });
        const { results } = (result as { ok: true; value: { results: AwsVerification[] } }).value;
        expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
          'AWS_THROTTLED',
          'AWS_THROTTLED',
          'AWS_THROTTLED',
        ]);
        const callsBy = (name: string) =>
          aws.proxy.requests.filter((r) => String(r.headers.authorization).includes(`Credential=${keyId(name)}/`))
            .length;
        expect(Object.fromEntries(Object.keys(attempts).map((name) => [name, callsBy(name)]))).toEqual({
          'one-try': 1,
          'three-tries': 3,
          'one-try-too': 1,
        });
      });

      it('retiring the shared clients lets the calls in flight land', async () => {
        const slow = await startFaultProxy({ target: aws.moto.url, latencyMs: 150 });
        const pool = new StsClientPool({
          requestHandler: { requestTimeout: 5_000, connectionTimeout: 5_000, throwOnRequestTimeout: true },
        });
        try {
          vi.stubEnv('AWS_ENDPOINT_URL', slow.url);
          const call = { profile: 'static-admin', settings: 'static-admin settings', region: 'us-east-1' };
          const inFlight = pool.getCallerIdentity(call, staticKeys);
          await expect.poll(() => slow.requests.length).toBe(1);
          pool.clear();
          expect(pool.size).toBe(0);
          expect((await inFlight).Arn).toBe(`arn:aws:iam::123456789012:user/static-user-${run}`);
          expect((await pool.getCallerIdentity(call, staticKeys)).Arn).toBe(
            `arn:aws:iam::123456789012:user/static-user-${run}`,
          );
          expect(pool.size).toBe(1);
        } finally {
          pool.clear();
          await slow.close();
        }
      });

      it('can be cancelled: nothing new starts', async () => {
        const slow = await startFaultProxy({ target: aws.moto.url, latencyMs: 150 });
        try {
          vi.stubEnv('AWS_ENDPOINT_URL', slow.url);
          const profiles = ['static-admin', 'chain-hop1', 'chain-hop2', 'ci-process', 'web-id', 'crlf'];
          const pending = dispatchCall(test.core, 'verifyAwsProfiles', { batchId: 'b4', profiles, concurrency: 1 });
          await expect
            .poll(() =>
              events.some((e) => e.name === 'awsVerifyProgress' && (e.payload as { done: number }).done === 1),
            )
            .toBe(true);
          expect(await dispatchCall(test.core, 'cancelAwsVerifyBatch', { batchId: 'b4' })).toEqual({
            ok: true,
            value: { cancelled: true },
          });
          const result = (await pending) as { ok: true; value: { results: AwsVerification[]; cancelled: boolean } };
          expect(result.value.cancelled).toBe(true);
          expect(result.value.results.length).toBeLessThan(profiles.length);
        } finally {
          await slow.close();
        }
      });
    });
  },
);
