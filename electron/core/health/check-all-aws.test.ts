import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../shared/contract/checks';
import type { HealthRunStatus } from '../../../shared/contract/health';
import { awsHomeOnMoto, type AwsHomeOnMoto } from '../../../test-support/core/aws-test-bed';
import { awsQueryError, type ProxiedRequest } from '../../../test-support/fakes/aws/fault-proxy';
import { findMotoServer, MOTO_MISSING_REASON } from '../../../test-support/fakes/aws/moto';
import { motoSuite } from '../../../test-support/fakes/aws/moto-suite';
import { installTokenCommand } from '../../../test-support/seeders/token-command';
import { trustOnly } from '../../../test-support/seeders/seed-shared-account';
import { accountProfile, seedMotoAccounts, type MotoAccount } from '../../../test-support/seeders/seed-moto-accounts';
import { AwsProfileCatalog } from '../aws/aws-profile-catalog';
import { CheckRepository } from '../checks/check-repository';
import { ChecksService } from '../checks/checks-service';
import { tokenCommandProgram } from '../checks/token-command';
import { programFingerprint } from '../programs/program-confirmation';
import { EventBus } from '../event-bus';
import { GcpCredentialsService } from '../gcp/gcp-credentials-service';
import { createLogger } from '../logger';
import { openStore } from '../store/database';
import { createTestCore } from '../../../test-support/core/test-core';
import { HealthService } from './health-service';
import { groupIdFor, seedAssociations, type SeededAssociation } from '../../../test-support/seeders/seed-health';

const motoBinary = findMotoServer();
if (!motoBinary) console.warn(`SKIPPED: ${MOTO_MISSING_REASON}`);

const ACCOUNT_A = '100000000000';
const ACCOUNT_B = '100000000001';

/** The requests one access key signed, by action (the fault proxy records every request it forwards). */
function actionsSignedBy(requests: readonly ProxiedRequest[], accessKeyId: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of requests) {
    if (!request.headers.authorization?.includes(`Credential=${accessKeyId}/`)) continue;
    const action = request.action ?? request.path;
    counts[action] = (counts[action] ?? 0) + 1;
  }
  return counts;
}

const ONE_READ_EACH = {
  GetCallerIdentity: 1,
  GetOpenIDConnectProvider: 1,
  GetRole: 2,
  ListAttachedRolePolicies: 1,
};

describe.skipIf(!motoBinary)(
  motoBinary ? 'check all against moto: each account read once per run' : `SKIPPED — ${MOTO_MISSING_REASON}`,
  () => {
    const aws = motoSuite();
    let bed: AwsHomeOnMoto;
    let test: ReturnType<typeof createTestCore> | undefined;

    beforeEach(async () => {
      aws.fault = undefined;
      await aws.moto.reset();
      bed = awsHomeOnMoto(aws, 'check-all-aws');
    });
    afterEach(() => {
      test?.dispose();
      test = undefined;
      bed.dispose();
    });

    /**
     * `perAccount` associations (one group each) on each of `accounts` accounts, every account with
     * its own user, profile and applied module instance trusting all its groups; then a core.
     */
    async function seed(accounts: number, perAccount: number) {
      const seededAccounts = await seedAccounts(accounts, perAccount);
      test = createTestCore();
      const store = openStore(join(test.dataDir, 'liaison.db'));
      const associations = seedAssociations(store, accounts * perAccount, accounts, { profile: accountProfile });
      store.close();
      aws.proxy.requests.length = 0;
      const accountOf = (id: string) => seededAccounts.find((a) => a.account === id) as MotoAccount;
      return { associations, accounts: seededAccounts, accountOf };
    }

    function seedAccounts(accounts: number, perAccount: number): Promise<MotoAccount[]> {
      const ids = Array.from({ length: accounts }, (_, i) => String(100000000000 + i));
      // seedAssociations puts association i on account 100000000000 + i % accounts, with group i + 1.
      const groupsOf = (account: string) =>
        Array.from({ length: perAccount }, (_, n) => groupIdFor(n * accounts + Number(account) - 100000000000 + 1));
      return seedMotoAccounts(aws.moto.url, ids, groupsOf, bed.fixture.credentialsFile);
    }

    /** Starts a check-all through the API and resolves with its last progress once it ends. */
    async function checkAll(
      onProgress?: (status: HealthRunStatus) => void,
    ): Promise<{ status: HealthRunStatus; started: HealthRunStatus }> {
      const core = test?.core;
      if (!core) throw new Error('no core');
      const ended = new Promise<HealthRunStatus>((resolve) => {
        const unsubscribe = core.events.subscribe((name, payload) => {
          if (name !== 'healthRunProgress') return;
          const status = payload as HealthRunStatus;
          onProgress?.(status);
          if (status.state === 'running') return;
          unsubscribe();
          resolve(status);
        });
      });
      const started = await test!.call('startHealthRun', {});
      return { status: await ended, started };
    }

    async function latest(association: SeededAssociation): Promise<CheckResult> {
      const [check] = await test!.call('listAssociationChecks', { associationId: association.id });
      if (!check) throw new Error(`no check stored for ${association.groupId}`);
      return check;
    }

    const step = (result: CheckResult, id: string) => result.steps.find((s) => s.id === id);

    it('N associations on one account: one GetCallerIdentity and one read per document, each group judged on its own', async () => {
      const { associations, accounts } = await seed(1, 6);
      const { status } = await checkAll();
      expect(status).toMatchObject({ state: 'finished', total: 6, done: 6 });
      expect(status.counts.configured).toBe(6);
      expect(actionsSignedBy(aws.proxy.requests, accounts[0]?.keys.accessKeyId ?? '')).toEqual(ONE_READ_EACH);
      expect(aws.proxy.requests).toHaveLength(5);

      const results = await Promise.all(associations.map(latest));
      for (const [index, result] of results.entries()) {
        const group = associations[index]?.groupId;
        expect(result.verdict).toBe('configured');
        expect(step(result, 'role:chainguard-canary')?.detail).toContain(`Admits canary:${group} from`);
        expect(step(result, 'role:chainguard-catalog-syncer')?.detail).toContain(`Admits catalog-syncer:${group} from`);
      }
      // The check that read a document says nothing more; every other one says the read was shared.
      const note = `(Read once for account ${ACCOUNT_A} in this run and shared by its checks.)`;
      for (const id of ['oidc-provider', 'role:chainguard-canary', 'role:chainguard-catalog-syncer']) {
        const notes = results.map((r) => step(r, id)?.detail.endsWith(note));
        expect(
          notes.filter((shared) => !shared),
          id,
        ).toHaveLength(1);
      }
      expect(results.filter((r) => step(r, 'policies:chainguard-catalog-syncer')?.detail.endsWith(note))).toHaveLength(
        5,
      );
      expect(
        results.filter((r) =>
          step(r, 'credentials')?.detail.includes(`Resolved once for profile account-${ACCOUNT_A}`),
        ),
      ).toHaveLength(5);

      // A check of its own (the wizard's Check step) still reads everything fresh.
      aws.proxy.requests.length = 0;
      const single = await test!.call('runAssociationCheck', { associationId: associations[0]?.id ?? '' });
      expect(single.verdict).toBe('configured');
      expect(actionsSignedBy(aws.proxy.requests, accounts[0]?.keys.accessKeyId ?? '')).toEqual(ONE_READ_EACH);
      expect(single.steps.some((s) => s.detail.includes('in this run'))).toBe(false);

      // The next run reads again: nothing is kept between runs.
      aws.proxy.requests.length = 0;
      await checkAll();
      expect(actionsSignedBy(aws.proxy.requests, accounts[0]?.keys.accessKeyId ?? '')).toEqual(ONE_READ_EACH);
    });

    it('a trust that leaves out one group: that association is Failing, the others on the account Configured', async () => {
      const { associations } = await seed(1, 5);
      const [broken, ...others] = associations;
      if (!broken) throw new Error('nothing seeded');
      await trustOnly(
        aws.moto.url,
        others.map((a) => a.groupId),
        'enforce.dev',
        ACCOUNT_A,
      );
      aws.proxy.requests.length = 0;
      const { status } = await checkAll();
      expect(status.counts).toMatchObject({ configured: 4, failing: 1 });
      const result = await latest(broken);
      expect(result.verdict).toBe('failing');
      expect(result.steps.filter((s) => s.status === 'failed').map((s) => s.id)).toEqual([
        'role:chainguard-canary',
        'role:chainguard-catalog-syncer',
      ]);
      expect(step(result, 'role:chainguard-canary')?.detail).toMatch(
        new RegExp(`^The trust policy of chainguard-canary does not admit canary:${broken.groupId} from `),
      );
      for (const other of others) expect((await latest(other)).verdict).toBe('configured');
      expect(aws.proxy.requests.filter((r) => r.action === 'GetRole')).toHaveLength(2);
    });

    it('two accounts share nothing: each profile signs its own reads, once each', async () => {
      const { associations, accounts } = await seed(2, 3);
      const { status } = await checkAll();
      expect(status.counts.configured).toBe(6);
      for (const account of accounts) {
        expect(actionsSignedBy(aws.proxy.requests, account.keys.accessKeyId)).toEqual(ONE_READ_EACH);
      }
      const providers = aws.proxy.requests
        .filter((r) => r.action === 'GetOpenIDConnectProvider')
        .map((r) => new URLSearchParams(r.body).get('OpenIDConnectProviderArn'))
        .sort();
      expect(providers).toEqual([
        `arn:aws:iam::${ACCOUNT_A}:oidc-provider/issuer.enforce.dev`,
        `arn:aws:iam::${ACCOUNT_B}:oidc-provider/issuer.enforce.dev`,
      ]);
      const onB = associations.filter((a) => a.account === ACCOUNT_B);
      for (const association of onB) {
        expect(step(await latest(association), 'credentials')?.detail).toMatch(
          new RegExp(`^Signed in as arn:aws:iam::${ACCOUNT_B}:user/checker-${ACCOUNT_B}\\.`),
        );
      }
    });

    it('an account whose credentials fail marks every association on it, once, and the run moves on', async () => {
      const { associations, accountOf } = await seed(2, 4);
      const expiredKey = accountOf(ACCOUNT_B).keys.accessKeyId;
      aws.fault = (request) =>
        request.headers.authorization?.includes(`Credential=${expiredKey}/`)
          ? awsQueryError(403, 'ExpiredToken', 'The security token included in the request is expired')
          : undefined;
      const { status } = await checkAll();
      expect(status).toMatchObject({ state: 'finished', total: 8, done: 8 });
      expect(status.counts).toMatchObject({ configured: 4, error: 4 });
      expect(actionsSignedBy(aws.proxy.requests, expiredKey)).toEqual({ GetCallerIdentity: 1 });
      const onB = await Promise.all(associations.filter((a) => a.account === ACCOUNT_B).map(latest));
      const headlines = new Set(onB.map((r) => r.headline));
      expect(headlines.size).toBe(1);
      expect([...headlines][0]).toMatch(/^Error — Profile account-100000000001 resolves for account 100000000001: /);
      for (const result of onB) {
        expect(result.verdict).toBe('error');
        expect(result.steps.map((s) => [s.id, s.status])).toEqual([
          ['credentials', 'error'],
          ['static', 'skipped'],
        ]);
      }
      for (const association of associations.filter((a) => a.account === ACCOUNT_A)) {
        expect((await latest(association)).verdict).toBe('configured');
      }
    });

    it('a read that keeps failing gives every association on the account the same Error, from one call', async () => {
      const { associations } = await seed(1, 4);
      aws.fault = (request) =>
        request.action === 'GetOpenIDConnectProvider'
          ? awsQueryError(403, 'AccessDenied', 'not allowed to iam:GetOpenIDConnectProvider')
          : undefined;
      const { status } = await checkAll();
      expect(status.counts.error).toBe(4);
      expect(aws.proxy.requests.filter((r) => r.action === 'GetOpenIDConnectProvider')).toHaveLength(1);
      for (const association of associations) {
        const result = await latest(association);
        expect(result.error).toEqual({ code: 'AccessDenied', message: 'not allowed to iam:GetOpenIDConnectProvider' });
        // The roles are still read and judged: the one failed read does not hide the rest.
        expect(step(result, 'role:chainguard-canary')?.status).toBe('passed');
      }
    });

    it('the live step stays per association, and the rate limit counts API calls, not checks', async () => {
      await seedAccounts(1, 6);
      // A HealthService over the real checks whose clock records each wait of the rate limiter.
      const store = openStore(join(bed.root, 'liaison.db'));
      const associations = seedAssociations(store, 6, 1, { profile: accountProfile });
      const command = installTokenCommand(join(bed.root, 'token'), 'enforce.dev', {
        amazon: `canary:${associations[0]?.groupId ?? ''}`,
        google: '',
      });
      // Saved as a confirmed one is: with the fingerprint of exactly this command.
      const setting = { environment: 'enforce.dev', command, timeoutSeconds: 10, shell: false };
      const { kind } = tokenCommandProgram(setting);
      new CheckRepository(store).saveTokenCommand({ ...setting, fingerprint: programFingerprint(kind, command) });
      const slept: number[] = [];
      const clock = {
        now: () => 1_000,
        sleep: (ms: number) => {
          slept.push(ms);
          return Promise.resolve();
        },
      };
      const logger = createLogger({ level: 'silent' });
      const events = new EventBus();
      const catalog = new AwsProfileCatalog({ watch: false });
      const checks = new ChecksService({
        store,
        events,
        logger,
        env: process.env,
        awsCatalog: catalog,
        gcp: new GcpCredentialsService({ env: process.env, logger }),
      });
      const health = new HealthService({ store, events, logger, checks, clock });
      try {
        health.setHealthSettings({ ...health.getHealthSettings(), perAccountPerSecond: 10 });
        aws.proxy.requests.length = 0;
        const status = await health.start(undefined).done;
        // moto lets any assume succeed; what matters here is that each association made its own.
        expect(status.counts.success).toBe(6);
        expect(aws.proxy.requests.filter((r) => r.action === 'AssumeRoleWithWebIdentity')).toHaveLength(6);
        expect(aws.proxy.requests.filter((r) => r.action === 'GetCallerIdentity')).toHaveLength(1 + 6);
        expect(aws.proxy.requests.filter((r) => r.action === 'GetRole')).toHaveLength(2);
        expect(aws.proxy.requests).toHaveLength(5 + 12);
        // Every real call took a slot of account 100000000000, 100 ms apart, the first without waiting.
        expect(slept).toEqual(Array.from({ length: aws.proxy.requests.length - 1 }, (_, i) => (i + 1) * 100));
      } finally {
        health.close();
        catalog.close();
        store.close();
      }
    });

    it('a check-all (as the schedule runs it) never runs a token command that was not confirmed', async () => {
      const { associations } = await seed(1, 2);
      const marker = join(bed.root, 'unconfirmed-ran');
      const script = join(bed.root, 'unconfirmed-token.sh');
      writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\n`);
      chmodSync(script, 0o755);
      // A command changed behind Liaison's back: its fingerprint is of something else.
      const store = openStore(join(test!.dataDir, 'liaison.db'));
      new CheckRepository(store).saveTokenCommand({
        environment: 'enforce.dev',
        command: `"${script}"`,
        timeoutSeconds: 10,
        shell: false,
        fingerprint: programFingerprint('token-command:enforce.dev:arguments', 'chainctl auth token'),
      });
      store.close();
      const { status } = await checkAll();
      expect(status.state).toBe('finished');
      expect(existsSync(marker)).toBe(false);
      for (const association of associations) {
        expect(step(await latest(association), 'live')?.detail).toMatch(
          /has not been confirmed, so Liaison did not run it/,
        );
      }
    });

    it('cancel stops starting checks; the ones running finish and are stored', async () => {
      const { associations } = await seed(3, 10);
      await test!.call('setHealthSettings', { ...(await test!.call('getHealthSettings', {})), concurrency: 2 });
      const command = installTokenCommand(join(bed.root, 'token'), 'enforce.dev', {
        amazon: 'canary:nobody',
        google: '',
      });
      await test!.call('setTokenCommand', { environment: 'enforce.dev', command, timeoutSeconds: 10 });
      let cancelled = false;
      const { status, started } = await checkAll((progress) => {
        if (cancelled || progress.done < 2) return;
        cancelled = true;
        void test!.call('cancelHealthRun', { runId: progress.runId });
      });
      expect(started.total).toBe(30);
      expect(status.state).toBe('cancelled');
      expect(status.done).toBeGreaterThanOrEqual(2);
      expect(status.done).toBeLessThan(30);
      const overview = await test!.call('getHealthOverview', {});
      expect(overview.rows.filter((r) => r.verdict !== undefined)).toHaveLength(status.done);
      expect(associations).toHaveLength(30);
      // Nothing is left running after the run ended.
      const after = aws.proxy.requests.length;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(aws.proxy.requests).toHaveLength(after);
    });
  },
);
