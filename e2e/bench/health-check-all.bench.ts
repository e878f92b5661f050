import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_HEALTH_SETTINGS } from '../../shared/contract/health';
import { AwsProfileCatalog } from '../../electron/core/aws/aws-profile-catalog';
import { ChecksService } from '../../electron/core/checks/checks-service';
import { EventBus } from '../../electron/core/event-bus';
import { GcpCredentialsService } from '../../electron/core/gcp/gcp-credentials-service';
import { HealthService } from '../../electron/core/health/health-service';
import { groupIdFor, seedAssociations } from '../../test-support/seeders/seed-health';
import { createLogger } from '../../electron/core/logger';
import { openStore } from '../../electron/core/store/database';
import { installAwsFixtureHome, type StaticKeys } from '../../test-support/fakes/aws/aws-fixture-home';
import { startFaultProxy } from '../../test-support/fakes/aws/fault-proxy';
import { createMotoUser, startMoto } from '../../test-support/fakes/aws/moto';
import { MOTO_ACCOUNT } from '../../test-support/seeders/seed-association';
import { accountProfile, seedMotoAccounts } from '../../test-support/seeders/seed-moto-accounts';
import { seedGroupsOnSharedAccount } from '../../test-support/seeders/seed-shared-account';
import { median, time, type Figure } from './measure';

const ASSOCIATIONS = 500;
const LATENCY_MS = 20;
/** CLI associations timed; the loop over all 500 would take tens of minutes, so it is scaled from these. */
const CLI_SAMPLE = 4;
const run = promisify(execFile);

interface Layout {
  /** 1: every group on the one moto account (one module instance); more: the groups spread evenly. */
  accounts: number;
  label: string;
}

/**
 * Check-all of 500 associations against moto behind a proxy adding 20 ms per call, all on one
 * account (one module instance trusting 500 groups), against (a) the floor the concurrency limit
 * sets, ceil(500 / limit) x one check, and (b) a sequential `aws` CLI loop making the same five
 * calls per association (sampled, scaled to 500).
 */
export function benchHealthCheckAll(): Promise<Figure & { cliRatio: number }> {
  return benchCheckAll({ accounts: 1, label: 'on one account' });
}

/**
 * The general case: the same 500 associations spread over 50 moto accounts (10 groups each, each
 * account with its own profile, user and module instance), so a run opens 50 sessions and reads
 * 50 sets of documents. Same floor and CLI loop.
 */
export function benchHealthCheckAllAccounts(): Promise<Figure & { cliRatio: number }> {
  return benchCheckAll({ accounts: 50, label: 'over 50 accounts' });
}

async function benchCheckAll(layout: Layout): Promise<Figure & { cliRatio: number }> {
  const moto = await startMoto();
  const proxy = await startFaultProxy({ target: moto.url, latencyMs: LATENCY_MS });
  const root = mkdtempSync(join(tmpdir(), 'liaison-bench-health-'));
  const saved = { HOME: process.env.HOME, AWS_ENDPOINT_URL: process.env.AWS_ENDPOINT_URL };
  try {
    const store = openStore(join(root, 'liaison.db'));
    let seeded: ReturnType<typeof seedAssociations>;
    let keysOf: (account: string) => StaticKeys;
    if (layout.accounts === 1) {
      const keys = await createMotoUser(moto.url, 'bench');
      const fixture = installAwsFixtureHome(join(root, 'home'), { staticKeys: keys });
      process.env.HOME = fixture.home;
      seeded = seedAssociations(store, ASSOCIATIONS, 1, { accountId: MOTO_ACCOUNT, profile: 'static-admin' });
      await seedGroupsOnSharedAccount(
        moto.url,
        seeded.map((a) => a.groupId),
      );
      keysOf = () => keys;
    } else {
      const fixture = installAwsFixtureHome(join(root, 'home'));
      process.env.HOME = fixture.home;
      const ids = Array.from({ length: layout.accounts }, (_, i) => String(100000000000 + i));
      const perAccount = ASSOCIATIONS / layout.accounts;
      // seedAssociations puts association i on account 100000000000 + i % accounts, with group i + 1.
      const accounts = await seedMotoAccounts(
        moto.url,
        ids,
        (account) =>
          Array.from({ length: perAccount }, (_, n) =>
            groupIdFor(n * layout.accounts + Number(account) - 100000000000 + 1),
          ),
        fixture.credentialsFile,
      );
      seeded = seedAssociations(store, ASSOCIATIONS, layout.accounts, { profile: accountProfile });
      keysOf = (account) =>
        accounts.find((a) => a.account === account)?.keys ?? { accessKeyId: '', secretAccessKey: '' };
    }
    process.env.AWS_ENDPOINT_URL = proxy.url;
    const events = new EventBus();
    const logger = createLogger({ level: 'silent' });
    const catalog = new AwsProfileCatalog({ watch: false });
    const checks = new ChecksService({
      store,
      events,
      logger,
      env: process.env,
      awsCatalog: catalog,
      gcp: new GcpCredentialsService({ env: process.env, logger }),
    });
    const health = new HealthService({ store, events, logger, checks });
    const concurrency = DEFAULT_HEALTH_SETTINGS.concurrency;
    for (let warm = 0; warm < 5; warm += 1) await checks.runAssociationCheck({ associationId: seeded[warm]?.id ?? '' });
    const singles: number[] = [];
    for (let i = 0; i < 15; i += 1)
      singles.push(await time(() => checks.runAssociationCheck({ associationId: seeded[i]?.id ?? '' })));
    const single = median(singles);
    const floor = Math.ceil(ASSOCIATIONS / concurrency) * single;

    const batches: number[] = [];
    const cpu: number[] = [];
    let calls = 0;
    for (let round = 0; round < 3; round += 1) {
      proxy.maxConcurrent = 0;
      proxy.requests.length = 0;
      const cpuBefore = process.cpuUsage();
      batches.push(
        await time(async () => {
          const status = await health.start(undefined).done;
          if (status.done !== ASSOCIATIONS || status.counts.configured !== ASSOCIATIONS) {
            throw new Error(`check-all: ${JSON.stringify(status.counts)}`);
          }
        }),
      );
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
      calls = proxy.requests.length;
    }
    const value = median(batches);
    health.close();
    catalog.close();
    store.close();

    // The CLI gets the same keys from its environment: v1 cannot parse some sections of the fixture's config.
    const cli = await time(async () => {
      for (const association of seeded.slice(0, CLI_SAMPLE)) {
        const keys = keysOf(association.account);
        const env = {
          PATH: process.env.PATH,
          AWS_CONFIG_FILE: join(root, 'no-config'),
          AWS_SHARED_CREDENTIALS_FILE: join(root, 'no-credentials'),
          AWS_ACCESS_KEY_ID: keys.accessKeyId,
          AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
          AWS_DEFAULT_REGION: 'us-east-1',
        };
        const aws = (...args: string[]) => run('aws', ['--endpoint-url', proxy.url, ...args], { env });
        await aws('sts', 'get-caller-identity');
        await aws(
          'iam',
          'get-open-id-connect-provider',
          '--open-id-connect-provider-arn',
          `arn:aws:iam::${association.account}:oidc-provider/issuer.enforce.dev`,
        );
        await aws('iam', 'get-role', '--role-name', 'chainguard-canary');
        await aws('iam', 'get-role', '--role-name', 'chainguard-catalog-syncer');
        await aws('iam', 'list-attached-role-policies', '--role-name', 'chainguard-catalog-syncer');
      }
    });
    const cliLoop = (cli / CLI_SAMPLE) * ASSOCIATIONS;
    const load = loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
    return {
      name: `Check all ${ASSOCIATIONS} associations ${layout.label} (moto, +${LATENCY_MS} ms per call)`,
      value,
      baselineName: `concurrency floor: ceil(${ASSOCIATIONS}/${concurrency}) x one check (${single.toFixed(1)} ms)`,
      baseline: floor,
      ratio: value / floor,
      maxRatio: 1.3,
      cliRatio: cliLoop / value,
      details: `sequential aws CLI loop, same 5 calls per association: ${(cliLoop / 1000).toFixed(1)} s for ${ASSOCIATIONS} (scaled from ${CLI_SAMPLE}: ${cli.toFixed(0)} ms) = ${(cliLoop / value).toFixed(1)}x slower than check-all (bar ≥ 20x); ${calls} API calls per run (${layout.accounts} session(s), each account's documents read once), max ${proxy.maxConcurrent} in flight; Liaison's process used ${(median(cpu) / 1000).toFixed(1)} s of CPU per run (it shares it with the proxy); runs ${batches.map((b) => b.toFixed(0)).join(', ')} ms (median of ${batches.length}); load average ${load}`,
    };
  } finally {
    process.env.HOME = saved.HOME;
    if (saved.AWS_ENDPOINT_URL === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = saved.AWS_ENDPOINT_URL;
    await proxy.close();
    await moto.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
