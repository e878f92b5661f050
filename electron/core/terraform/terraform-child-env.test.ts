import { describe, expect, it } from 'vitest';
import { buildTerraformEnv, secretsOf } from './terraform-child-env';

const APP_ENV = {
  PATH: '/usr/bin',
  HOME: '/home/operator',
  TMPDIR: '/tmp/x',
  HTTPS_PROXY: 'http://proxy:3128',
  TF_CLI_CONFIG_FILE: '/home/operator/.terraformrc',
  LIAISON_DATA_DIR: '/data',
  AWS_PROFILE: 'someone-else',
  AWS_ACCESS_KEY_ID: 'AKIAAPPENVIRONMENT01',
  GOOGLE_APPLICATION_CREDENTIALS: '/keys/app.json',
  TF_TOKEN_app_terraform_io: 'registry-token',
  TF_LOG: 'TRACE',
  NODE_OPTIONS: '--inspect',
};

describe('buildTerraformEnv', () => {
  it('passes only the allow-listed part of the app environment, plus what Liaison sets', () => {
    expect(buildTerraformEnv(APP_ENV, { kind: 'none' })).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/operator',
      TMPDIR: '/tmp/x',
      HTTPS_PROXY: 'http://proxy:3128',
      TF_CLI_CONFIG_FILE: '/home/operator/.terraformrc',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
    });
  });

  it('hands AWS credentials resolved in the app, not the app’s own AWS variables', () => {
    const env = buildTerraformEnv(APP_ENV, {
      kind: 'aws',
      accessKeyId: 'ASIARESOLVEDKEY00001',
      secretAccessKey: 'resolved-secret',
      sessionToken: 'resolved-session',
      region: 'eu-west-2',
    });
    expect(env).toMatchObject({
      AWS_ACCESS_KEY_ID: 'ASIARESOLVEDKEY00001',
      AWS_SECRET_ACCESS_KEY: 'resolved-secret',
      AWS_SESSION_TOKEN: 'resolved-session',
      AWS_REGION: 'eu-west-2',
    });
    expect(env.AWS_PROFILE).toBeUndefined();
    expect(Object.keys(env).filter((name) => name.startsWith('GOOGLE_'))).toEqual([]);
  });

  it('hands a GCP access token as GOOGLE_OAUTH_ACCESS_TOKEN and nothing else of Google', () => {
    const env = buildTerraformEnv(APP_ENV, { kind: 'gcp', accessToken: 'ya29.token' });
    expect(Object.entries(env).filter(([name]) => /^(GOOGLE|AWS)_/.test(name))).toEqual([
      ['GOOGLE_OAUTH_ACCESS_TOKEN', 'ya29.token'],
    ]);
  });
});

describe('secretsOf', () => {
  it('lists every secret value, longest first', () => {
    expect(
      secretsOf({
        kind: 'aws',
        accessKeyId: 'ASIAKEY1',
        secretAccessKey: 'secret-longer',
        sessionToken: 'tok1',
        region: 'us-east-1',
      }),
    ).toEqual(['secret-longer', 'ASIAKEY1', 'tok1']);
    expect(secretsOf({ kind: 'gcp', accessToken: 'ya29.abc' })).toEqual(['ya29.abc']);
    expect(secretsOf({ kind: 'none' })).toEqual([]);
  });
});
