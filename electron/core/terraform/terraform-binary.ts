import { execFile, spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import type { ApiError } from '../../../shared/errors';
import { terraformErrorCodes } from './run-failure';
import { buildTerraformEnv } from './terraform-child-env';
import { meetsMinimum, parseVersion } from './terraform-version';

/** The `terraform` on PATH, or undefined with the reason, for tests that must say why they skip. */
export function findTerraformForTests(): { found: true } | { found: false; reason: string } {
  const probe = spawnSync('terraform', ['version'], { encoding: 'utf8' });
  if (probe.error) return { found: false, reason: `terraform is not on PATH (${probe.error.message})` };
  if (probe.status !== 0) return { found: false, reason: `terraform version exited with ${String(probe.status)}` };
  return { found: true };
}

/**
 * The oldest release Liaison runs: the generated `versions.tf` requires it, and it has every
 * machine-readable output Liaison reads (`version -json`, `plan`/`apply -json`, `show -json`).
 */
export const MINIMUM_TERRAFORM_VERSION = '1.3.0';
const PROBE_TIMEOUT_MS = 15_000;

export interface TerraformBinary {
  path: string;
  flavor: 'terraform' | 'tofu';
  version: string;
  /** `init -json` exists from Terraform 1.9; older binaries' init output is kept as raw lines. */
  initJson: boolean;
}

export type TerraformBinaryLookup =
  { ok: true; binary: TerraformBinary } | { ok: false; status: 'missing' | 'too-old' | 'unusable'; error: ApiError };

/** Finds `terraform`, else `tofu`, on PATH (or uses the configured path) and checks its version. */
export async function locateTerraform(options: {
  env: NodeJS.ProcessEnv;
  configuredPath?: string | undefined;
}): Promise<TerraformBinaryLookup> {
  const path = options.configuredPath ?? findOnPath(['terraform', 'tofu'], options.env.PATH ?? '');
  if (path === undefined) {
    return {
      ok: false,
      status: 'missing',
      error: {
        code: terraformErrorCodes.notFound,
        message: `Neither terraform nor tofu was found on PATH. Liaison needs Terraform ${MINIMUM_TERRAFORM_VERSION} or newer (or OpenTofu).`,
        remediation:
          'Install Terraform (https://developer.hashicorp.com/terraform/install) or OpenTofu, or set its path in Settings.',
      },
    };
  }
  if (!isExecutable(path)) {
    return {
      ok: false,
      status: 'missing',
      error: {
        code: terraformErrorCodes.notFound,
        field: 'path',
        message: `${path} is not an executable file.`,
        remediation: 'Choose the terraform or tofu program itself, or clear the setting to search PATH.',
      },
    };
  }
  const flavor = basename(path).toLowerCase().startsWith('tofu') ? 'tofu' : 'terraform';
  const version = await readVersion(path, options.env);
  if (!version.ok) return { ok: false, status: 'unusable', error: version.error };
  if (!meetsMinimum(version.value, MINIMUM_TERRAFORM_VERSION)) {
    return {
      ok: false,
      status: 'too-old',
      error: {
        code: terraformErrorCodes.tooOld,
        message: `${path} is ${flavor} ${version.value}; Liaison needs ${MINIMUM_TERRAFORM_VERSION} or newer (for its machine-readable output and the generated versions.tf).`,
        remediation: `Install ${flavor === 'tofu' ? 'OpenTofu' : 'Terraform'} ${MINIMUM_TERRAFORM_VERSION} or newer, or set the path of a newer binary in Settings.`,
      },
    };
  }
  const help = await run(path, ['init', '-help'], options.env);
  return { ok: true, binary: { path, flavor, version: version.value, initJson: /^\s+-json\b/m.test(help.stdout) } };
}

async function readVersion(
  path: string,
  env: NodeJS.ProcessEnv,
): Promise<{ ok: true; value: string } | { ok: false; error: ApiError }> {
  const result = await run(path, ['version', '-json'], env);
  try {
    const parsed = JSON.parse(result.stdout) as { terraform_version?: unknown };
    if (typeof parsed.terraform_version === 'string' && parseVersion(parsed.terraform_version)) {
      return { ok: true, value: parsed.terraform_version };
    }
  } catch {
    // Too old for `version -json` (before 0.13), or not Terraform at all: say what it printed.
  }
  const said = /v?\d+\.\d+\.\d+\S*/.exec(result.stdout)?.[0];
  return {
    ok: false,
    error: {
      code: said ? terraformErrorCodes.tooOld : terraformErrorCodes.unusable,
      message: said
        ? `${path} reports version ${said} but has no machine-readable output (version -json); Liaison needs ${MINIMUM_TERRAFORM_VERSION} or newer.`
        : `${path} did not report a version (${result.failure ?? (result.stderr.trim().split('\n')[0] || 'no output')}).`,
      remediation: `Install Terraform ${MINIMUM_TERRAFORM_VERSION} or newer, or set the path of a working binary in Settings.`,
    },
  };
}

function run(
  path: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ stdout: string; stderr: string; failure?: string }> {
  return new Promise((resolve) => {
    execFile(
      path,
      args,
      {
        env: buildTerraformEnv(env, { kind: 'none' }),
        timeout: PROBE_TIMEOUT_MS,
        maxBuffer: 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => resolve({ stdout, stderr, ...(error ? { failure: error.message } : {}) }),
    );
  });
}

function findOnPath(names: readonly string[], pathVariable: string): string | undefined {
  const directories = pathVariable.split(delimiter).filter(Boolean);
  const suffixes = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of names) {
    for (const directory of directories) {
      for (const suffix of suffixes) {
        const candidate = join(directory, name + suffix);
        if (isExecutable(candidate)) return candidate;
      }
    }
  }
  return undefined;
}

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
