import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backendTf, type BackendConfig } from '../../../shared/terraform/backend';
import { renderHcl } from '../../../shared/terraform/hcl-render';
import { parseTerraformLine } from './parse-terraform-line';
import { findTerraformForTests } from './terraform-binary';
import { buildTerraformEnv } from './terraform-child-env';

const terraform = findTerraformForTests();
if (!terraform.found) console.warn(`SKIPPED backend init tests: ${terraform.reason}`);

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/**
 * No bucket is reachable here, so `init` must fail, but only for want of credentials: an argument
 * the backend does not know fails earlier ("Unsupported argument"), so this proves the block's shape.
 */
function initWith(config: BackendConfig): { summaries: string[]; fmt: number | null } {
  dir = mkdtempSync(join(tmpdir(), 'liaison-backend-'));
  writeFileSync(join(dir, 'backend.tf'), renderHcl(backendTf(config)));
  const env = { ...buildTerraformEnv(process.env, { kind: 'none' }), AWS_EC2_METADATA_DISABLED: 'true', HOME: dir };
  const fmt = spawnSync('terraform', ['fmt', '-check', 'backend.tf'], { cwd: dir, env }).status;
  const init = spawnSync('terraform', ['init', '-input=false', '-json'], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  const summaries = init.stdout
    .split('\n')
    .map((line) => parseTerraformLine(line, 'stdout'))
    .flatMap((event) => (event.type === 'diagnostic' ? [event.diagnostic.summary] : []));
  return { summaries, fmt };
}

describe.skipIf(!terraform.found)('generated backends with the real terraform', () => {
  it('S3 with use_lockfile is a backend Terraform accepts (init stops only at credentials)', () => {
    const { summaries, fmt } = initWith({
      type: 's3',
      bucket: 'team-state',
      key: 'liaison/aws-123456789012/terraform.tfstate',
      region: 'eu-west-2',
    });
    expect(fmt).toBe(0);
    expect(summaries).not.toContain('Unsupported argument');
    expect(summaries.join('\n')).toMatch(/credential/i);
  });

  it('GCS with a prefix is a backend Terraform accepts (init stops only at credentials)', () => {
    const { summaries, fmt } = initWith({ type: 'gcs', bucket: 'team-state', prefix: 'liaison/gcp-my-project' });
    expect(fmt).toBe(0);
    expect(summaries).not.toContain('Unsupported argument');
    expect(summaries.join('\n')).toMatch(/could not find default credentials/);
  });
});
