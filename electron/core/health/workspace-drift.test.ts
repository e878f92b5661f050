import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findTerraformForTests } from '../terraform/terraform-binary';
import type { TerraformCredentialSource } from '../terraform/terraform-child-env';
import { checkWorkspaceDrift, DRIFT_PLAN_ARGS, type WorkspaceDriftOptions } from './workspace-drift';

const terraform = findTerraformForTests();
const noCloud: TerraformCredentialSource = { credentialsFor: () => Promise.resolve({ kind: 'none' }) };
const CONFIG = `
resource "terraform_data" "canary" {
  input = "v1"
}
output "canary" {
  value = terraform_data.canary.output
}
`;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'liaison-drift-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function options(binary: string, overrides: Partial<WorkspaceDriftOptions> = {}): WorkspaceDriftOptions {
  return {
    env: process.env,
    credentials: noCloud,
    workspaceDirFor: (key) => join(root, key),
    binary: () => Promise.resolve({ path: binary }),
    ...overrides,
  };
}

function workspace(key: string, config: string): string {
  const dir = join(root, key);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tf'), config);
  return dir;
}

/** Test setup only: Liaison's drift check never applies, and never writes state. */
function terraformIn(dir: string, args: string[]): void {
  const result = spawnSync('terraform', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' },
  });
  if (result.status !== 0) throw new Error(`terraform ${args.join(' ')} failed: ${result.stderr}${result.stdout}`);
}

describe.skipIf(!terraform.found)('checkWorkspaceDrift with the real terraform', () => {
  let applied: string;
  beforeAll(() => {
    applied = workspace('applied', CONFIG);
    terraformIn(applied, ['init', '-input=false']);
    terraformIn(applied, ['apply', '-auto-approve', '-input=false']);
  }, 120_000);

  it('is in sync right after an apply (exit 0)', async () => {
    const state = readFileSync(join(applied, 'terraform.tfstate'), 'utf8');
    expect(await checkWorkspaceDrift('applied', options('terraform'))).toEqual({ status: 'in-sync' });
    expect(readFileSync(join(applied, 'terraform.tfstate'), 'utf8')).toBe(state);
  }, 60_000);

  it('reports drift (exit 2) and names what differs when the state no longer matches', async () => {
    // A test copy whose state records an output value the configuration no longer produces: the
    // refresh-only plan reconciles it, which is drift by -detailed-exitcode.
    const copy = join(root, 'tampered');
    cpSync(applied, copy, { recursive: true });
    const statePath = join(copy, 'terraform.tfstate');
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as { outputs: { canary: { value: unknown } } };
    state.outputs.canary.value = 'changed outside Terraform';
    writeFileSync(statePath, JSON.stringify(state));
    expect(await checkWorkspaceDrift('tampered', options('terraform'))).toEqual({
      status: 'drift',
      detail: 'output.canary: update',
    });
  }, 60_000);

  it('is an error with the diagnostic when the configuration is broken (exit 1)', async () => {
    workspace('broken', CONFIG.replace('"v1"', 'var.missing'));
    const outcome = await checkWorkspaceDrift('broken', options('terraform'));
    expect(outcome.status).toBe('error');
    expect(outcome.detail).toMatch(/Reference to undeclared input variable/);
  }, 60_000);
});

describe('checkWorkspaceDrift', () => {
  it('never prompts: credentials that need a sign-in are an error saying so, and Terraform is not run', async () => {
    workspace('signin', CONFIG);
    const credentialsFor = vi.fn<TerraformCredentialSource['credentialsFor']>(() =>
      Promise.reject(new Error('The profile dev needs an MFA code.')),
    );
    const outcome = await checkWorkspaceDrift(
      'signin',
      options(join(root, 'no-such-terraform'), { credentials: { credentialsFor } }),
    );
    expect(outcome).toEqual({ status: 'error', detail: 'Needs sign-in: The profile dev needs an MFA code.' });
    expect(credentialsFor).toHaveBeenCalledWith('signin', { interactive: false });
  });

  it('is an error when the workspace has no files or there is no terraform', async () => {
    expect(await checkWorkspaceDrift('absent', options('terraform'))).toMatchObject({ status: 'error' });
    workspace('nobinary', CONFIG);
    expect(
      await checkWorkspaceDrift(
        'nobinary',
        options('terraform', { binary: () => Promise.resolve({ error: 'not found' }) }),
      ),
    ).toEqual({ status: 'error', detail: 'not found' });
  });

  it.skipIf(process.platform === 'win32')(
    'lists the resource_drift events of an exit 2, running exactly the refresh-only plan',
    async () => {
      // A stand-in terraform: built-in resources never drift, so this replays a resource_drift line
      // in Terraform's JSON UI format (as a provider-backed resource reports it) and exits 2.
      const dir = workspace('fake', CONFIG);
      const script = join(dir, 'fake-terraform.sh');
      const line = JSON.stringify({
        '@level': 'info',
        '@message': 'aws_iam_role.canary: Drift detected (update)',
        '@module': 'terraform.ui',
        '@timestamp': '2026-01-01T00:00:00.000000Z',
        change: {
          resource: {
            addr: 'aws_iam_role.canary',
            module: '',
            resource: 'aws_iam_role.canary',
            implied_provider: 'aws',
            resource_type: 'aws_iam_role',
            resource_name: 'canary',
            resource_key: null,
          },
          action: 'update',
        },
        type: 'resource_drift',
      });
      writeFileSync(script, `#!/bin/sh\necho "$*" > args.txt\necho '${line}'\nexit 2\n`);
      chmodSync(script, 0o755);
      const credentials: TerraformCredentialSource = {
        credentialsFor: () =>
          Promise.resolve({
            kind: 'aws',
            accessKeyId: 'AKIAEXAMPLE',
            secretAccessKey: 'sekrit-value',
            region: 'eu-west-1',
          }),
      };
      const outcome = await checkWorkspaceDrift('fake', options(script, { credentials }));
      expect(outcome).toEqual({ status: 'drift', detail: 'aws_iam_role.canary: update' });
      expect(readFileSync(join(dir, 'args.txt'), 'utf8').trim()).toBe(DRIFT_PLAN_ARGS.join(' '));
    },
  );

  it.skipIf(process.platform === 'win32')('redacts the credentials from an error it stores', async () => {
    const dir = workspace('leaky', CONFIG);
    const script = join(dir, 'fake-terraform.sh');
    writeFileSync(script, `#!/bin/sh\necho "failed with $AWS_SECRET_ACCESS_KEY" >&2\nexit 1\n`);
    chmodSync(script, 0o755);
    const credentials: TerraformCredentialSource = {
      credentialsFor: () =>
        Promise.resolve({
          kind: 'aws',
          accessKeyId: 'AKIAEXAMPLE',
          secretAccessKey: 'sekrit-value',
          region: 'eu-west-1',
        }),
    };
    const outcome = await checkWorkspaceDrift('leaky', options(script, { credentials }));
    expect(outcome.status).toBe('error');
    expect(outcome.detail).toContain('failed with');
    expect(outcome.detail).not.toContain('sekrit-value');
  });
});
