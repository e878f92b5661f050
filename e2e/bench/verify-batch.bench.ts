import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DEFAULT_VERIFY_CONCURRENCY, AwsIdentityVerifier } from '../../electron/core/aws/aws-identity-verifier';
import { AwsMfaPrompts } from '../../electron/core/aws/aws-mfa-prompts';
import { AwsProfileCatalog } from '../../electron/core/aws/aws-profile-catalog';
import { runBounded } from '../../electron/core/aws/run-bounded';
import { EventBus } from '../../electron/core/event-bus';
import { startFaultProxy } from '../../test-support/fakes/aws/fault-proxy';
import { createMotoUser, startMoto } from '../../test-support/fakes/aws/moto';
import { median, time, type Figure } from './measure';

const PROFILES = 200;
const LATENCY_MS = 20;

/**
 * "Verify selected" on 200 profiles against moto behind a proxy adding 20 ms per call, against the
 * larger of two floors measured in the same run: the one the concurrency limit sets (ceil(200 / limit)
 * rounds of one single verification's time) and moto alone serving the same 200 calls.
 */
export async function benchVerifyBatch(): Promise<Figure> {
  const moto = await startMoto();
  const proxy = await startFaultProxy({ target: moto.url, latencyMs: LATENCY_MS });
  const root = mkdtempSync(join(tmpdir(), 'liaison-bench-verify-'));
  const saved = { HOME: process.env.HOME, AWS_ENDPOINT_URL: process.env.AWS_ENDPOINT_URL };
  try {
    const home = join(root, 'home');
    mkdirSync(join(home, '.aws'), { recursive: true });
    const keys = await createMotoUser(moto.url, 'bench-user');
    const names = Array.from({ length: PROFILES }, (_, index) => `bench-${index}`);
    writeFileSync(
      join(home, '.aws', 'config'),
      names.map((name) => `[profile ${name}]\nregion = us-east-1\n`).join('\n'),
    );
    writeFileSync(
      join(home, '.aws', 'credentials'),
      names
        .map(
          (name) =>
            `[${name}]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`,
        )
        .join('\n'),
    );
    // The SDK reads these from process.env, as it does in the app.
    process.env.HOME = home;
    process.env.AWS_ENDPOINT_URL = proxy.url;
    const events = new EventBus();
    const catalog = new AwsProfileCatalog({ watch: false });
    const verifier = new AwsIdentityVerifier({ catalog, events, mfa: new AwsMfaPrompts(events) });
    const verifyOne = async (name: string): Promise<void> => {
      const result = await verifier.verify(name, { interactive: false, refresh: true });
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    };
    for (let warm = 0; warm < 5; warm += 1) await verifyOne(names[warm] ?? 'bench-0');

    const singles: number[] = [];
    for (let index = 0; index < 20; index += 1) singles.push(await time(() => verifyOne(names[index] ?? 'bench-0')));
    const single = median(singles);
    const floor = Math.ceil(PROFILES / DEFAULT_VERIFY_CONCURRENCY) * single;

    // The environment's own floor: moto serves one request at a time, so 200 bare GetCallerIdentity
    // calls straight to it (one client, no proxy, no credential resolution) take what they take.
    // Interleaved with the batches, so a change in the machine's load hits both alike.
    const sts = new STSClient({ region: 'us-east-1', endpoint: moto.url, credentials: keys });
    const batches: number[] = [];
    const motoAlone: number[] = [];
    try {
      for (let run = 0; run < 3; run += 1) {
        batches.push(
          await time(async () => {
            const { results } = await verifier.verifyMany(`bench-${run}`, names, { refresh: true });
            const failed = results.filter((result) => !result.ok);
            if (failed.length > 0 || results.length !== PROFILES)
              throw new Error(`${failed.length} of ${results.length} failed`);
          }),
        );
        motoAlone.push(
          await time(() =>
            runBounded(
              names,
              DEFAULT_VERIFY_CONCURRENCY,
              () => sts.send(new GetCallerIdentityCommand({})),
              () => undefined,
            ),
          ),
        );
      }
    } finally {
      sts.destroy();
    }
    const value = median(batches);
    const motoFloor = median(motoAlone);
    verifier.close();
    // Liaison's own overhead: judged against whichever is slower, the concurrency limit or the
    // simulator serving the same calls, so the figure does not move with how fast moto is on the day.
    const baseline = Math.max(floor, motoFloor);
    return {
      name: `Verify ${PROFILES} profiles (moto, +${LATENCY_MS} ms per call)`,
      value,
      baselineName:
        motoFloor > floor
          ? `moto alone serving the ${PROFILES} calls (above the concurrency floor ${floor.toFixed(0)} ms)`
          : `concurrency floor: ceil(${PROFILES}/${DEFAULT_VERIFY_CONCURRENCY}) x single verify (${single.toFixed(1)} ms)`,
      baseline,
      ratio: value / baseline,
      maxRatio: 1.5,
      details: `limit ${DEFAULT_VERIFY_CONCURRENCY}, max ${proxy.maxConcurrent} calls in flight, median of 3 batches; floor ${floor.toFixed(0)} ms (single verify ${single.toFixed(1)} ms); moto alone ${motoFloor.toFixed(0)} ms (${(motoFloor / floor).toFixed(2)}x the floor); ${(value / floor).toFixed(2)}x the floor`,
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
