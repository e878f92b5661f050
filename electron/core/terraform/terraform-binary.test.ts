import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { terraformErrorCodes } from './run-failure';
import { findTerraformForTests, locateTerraform, MINIMUM_TERRAFORM_VERSION } from './terraform-binary';
import { REQUIRED_TERRAFORM_VERSION } from '../../../shared/terraform/versions-tf';

const terraform = findTerraformForTests();
if (!terraform.found) console.warn(`SKIPPED real terraform discovery: ${terraform.reason}`);

const scratch = mkdtempSync(join(tmpdir(), 'liaison-tf-bin-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An old binary cannot be downloaded here, so a script prints what one would. */
function script(name: string, body: string): string {
  const path = join(scratch, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('locateTerraform', () => {
  it.skipIf(!terraform.found)('finds the real terraform on PATH and reads its version', async () => {
    const lookup = await locateTerraform({ env: process.env });
    if (!lookup.ok) throw new Error(lookup.error.message);
    expect(lookup.binary.flavor).toBe('terraform');
    expect(lookup.binary.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(lookup.binary.initJson).toBe(true);
    expect(dirname(lookup.binary.path)).not.toBe('');
  });

  it('says that neither terraform nor tofu is on PATH, and what is needed', async () => {
    const lookup = await locateTerraform({ env: { PATH: scratch } });
    expect(lookup).toMatchObject({ ok: false, status: 'missing', error: { code: terraformErrorCodes.notFound } });
    if (lookup.ok) return;
    expect(lookup.error.message).toContain(MINIMUM_TERRAFORM_VERSION);
  });

  it('finds tofu when terraform is absent', async () => {
    const dir = mkdtempSync(join(scratch, 'tofu-'));
    const tofu = join(dir, 'tofu');
    writeFileSync(
      tofu,
      '#!/bin/sh\nif [ "$1" = version ]; then echo \'{"terraform_version":"1.8.3"}\'; else echo "  -json  machine readable"; fi\n',
    );
    chmodSync(tofu, 0o755);
    const lookup = await locateTerraform({ env: { PATH: dir } });
    expect(lookup).toMatchObject({
      ok: true,
      binary: { path: tofu, flavor: 'tofu', version: '1.8.3', initJson: true },
    });
  });

  it('refuses a binary that is too old, naming the version found and the one needed', async () => {
    const old = script('terraform-old', 'echo \'{"terraform_version":"1.2.9","platform":"linux_amd64"}\'');
    const lookup = await locateTerraform({ env: process.env, configuredPath: old });
    expect(lookup).toMatchObject({ ok: false, status: 'too-old', error: { code: terraformErrorCodes.tooOld } });
    if (lookup.ok) return;
    expect(lookup.error.message).toContain('1.2.9');
    expect(lookup.error.message).toContain(MINIMUM_TERRAFORM_VERSION);
  });

  it('refuses a binary without machine-readable output (no version -json)', async () => {
    const ancient = script('terraform-ancient', 'echo "Terraform v0.12.31"');
    const lookup = await locateTerraform({ env: process.env, configuredPath: ancient });
    expect(lookup).toMatchObject({ ok: false, error: { code: terraformErrorCodes.tooOld } });
    if (lookup.ok) return;
    expect(lookup.error.message).toContain('v0.12.31');
  });

  it('refuses a configured path that is not an executable file', async () => {
    const lookup = await locateTerraform({ env: process.env, configuredPath: scratch });
    expect(lookup).toMatchObject({ ok: false, status: 'missing', error: { field: 'path' } });
  });

  it('requires at least what the generated versions.tf requires', () => {
    expect(REQUIRED_TERRAFORM_VERSION).toBe(`>= ${MINIMUM_TERRAFORM_VERSION}`);
  });
});
