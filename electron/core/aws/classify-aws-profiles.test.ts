import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromIni } from '@aws-sdk/credential-providers';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { classifyAwsProfiles } from './classify-aws-profiles';

// The SDK is the oracle: for random profile graphs, Liaison's classification must predict exactly
// which profiles `fromIni` can resolve and which roles it assumes, in order, without calling anything.
const NAMES = ['a', 'b', 'c', 'd', 'e'] as const;
type Name = (typeof NAMES)[number];

type Shape = { config?: Record<string, string>; credentials?: Record<string, string> };

const roleArn = (name: string): string => `arn:aws:iam::123456789012:role/${name}-role`;
const source = fc.constantFrom<string>(...NAMES, 'ghost');

const profileShape = (name: Name): fc.Arbitrary<Shape> =>
  fc.oneof<fc.Arbitrary<Shape>[]>(
    fc.constant({ credentials: { aws_access_key_id: `AKIA${name.toUpperCase()}`, aws_secret_access_key: 's' } }),
    source.map((from) => ({ config: { role_arn: roleArn(name), source_profile: from } })),
    source.map((from) => ({ config: { role_arn: roleArn(name), source_profile: from, mfa_serial: 'arn:mfa' } })),
    fc
      .constantFrom('Environment', 'Laptop')
      .map((cs) => ({ config: { role_arn: roleArn(name), credential_source: cs } })),
    source.map((from) => ({
      config: { role_arn: roleArn(name), source_profile: from, credential_source: 'Environment' },
    })),
    fc.constant({ config: { credential_source: 'Environment' } }),
    fc.constant({ config: { region: 'us-east-1' } }),
    source.map((from) => ({
      config: { role_arn: roleArn(name), source_profile: from },
      credentials: { aws_access_key_id: `AKIA${name.toUpperCase()}`, aws_secret_access_key: 's' },
    })),
  );

const graph = fc.record(
  Object.fromEntries(NAMES.map((name) => [name, profileShape(name)])) as Record<Name, fc.Arbitrary<Shape>>,
);

function ini(sections: [string, Record<string, string> | undefined][]): string {
  return sections
    .filter((entry): entry is [string, Record<string, string>] => entry[1] !== undefined)
    .map(
      ([header, values]) =>
        `[${header}]\n${Object.entries(values)
          .map(([k, v]) => `${k} = ${v}`)
          .join('\n')}\n`,
    )
    .join('\n');
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-classify-'));
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAFROMENVIRONMENT0');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'from-environment');
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('classification agrees with the SDK', () => {
  it('predicts which profiles resolve and which roles are assumed, in order', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(graph, async (shapes) => {
        run += 1;
        const configFilepath = join(dir, `config-${run}`);
        const filepath = join(dir, `credentials-${run}`);
        writeFileSync(configFilepath, ini(NAMES.map((n) => [`profile ${n}`, shapes[n].config])));
        writeFileSync(filepath, ini(NAMES.map((n) => [n, shapes[n].credentials])));
        const files = await loadSharedConfigFiles({ configFilepath, filepath, ignoreCache: true });
        const { profiles } = classifyAwsProfiles(files, 'default');
        for (const profile of profiles) {
          const assumed: string[] = [];
          const sdk = await fromIni({
            profile: profile.name,
            configFilepath,
            filepath,
            mfaCodeProvider: () => Promise.resolve('123456'),
            roleAssumer: (_source, params) => {
              assumed.push(params.RoleArn);
              return Promise.resolve({ accessKeyId: 'ASIATEST', secretAccessKey: 's', sessionToken: 't' });
            },
          })().then(
            () => 'resolved',
            (error: Error) => `failed: ${error.message}`,
          );
          const predicted = profile.leafKind === 'none' ? 'failed' : 'resolved';
          expect(`${profile.name}: ${sdk.startsWith('failed') ? 'failed' : 'resolved'}`, sdk).toBe(
            `${profile.name}: ${predicted}`,
          );
          if (predicted === 'failed') continue;
          expect(assumed).toEqual(predictedRoles(profile, shapes));
          expect(profile.mfaSerial !== undefined).toBe(
            [profile.name, ...profile.sourceChain].some(
              (n, i, all) =>
                shapes[n as Name].config?.mfa_serial !== undefined && isAssumed(n, i, all, profile, shapes),
            ),
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});

function isAssumed(
  name: string,
  index: number,
  path: string[],
  profile: { kind: string; leafKind: string },
  shapes: Record<Name, Shape>,
): boolean {
  if (profile.kind !== 'role') return false;
  const hasRole = shapes[name as Name].config?.role_arn !== undefined;
  if (index < path.length - 1) return hasRole;
  if (index === 0) return true;
  return profile.leafKind === 'credential-source' && hasRole;
}

/** The SDK assumes the innermost role first. */
function predictedRoles(
  profile: { name: string; kind: string; leafKind: string; sourceChain: string[] },
  shapes: Record<Name, Shape>,
): string[] {
  const path = [profile.name, ...profile.sourceChain];
  return path
    .filter((name, index) => isAssumed(name, index, path, profile, shapes))
    .map((name) => roleArn(name))
    .reverse();
}

describe('region checks', () => {
  it('flags every profile naming an invalid region, however many share it', () => {
    // Each region is matched once per listing and its answer reused: the reused answers must hold.
    const section = (region: string) => ({ region, aws_access_key_id: 'AKIAEXAMPLE', aws_secret_access_key: 's' });
    const { profiles } = classifyAwsProfiles(
      {
        configFile: {
          a: section('mars-north-9'),
          b: section('us-east-1'),
          c: section('mars-north-9'),
          d: section('us-east-1'),
          e: section('Us-East-1'),
        },
        credentialsFile: {},
      },
      'default',
    );
    const invalid = profiles.filter((profile) => profile.warnings.some((w) => w.code === 'REGION_INVALID'));
    expect(invalid.map((profile) => profile.name)).toEqual(['a', 'c', 'e']);
  });
});
