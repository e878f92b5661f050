import { existsSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AwsProfile, AwsProfileList } from '../../../shared/contract/aws';
import {
  FIXTURE_PROFILES,
  installAwsFixtureHome,
  type AwsFixtureHome,
} from '../../../test-support/fakes/aws/aws-fixture-home';
import { EventBus } from '../event-bus';
import { AwsProfileCatalog } from './aws-profile-catalog';

let root: string;
let fixture: AwsFixtureHome;
let catalog: AwsProfileCatalog | undefined;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'liaison-aws-catalog-'));
  fixture = installAwsFixtureHome(join(root, 'home'));
});

afterEach(() => {
  catalog?.close();
  catalog = undefined;
  rmSync(root, { recursive: true, force: true });
});

function open(env: NodeJS.ProcessEnv = {}, events?: EventBus): AwsProfileCatalog {
  catalog = new AwsProfileCatalog({
    env: { HOME: fixture.home, PATH: process.env.PATH, ...env },
    watch: events !== undefined,
    ...(events ? { events } : {}),
  });
  return catalog;
}

function byName(list: AwsProfileList, name: string): AwsProfile {
  const profile = list.profiles.find((p) => p.name === name);
  if (!profile) throw new Error(`no profile ${name} in ${list.profiles.map((p) => p.name).join(', ')}`);
  return profile;
}

const codes = (profile: AwsProfile): string[] => profile.warnings.map((w) => w.code);

describe('listing the fixture ~/.aws', () => {
  it('finds every profile the SDK sees, and only those', async () => {
    const list = await open().list();
    expect(list.profiles.map((p) => p.name)).toEqual([...FIXTURE_PROFILES]);
    expect(list.configFile).toEqual({ path: fixture.configFile, exists: true });
    expect(list.credentialsFile).toEqual({ path: fixture.credentialsFile, exists: true });
    expect(list.activeProfile).toBe('default');
    expect(byName(list, 'default').isActive).toBe(true);
  });

  it('classifies each kind and says what is knowable without a call', async () => {
    const list = await open().list();
    expect(byName(list, 'static-admin')).toMatchObject({
      kind: 'static',
      files: ['config', 'credentials'],
      region: 'eu-west-1',
      sourceChain: [],
      warnings: [],
    });
    expect(byName(list, 'chain-hop2')).toMatchObject({
      kind: 'role',
      leafKind: 'static',
      sourceChain: ['chain-hop1', 'static-admin'],
      accountId: '222222222222',
      accountIdSource: 'role_arn',
      roleArn: 'arn:aws:iam::222222222222:role/hop2-role',
      region: 'eu-central-1',
      warnings: [],
    });
    expect(byName(list, 'mfa-role')).toMatchObject({
      kind: 'role',
      mfaSerial: 'arn:aws:iam::123456789012:mfa/operator',
      accountId: '333333333333',
    });
    expect(byName(list, 'ci-process')).toMatchObject({ kind: 'process', region: 'us-west-2', warnings: [] });
    expect(byName(list, 'web-id')).toMatchObject({ kind: 'web-identity', accountId: '444444444444', warnings: [] });
    expect(byName(list, 'sso-dev')).toMatchObject({
      kind: 'sso',
      leafKind: 'sso',
      ssoSession: 'corp',
      ssoStartUrl: 'https://corp.awsapps.com/start',
      ssoRegion: 'us-east-1',
      ssoRoleName: 'Developer',
      accountId: '555555555555',
      accountIdSource: 'sso_account_id',
      warnings: [],
    });
    expect(byName(list, 'sso-legacy')).toMatchObject({
      kind: 'sso-legacy',
      ssoStartUrl: 'https://legacy.awsapps.com/start',
      accountId: '666666666666',
      warnings: [],
    });
    expect(byName(list, 'role-on-sso')).toMatchObject({
      kind: 'role',
      leafKind: 'sso',
      sourceChain: ['sso-dev'],
      ssoSession: 'corp',
      accountId: '888888888888',
    });
    expect(byName(list, 'env-role')).toMatchObject({
      kind: 'role',
      leafKind: 'credential-source',
      credentialSource: 'Environment',
      warnings: [],
    });
    expect(byName(list, 'with-endpoint')).toMatchObject({ kind: 'role', endpointUrl: 'http://127.0.0.1:9' });
    expect(list.ssoSessions).toEqual([
      { name: 'corp', startUrl: 'https://corp.awsapps.com/start', region: 'us-east-1', profileCount: 2 },
      { name: 'half', region: 'us-east-1', profileCount: 1 },
    ]);
  });

  it('turns every problem into a warning on its profile, never a failed list', async () => {
    const list = await open().list();
    const missing = byName(list, 'missing-source');
    expect(missing.leafKind).toBe('none');
    expect(missing.warnings).toContainEqual(
      expect.objectContaining({
        code: 'SOURCE_PROFILE_MISSING',
        message: 'source_profile "does-not-exist" does not exist',
        remediation: expect.stringContaining('[profile does-not-exist]'),
      }),
    );
    expect(byName(list, 'loop-a').warnings).toContainEqual(
      expect.objectContaining({
        code: 'SOURCE_PROFILE_CYCLE',
        message: 'The source_profile chain loops: loop-a → loop-b → loop-a',
      }),
    );
    expect(codes(byName(list, 'sso-orphan'))).toEqual(['SSO_SESSION_MISSING']);
    expect(codes(byName(list, 'sso-half'))).toEqual(['SSO_SESSION_INCOMPLETE']);
    expect(codes(byName(list, 'missing-process'))).toEqual(['CREDENTIAL_PROCESS_NOT_EXECUTABLE']);
    expect(byName(list, 'missing-process').warnings[0]?.message).toContain('/nonexistent/bin/aws-vault');
    expect(codes(byName(list, 'broken-process'))).toEqual([]);
    expect(codes(byName(list, 'bad-credential-source'))).toEqual(['CREDENTIAL_SOURCE_UNSUPPORTED']);
    expect(byName(list, 'half-keys')).toMatchObject({ kind: 'none' });
    expect(codes(byName(list, 'half-keys'))).toContain('STATIC_KEYS_INCOMPLETE');
    expect(codes(byName(list, 'region-only'))).toEqual(['REGION_INVALID', 'NO_CREDENTIALS']);
  });

  it('parses malformed, duplicated, CRLF and misplaced sections as the SDK does', async () => {
    const list = await open().list();
    // Later duplicate wins, as in the SDK, and the duplication is pointed out.
    expect(byName(list, 'dup').region).toBe('us-west-2');
    expect(byName(list, 'dup').warnings).toContainEqual(
      expect.objectContaining({ code: 'DUPLICATE_SECTION', message: expect.stringContaining('(lines 112, 114)') }),
    );
    // CRLF line endings and a trailing comment.
    expect(byName(list, 'crlf')).toMatchObject({
      kind: 'role',
      region: 'ap-southeast-2',
      sourceChain: ['static-admin'],
    });
    expect(byName(list, 'region-only').region).toBe('mars-north-9');
    // Sections the SDK drops or renames are file-level warnings.
    const fileWarnings = list.warnings.map((w) => `${w.code} ${w.message}`);
    expect(fileWarnings).toContainEqual(
      expect.stringMatching(/^SECTION_IGNORED \[not-a-profile\] \(.*config, line 116\)/),
    );
    expect(fileWarnings).toContainEqual(expect.stringMatching(/^SECTION_IGNORED \[profile {2}spaced\]/));
    expect(fileWarnings).toContainEqual(
      expect.stringMatching(/^SECTION_PREFIXED \[profile prefixed\] .* read as a profile named "profile\.prefixed"/),
    );
    expect(list.profiles.map((p) => p.name)).not.toContain('not-a-profile');
  });

  it('never puts a key, secret or token in the list', async () => {
    const text = JSON.stringify(await open().list());
    expect(text).not.toContain('AKIAFIXTUREEXAMPLE00');
    expect(text).not.toContain('fixture/secret/key');
    expect(text).not.toContain('prefixedsecret');
    const keys = new Set<string>();
    JSON.parse(text, (key: string, value: unknown) => {
      keys.add(key);
      return value;
    });
    expect([...keys].filter((key) => /secret|token|access_?key/i.test(key))).toEqual([]);
  });
});

describe('where the files are', () => {
  it('honours AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and AWS_PROFILE', async () => {
    const config = join(root, 'elsewhere-config');
    const credentials = join(root, 'elsewhere-credentials');
    writeFileSync(config, '[profile only-here]\nregion = us-west-1\n');
    writeFileSync(credentials, '[only-here]\naws_access_key_id = AKIAONLYHEREEXAMPLE0\naws_secret_access_key = x\n');
    const list = await open({
      AWS_CONFIG_FILE: config,
      AWS_SHARED_CREDENTIALS_FILE: credentials,
      AWS_PROFILE: 'only-here',
    }).list();
    expect(list.profiles.map((p) => [p.name, p.kind, p.isActive])).toEqual([['only-here', 'static', true]]);
    expect(list.activeProfile).toBe('only-here');
    expect(list.configFile.path).toBe(config);
  });

  it('lists nothing, without failing, when there is no ~/.aws at all', async () => {
    const list = await open({ HOME: join(root, 'empty-home') }).list();
    expect(list.profiles).toEqual([]);
    expect(list.configFile.exists).toBe(false);
    expect(list.credentialsFile.exists).toBe(false);
  });

  it('says so when the SDK refuses a whole file', async () => {
    appendFileSync(fixture.credentialsFile, '\n[__proto__]\naws_access_key_id = x\n');
    const list = await open().list();
    expect(list.warnings).toContainEqual(expect.objectContaining({ code: 'FILE_REFUSED' }));
    // The SDK then sees no credentials file at all: static-admin keeps only its config half.
    expect(byName(list, 'static-admin').files).toEqual(['config']);
  });
});

describe('listing is lazy', () => {
  let server: Server;
  let requests = 0;
  beforeEach(async () => {
    requests = 0;
    server = createServer((_req, res) => {
      requests += 1;
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('runs no credential_process and calls no endpoint', async () => {
    const marker = join(root, 'process-ran');
    appendFileSync(fixture.configFile, `\n[profile marker]\ncredential_process = /bin/sh -c "touch ${marker}"\n`);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const list = await open({ AWS_ENDPOINT_URL: `http://127.0.0.1:${port}` }).list();
    expect(byName(list, 'marker').kind).toBe('process');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(existsSync(marker)).toBe(false);
    expect(requests).toBe(0);
  });
});

describe('watching', () => {
  it('reloads and emits awsProfilesChanged when the config file changes on disk', async () => {
    const events = new EventBus();
    const changed: string[] = [];
    events.subscribe((name) => changed.push(name));
    const watched = open({}, events);
    expect((await watched.list()).profiles.map((p) => p.name)).not.toContain('added-later');
    // Replace the file the way editors do: write a new file and rename it over the old one.
    const next = `${fixture.configFile}.new`;
    writeFileSync(next, '[profile added-later]\nregion = us-east-2\n');
    const { renameSync } = await import('node:fs');
    renameSync(next, fixture.configFile);
    await expect.poll(() => changed, { timeout: 5_000 }).toContain('awsProfilesChanged');
    const names = (await watched.list()).profiles.map((p) => p.name);
    expect(names).toContain('added-later');
    expect(names).not.toContain('chain-hop1');
  });
});
