import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { DEFAULT_HEALTH_SETTINGS } from '../../shared/contract/health';
import { AwsProfileCatalog } from '../../electron/core/aws/aws-profile-catalog';
import { ChecksService } from '../../electron/core/checks/checks-service';
import { EventBus } from '../../electron/core/event-bus';
import { GcpCredentialsService } from '../../electron/core/gcp/gcp-credentials-service';
import { HealthService } from '../../electron/core/health/health-service';
import { seedAssociations } from '../../test-support/seeders/seed-health';
import { createLogger } from '../../electron/core/logger';
import { PlatformService } from '../../electron/core/platform/platform-service';
import { openStore } from '../../electron/core/store/database';
import { installAwsFixtureHome } from '../../test-support/fakes/aws/aws-fixture-home';
import { startFaultProxy } from '../../test-support/fakes/aws/fault-proxy';
import { createMotoUser, startMoto } from '../../test-support/fakes/aws/moto';
import { MOTO_ACCOUNT } from '../../test-support/seeders/seed-association';
import { seedGroupsOnSharedAccount } from '../../test-support/seeders/seed-shared-account';
import { installChainctlDouble } from '../../test-support/fakes/platform/chainctl-double';
import { startPlatformStandIn } from '../../test-support/fakes/platform/platform-stand-in';
import { median, time, type Figure } from './measure';

const ASSOCIATIONS = 500;
const LATENCY_MS = 20;
const SECRET = 'bench-platform-secret';

/**
 * Check-all of 500 associations where every check also asks the platform (its record, then its
 * `:check`), the platform stand-in adding 20 ms per call and moto (behind the proxy) 20 ms per AWS
 * call; against the floor the concurrency limit sets, ceil(500 / limit) x one such check.
 */
export async function benchPlatformCheckAll(): Promise<Figure> {
  const moto = await startMoto();
  const proxy = await startFaultProxy({ target: moto.url, latencyMs: LATENCY_MS });
  const standIn = await startPlatformStandIn({ secret: SECRET });
  standIn.latencyMs = LATENCY_MS;
  const root = mkdtempSync(join(tmpdir(), 'liaison-bench-platform-'));
  const saved = { HOME: process.env.HOME, AWS_ENDPOINT_URL: process.env.AWS_ENDPOINT_URL };
  try {
    const store = openStore(join(root, 'liaison.db'));
    const keys = await createMotoUser(moto.url, 'bench');
    const fixture = installAwsFixtureHome(join(root, 'home'), { staticKeys: keys });
    process.env.HOME = fixture.home;
    const seeded = seedAssociations(store, ASSOCIATIONS, 1, { accountId: MOTO_ACCOUNT, profile: 'static-admin' });
    await seedGroupsOnSharedAccount(
      moto.url,
      seeded.map((a) => a.groupId),
    );
    for (const { groupId } of seeded) {
      standIn.addGroup({ id: groupId, name: groupId.slice(0, 8), description: '' });
      standIn.records.set(groupId, { group: groupId, amazon: { account: MOTO_ACCOUNT } });
    }
    const chainctl = installChainctlDouble(join(root, 'chainctl'), { secret: SECRET });
    process.env.AWS_ENDPOINT_URL = proxy.url;
    const env = {
      ...process.env,
      PATH: `${chainctl.dir}${delimiter}${process.env.PATH ?? ''}`,
      CHAINGUARD_CONSOLE_API: standIn.url,
    };
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
      platform: new PlatformService({ store, env, logger }),
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
    let platformCalls = 0;
    for (let round = 0; round < 3; round += 1) {
      standIn.maxConcurrent = 0;
      const before = standIn.requests.length;
      batches.push(
        await time(async () => {
          const status = await health.start(undefined).done;
          if (status.done !== ASSOCIATIONS || status.counts.success !== ASSOCIATIONS) {
            throw new Error(`check-all: ${JSON.stringify(status.counts)}`);
          }
        }),
      );
      platformCalls = standIn.requests.length - before;
    }
    const value = median(batches);
    health.close();
    catalog.close();
    store.close();
    const load = loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
    return {
      name: `Check all ${ASSOCIATIONS} associations asking the platform too (stand-in and moto, +${LATENCY_MS} ms per call)`,
      value,
      baselineName: `concurrency floor: ceil(${ASSOCIATIONS}/${concurrency}) x one check (${single.toFixed(1)} ms)`,
      baseline: floor,
      ratio: value / floor,
      maxRatio: 1.3,
      details: `${platformCalls} platform calls per run (record + check per association), max ${standIn.maxConcurrent} in flight at the platform; chainctl ran ${chainctl.calls().length} time(s) in all (the token is kept in memory); runs ${batches.map((b) => b.toFixed(0)).join(', ')} ms (median of ${batches.length}); load average ${load}`,
    };
  } finally {
    process.env.HOME = saved.HOME;
    if (saved.AWS_ENDPOINT_URL === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = saved.AWS_ENDPOINT_URL;
    await standIn.close();
    await proxy.close();
    await moto.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
