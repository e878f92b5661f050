import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test-support/core/test-core';
import { installChainctlDouble, type ChainctlDouble } from '../../../test-support/fakes/platform/chainctl-double';
import { startPlatformStandIn, type PlatformStandIn } from '../../../test-support/fakes/platform/platform-stand-in';
import { openStore } from '../store/database';
import { migrations } from '../store/migrations';
import { consoleApiFor } from './console-api-url';
import { PlatformSettingsRepository } from './platform-settings-repository';

/*
 * Settings → Platform per environment: the saved API URL is what every platform call uses (the token's
 * audience included: the stand-in only accepts a token minted for its own URL), it survives a restart,
 * and CHAINGUARD_CONSOLE_API still wins.
 */
const SECRET = 'settings-stand-in-secret';
const ORG_A = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const ORG_B = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const FOLDER_B = `${ORG_B}/0123456789abcdef`;
const STAGING = 'staging.example.dev';

let first: PlatformStandIn;
let second: PlatformStandIn;
let dir: string;
let chainctl: ChainctlDouble;
let env: NodeJS.ProcessEnv;
let bed: TestCore | undefined;

beforeAll(async () => {
  first = await startPlatformStandIn({ secret: SECRET });
  second = await startPlatformStandIn({ secret: SECRET });
});
afterAll(async () => {
  await first.close();
  await second.close();
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-platform-settings-'));
  chainctl = installChainctlDouble(join(dir, 'bin'), { secret: SECRET });
  env = { PATH: `${chainctl.dir}${delimiter}${process.env.PATH ?? ''}`, HOME: dir };
  for (const [standIn, org, name] of [
    [first, ORG_A, 'first.example'],
    [second, ORG_B, 'second.example'],
  ] as const) {
    standIn.reset();
    standIn.addGroup({ id: org, name, description: '' });
  }
  second.addGroup({ id: FOLDER_B, name: 'prod', description: '' });
});
afterEach(() => {
  bed?.core.close();
  bed = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** A core on the test's data directory (kept across `restart`), with `extra` in its environment. */
function start(extra: NodeJS.ProcessEnv = {}): TestCore {
  bed?.core.close();
  bed = createTestCore({}, join(dir, 'data'), { env: { ...env, ...extra } });
  return bed;
}

const paths = (standIn: PlatformStandIn) => standIn.requests.map((r) => `${r.method} ${r.path}`);

describe('migration 10 and the repository', () => {
  it('adds platform_environments to a store at schema 9, with enforce.dev current until one is saved', () => {
    const file = join(dir, 'old.db');
    openStore(file, migrations.slice(0, 9)).close();
    // Up to migration 10 exactly: later migrations have their own tests.
    const store = openStore(file, migrations.slice(0, 10));
    try {
      expect(store.schemaVersion).toBe(10);
      const settings = new PlatformSettingsRepository(store);
      expect(settings.current()).toBe('enforce.dev');
      expect(settings.list()).toEqual([]);

      settings.save(STAGING, 'https://console-api.staging.example.dev:8443');
      settings.save('enforce.dev', undefined);
      expect(settings.current()).toBe('enforce.dev');
      expect(settings.savedUrl(STAGING)).toBe('https://console-api.staging.example.dev:8443');
      expect(settings.savedUrl('enforce.dev')).toBeUndefined();
      expect(settings.list()).toEqual([
        { environment: 'enforce.dev', current: true },
        { environment: STAGING, apiUrl: 'https://console-api.staging.example.dev:8443', current: false },
      ]);
      // At most one current row, enforced by the schema itself.
      expect(() => store.db.exec(`UPDATE platform_environments SET is_current = 1`)).toThrow(/UNIQUE/);
    } finally {
      store.close();
    }
  });
});

describe('consoleApiFor', () => {
  it('takes CHAINGUARD_CONSOLE_API first, then the saved URL, then the derived one', () => {
    const saved = 'https://api.example.test/';
    expect(consoleApiFor('enforce.dev', {}, undefined)).toEqual({
      url: 'https://console-api.enforce.dev',
      source: 'derived',
    });
    expect(consoleApiFor('enforce.dev', {}, saved)).toEqual({ url: 'https://api.example.test', source: 'saved' });
    expect(consoleApiFor('enforce.dev', { CHAINGUARD_CONSOLE_API: 'https://env.example.test' }, saved)).toEqual({
      url: 'https://env.example.test',
      source: 'env',
    });
    // An override that breaks the rule is ignored, as before.
    expect(consoleApiFor('enforce.dev', { CHAINGUARD_CONSOLE_API: 'http://env.example.test' }, saved)).toEqual({
      url: 'https://api.example.test',
      source: 'saved',
    });
  });
});

describe('Settings → Platform through the contract', () => {
  it('starts on enforce.dev with the derived URL', async () => {
    const { call } = start();
    expect(await call('getPlatformSettings', {})).toEqual({
      current: 'enforce.dev',
      environments: [
        {
          environment: 'enforce.dev',
          derivedApiUrl: 'https://console-api.enforce.dev',
          apiUrl: 'https://console-api.enforce.dev',
          apiUrlSource: 'derived',
        },
      ],
    });
  });

  it('sends every call to the saved URL, with a token minted for it, and keeps it across a restart', async () => {
    let { call } = start();
    const saved = await call('savePlatformSettings', { environment: 'enforce.dev', apiUrl: `${first.url}/` });
    expect(saved.environments[0]).toMatchObject({ apiUrl: first.url, savedApiUrl: first.url, apiUrlSource: 'saved' });
    expect(await call('getPlatformConnection', { environment: 'enforce.dev' })).toMatchObject({
      state: 'signed-in',
      apiUrl: first.url,
      apiUrlSource: 'saved',
      loginCommand: ['chainctl', 'auth', 'login', '--audience', first.url],
    });
    expect((await call('listPlatformGroups', { environment: 'enforce.dev' })).map((g) => g.id)).toEqual([ORG_A]);
    expect(paths(first)).toEqual(['GET /iam/v1/groups']);

    await call('savePlatformSettings', { environment: 'enforce.dev', apiUrl: second.url });
    expect((await call('listPlatformGroups', { environment: 'enforce.dev' })).map((g) => g.id)).toEqual([
      ORG_B,
      FOLDER_B,
    ]);
    await call('createPlatformFolder', { environment: 'enforce.dev', parentId: ORG_B, name: 'new' });
    expect(paths(second)).toEqual(['GET /iam/v1/groups', `POST /iam/v1/groups/${ORG_B}`]);
    expect(paths(first)).toEqual(['GET /iam/v1/groups']);
    expect(chainctl.calls().filter((args) => args[1] === 'token')).toContainEqual([
      'auth',
      'token',
      '--audience',
      second.url,
    ]);

    ({ call } = start());
    expect((await call('getPlatformSettings', {})).environments[0]).toMatchObject({
      environment: 'enforce.dev',
      apiUrl: second.url,
      apiUrlSource: 'saved',
    });
    expect(await call('listPlatformGroups', { environment: 'enforce.dev' })).toHaveLength(3);
  });

  it('Reset to derived: saving without a URL (or with the derived one) forgets the saved URL', async () => {
    const { call } = start();
    await call('savePlatformSettings', { environment: 'enforce.dev', apiUrl: first.url });
    const reset = await call('savePlatformSettings', {
      environment: 'enforce.dev',
      apiUrl: 'https://console-api.enforce.dev',
    });
    expect(reset.environments[0]).toEqual({
      environment: 'enforce.dev',
      derivedApiUrl: 'https://console-api.enforce.dev',
      apiUrl: 'https://console-api.enforce.dev',
      apiUrlSource: 'derived',
    });
  });

  it('refuses a bad URL or environment with a field error and keeps what was saved', async () => {
    const { call, callResult } = start();
    await call('savePlatformSettings', { environment: 'enforce.dev', apiUrl: first.url });
    for (const [input, field, message] of [
      [{ environment: 'enforce.dev', apiUrl: 'http://console-api.example.test' }, 'apiUrl', /https/],
      [{ environment: 'enforce.dev', apiUrl: 'https://user:secret@console-api.example.test' }, 'apiUrl', /password/],
      [{ environment: 'enforce.dev', apiUrl: 'https://console-api.example.test/?org=1' }, 'apiUrl', /query/],
      [{ environment: 'enforce.dev', apiUrl: 'console-api.example.test' }, 'apiUrl', /full URL/],
      [{ environment: 'Enforce.dev', apiUrl: first.url }, 'environment', /lowercase/],
    ] as const) {
      const result = await callResult('savePlatformSettings', input);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.issues).toContainEqual({ field, message: expect.stringMatching(message) as string });
      expect(JSON.stringify(result.error)).not.toContain('secret');
    }
    expect((await call('getPlatformSettings', {})).environments[0]?.apiUrl).toBe(first.url);
  });

  it('CHAINGUARD_CONSOLE_API wins over the saved URL, and Settings says so', async () => {
    await start().call('savePlatformSettings', { environment: 'enforce.dev', apiUrl: first.url });
    const { call } = start({ CHAINGUARD_CONSOLE_API: second.url });
    expect(await call('getPlatformSettings', {})).toMatchObject({
      envOverride: second.url,
      environments: [{ environment: 'enforce.dev', savedApiUrl: first.url, apiUrl: second.url, apiUrlSource: 'env' }],
    });
    expect((await call('listPlatformGroups', { environment: 'enforce.dev' })).map((g) => g.id)).toContain(ORG_B);
    expect(paths(first)).toEqual([]);
  });

  it("an association's platform calls use its own environment's saved URL, not the current one", async () => {
    const { call } = start();
    await call('savePlatformSettings', { environment: STAGING, apiUrl: second.url });
    await call('savePlatformSettings', { environment: 'enforce.dev', apiUrl: first.url });
    const settings = await call('getPlatformSettings', {});
    expect(settings.current).toBe('enforce.dev');
    expect(settings.environments.map((e) => [e.environment, e.apiUrl])).toEqual([
      ['enforce.dev', first.url],
      [STAGING, second.url],
    ]);
    await call('createGroup', { mode: 'existing', id: FOLDER_B, name: 'prod' });
    const saved = await call('saveAssociation', {
      cloud: 'aws',
      groupId: FOLDER_B,
      accountId: '123456789012',
      profile: 'dev',
      moduleVersion: '0.1.0',
      environment: STAGING,
    });
    const plan = await call('planPlatformRegistration', { associationId: saved.association.id });
    expect(plan.kind).toBe('create');
    expect(paths(second)).toEqual(['GET /iam/v1/account_associations']);
    expect(paths(first)).toEqual([]);
  });
});
