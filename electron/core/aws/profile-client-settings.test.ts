import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterEach, describe, expect, it } from 'vitest';
import { profileClientSettings } from './profile-client-settings';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** Parses the two files with the SDK's own loader, as the catalog does. */
async function load(config: string, credentials = '') {
  root = mkdtempSync(join(tmpdir(), 'liaison-client-settings-'));
  writeFileSync(join(root, 'config'), config);
  writeFileSync(join(root, 'credentials'), credentials);
  return loadSharedConfigFiles({
    configFilepath: join(root, 'config'),
    filepath: join(root, 'credentials'),
    ignoreCache: true,
  });
}

describe('profileClientSettings', () => {
  it('is the same for profiles that differ only in how they get credentials', async () => {
    const files = await load(
      [
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = us-east-1',
        '[profile a-admin]',
        'sso_session = corp',
        'sso_account_id = 111111111111',
        'sso_role_name = Admin',
        'region = eu-west-1',
        '[profile b-read]',
        'sso_session = corp',
        'sso_account_id = 222222222222',
        'sso_role_name = ReadOnly',
        'region = eu-west-1',
        '[profile role]',
        'role_arn = arn:aws:iam::333333333333:role/r',
        'source_profile = keys-1',
        'mfa_serial = arn:aws:iam::123456789012:mfa/me',
        'region = eu-west-1',
      ].join('\n'),
      [
        '[keys-1]',
        'aws_access_key_id = AKIAONE',
        'aws_secret_access_key = one',
        '[keys-2]',
        'aws_access_key_id = AKIATWO',
        'aws_secret_access_key = two',
        'aws_session_token = token',
        '[keys-3]',
        'aws_access_key_id = AKIATHREE',
        'aws_secret_access_key = three',
        'aws_security_token = legacy-token',
      ].join('\n'),
    );
    const settings = (name: string) => profileClientSettings(files, name);
    expect(settings('a-admin')).toBe(settings('b-read'));
    expect(settings('a-admin')).toBe(settings('role'));
    expect(settings('keys-1')).toBe(settings('keys-2'));
    // keys-1 has no region line; the others do.
    expect(settings('keys-1')).not.toBe(settings('a-admin'));
    expect(settings('keys-1')).not.toContain('AKIAONE');
    expect(settings('keys-2')).not.toMatch(/two|token/);
    // The legacy name of the session token is a credential too: no secret in a pool key.
    expect(settings('keys-3')).toBe(settings('keys-1'));
    expect(settings('keys-3')).not.toMatch(/three|legacy-token/);
  });

  it('tells apart profiles whose clients are configured differently', async () => {
    const files = await load(
      [
        '[services local]',
        'sts =',
        '  endpoint_url = http://127.0.0.1:4566',
        '[services other]',
        'sts =',
        '  endpoint_url = http://127.0.0.1:4567',
        '[profile plain]',
        'region = us-east-1',
        '[profile endpoint]',
        'region = us-east-1',
        'endpoint_url = http://127.0.0.1:4566',
        '[profile fips]',
        'region = us-east-1',
        'use_fips_endpoint = true',
        '[profile retries]',
        'region = us-east-1',
        'max_attempts = 7',
        '[profile via-local]',
        'region = us-east-1',
        'services = local',
        '[profile via-local-too]',
        'region = us-east-1',
        'services = local',
        '[profile via-other]',
        'region = us-east-1',
        'services = other',
      ].join('\n'),
      ['[in-credentials-file]', 'region = us-east-1', 'endpoint_url = http://127.0.0.1:4566'].join('\n'),
    );
    const all = ['plain', 'endpoint', 'fips', 'retries', 'via-local', 'via-other', 'in-credentials-file'].map((name) =>
      profileClientSettings(files, name),
    );
    expect(new Set(all).size).toBe(all.length);
    expect(profileClientSettings(files, 'via-local')).toBe(profileClientSettings(files, 'via-local-too'));
    expect(profileClientSettings(files, 'in-credentials-file')).not.toBe(profileClientSettings(files, 'endpoint'));
  });

  it('follows a change to the services section a profile names', async () => {
    const profile = '[profile p]\nregion = us-east-1\nservices = s\n';
    const before = profileClientSettings(await load(`${profile}[services s]\nsts =\n  endpoint_url = http://a\n`), 'p');
    const after = profileClientSettings(await load(`${profile}[services s]\nsts =\n  endpoint_url = http://b\n`), 'p');
    expect(before).toBeDefined();
    expect(after).not.toBe(before);
  });

  it('is undefined for a profile the files do not have', async () => {
    expect(profileClientSettings(await load('[profile p]\nregion = us-east-1\n'), 'nope')).toBeUndefined();
  });
});
