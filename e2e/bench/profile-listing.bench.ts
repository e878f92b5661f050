import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { AwsProfileCatalog } from '../../electron/core/aws/aws-profile-catalog';
import { median, time, type Figure } from './measure';
import { writeLargeSsoConfig } from './sso-config';

const RUNS = 15;

/** List + classify a 5,000-profile, 35,000-line SSO config vs the bare SDK loader on the same file. */
export async function benchProfileListing(): Promise<Figure> {
  const root = mkdtempSync(join(tmpdir(), 'liaison-bench-list-'));
  try {
    const home = join(root, 'home');
    const { configFile, credentialsFile, lines } = writeLargeSsoConfig(home);
    const env = { HOME: home, PATH: process.env.PATH };
    const bare = (): Promise<unknown> =>
      loadSharedConfigFiles({ configFilepath: configFile, filepath: credentialsFile, ignoreCache: true });
    // A new catalog each time: nothing cached, the whole path (SDK load, header scan, classify, checks).
    let listed = 0;
    const full = async (): Promise<void> => {
      const catalog = new AwsProfileCatalog({ env, watch: false });
      listed = (await catalog.list()).profiles.length;
    };
    for (let warm = 0; warm < 3; warm += 1) {
      await bare();
      await full();
    }
    const bareTimes: number[] = [];
    const fullTimes: number[] = [];
    // Interleaved, so drift in the machine's load hits both alike.
    for (let run = 0; run < RUNS; run += 1) {
      bareTimes.push(await time(bare));
      fullTimes.push(await time(full));
    }
    if (listed !== 5_000) throw new Error(`expected 5,000 profiles, listed ${listed}`);
    const value = median(fullTimes);
    const baseline = median(bareTimes);
    return {
      name: 'List + classify 5,000 SSO profiles',
      value,
      baselineName: 'bare loadSharedConfigFiles',
      baseline,
      ratio: value / baseline,
      maxRatio: 2,
      details: `${lines} lines, ${listed} profiles, median of ${RUNS} interleaved runs`,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
