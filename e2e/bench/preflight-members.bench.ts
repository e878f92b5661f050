import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DEFAULT_HEALTH_SETTINGS } from '../../shared/contract/health';
import { ORGANIZATION_ACCESS_ROLE } from '../../shared/aws-access-path';
import {
  preflightMemberAccess,
  type MemberAccessTarget,
  type SourceKeys,
} from '../../electron/core/aws/access-path/preflight-member-access';
import { runBounded } from '../../electron/core/aws/run-bounded';
import { startFaultProxy } from '../../test-support/fakes/aws/fault-proxy';
import { createMotoUser, startMoto } from '../../test-support/fakes/aws/moto';
import { seedOrganization } from '../../test-support/seeders/seed-organization';
import { median, time, type Figure } from './measure';

const MEMBERS = 200;
const LATENCY_MS = 20;
const PROFILE = 'bench-management';
/** Check-all's default: how many associations (so how many preflights) Liaison runs at once. */
const CONCURRENCY = DEFAULT_HEALTH_SETTINGS.concurrency;

/**
 * Issue 16: preflight 200 member accounts (the AssumeRole + GetCallerIdentity Liaison runs before
 * every plan, apply and drift through a role) against moto behind a proxy adding 20 ms per call, at
 * check-all's concurrency. Judged against the larger of two floors measured in the same run, as the
 * verify-200 figure is: the concurrency floor (ceil(200 / limit) rounds of one preflight's time) and
 * moto alone serving the same 600 calls (bare STS clients, no proxy, same concurrency).
 */
export async function benchPreflightMembers(): Promise<Figure> {
  // No managed policies: nothing here attaches one, and moto loads them into each account's IAM otherwise.
  const moto = await startMoto({ managedPolicies: false });
  const proxy = await startFaultProxy({ target: moto.url, latencyMs: LATENCY_MS });
  const root = mkdtempSync(join(tmpdir(), 'liaison-bench-preflight-'));
  const saved = { HOME: process.env.HOME, AWS_ENDPOINT_URL: process.env.AWS_ENDPOINT_URL };
  try {
    const management = await createMotoUser(moto.url, 'bench-org-admin');
    const organization = await seedOrganization(moto.url, management, ['Prod', 'Staging', 'Dev', 'Sandbox'], 50);
    const home = join(root, 'home');
    mkdirSync(join(home, '.aws'), { recursive: true });
    writeFileSync(join(home, '.aws', 'config'), `[profile ${PROFILE}]\nregion = us-east-1\n`);
    // The SDK reads these from process.env, as it does in the app.
    process.env.HOME = home;
    process.env.AWS_ENDPOINT_URL = proxy.url;
    const keys: SourceKeys = { ...management, region: 'us-east-1' };
    const targets: MemberAccessTarget[] = organization.accounts.slice(0, MEMBERS).map((account) => ({
      profile: PROFILE,
      accountId: account.id,
      roleName: ORGANIZATION_ACCESS_ROLE,
      sessionName: 'liaison-bench',
      durationSeconds: 900,
    }));
    if (targets.length !== MEMBERS) throw new Error(`seeded ${targets.length} accounts, not ${MEMBERS}`);
    const preflight = async (target: MemberAccessTarget): Promise<void> => {
      const proof = await preflightMemberAccess(keys, target);
      if (!proof.memberArn.includes(`::${target.accountId}:assumed-role/`)) throw new Error(proof.memberArn);
    };
    // moto sets up each account's IAM on the first call signed in it: pay that once, outside every timing.
    await runBounded(targets, CONCURRENCY, preflight, () => undefined);

    const singles: number[] = [];
    for (const target of targets.slice(0, 20)) singles.push(await time(() => preflight(target)));
    const single = median(singles);
    const floor = Math.ceil(MEMBERS / CONCURRENCY) * single;

    // moto alone: the same three calls per member, bare SDK clients straight to moto, same concurrency.
    // Interleaved with Liaison's runs, so a change in the machine's load hits both alike.
    const bare = new STSClient({ region: 'us-east-1', endpoint: moto.url, credentials: management });
    const bareOne = async (target: MemberAccessTarget): Promise<void> => {
      await bare.send(new GetCallerIdentityCommand({}));
      const { Credentials } = await bare.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${target.accountId}:role/${target.roleName}`,
          RoleSessionName: target.sessionName,
          DurationSeconds: target.durationSeconds,
        }),
      );
      const member = new STSClient({
        region: 'us-east-1',
        endpoint: moto.url,
        credentials: {
          accessKeyId: Credentials?.AccessKeyId ?? '',
          secretAccessKey: Credentials?.SecretAccessKey ?? '',
          sessionToken: Credentials?.SessionToken ?? '',
        },
      });
      try {
        await member.send(new GetCallerIdentityCommand({}));
      } finally {
        member.destroy();
      }
    };
    const runs: number[] = [];
    const motoAlone: number[] = [];
    try {
      for (let run = 0; run < 3; run += 1) {
        runs.push(await time(() => runBounded(targets, CONCURRENCY, preflight, () => undefined)));
        motoAlone.push(await time(() => runBounded(targets, CONCURRENCY, bareOne, () => undefined)));
      }
    } finally {
      bare.destroy();
    }
    const value = median(runs);
    const motoFloor = median(motoAlone);
    const baseline = Math.max(floor, motoFloor);
    return {
      name: `Preflight ${MEMBERS} member accounts through ${ORGANIZATION_ACCESS_ROLE} (moto, +${LATENCY_MS} ms per call)`,
      value,
      baselineName:
        motoFloor > floor
          ? `moto alone serving the ${MEMBERS * 3} calls (above the concurrency floor ${floor.toFixed(0)} ms)`
          : `concurrency floor: ceil(${MEMBERS}/${CONCURRENCY}) x single preflight (${single.toFixed(1)} ms)`,
      baseline,
      ratio: value / baseline,
      maxRatio: 1.5,
      details: `limit ${CONCURRENCY} (check-all's default), max ${proxy.maxConcurrent} calls in flight, median of 3 runs; floor ${floor.toFixed(0)} ms (single preflight ${single.toFixed(1)} ms, 3 calls); moto alone ${motoFloor.toFixed(0)} ms (${(motoFloor / floor).toFixed(2)}x the floor); ${(value / floor).toFixed(2)}x the floor`,
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
