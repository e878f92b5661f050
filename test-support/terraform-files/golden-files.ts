import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/errors';
import type { GeneratedFile } from '../../shared/terraform/generate-workspace';

/** A generator's answer: its files, or why it refused the input. */
type Generation = { ok: true; files: GeneratedFile[] } | { ok: false; error: ApiError };

/** The files a generator writes for an input a test means to be valid; a refusal fails the test with its reason. */
export function filesOf(result: Generation): GeneratedFile[] {
  if (!result.ok) throw new Error(`generation refused: ${result.error.field ?? ''} ${result.error.message}`);
  return result.files;
}

/**
 * Registers a golden suite: each case's generated files must equal the ones pinned under `dir`
 * (`UPDATE_GOLDEN=1` rewrites them after an intended change), and `dir` holds no case that is gone.
 */
export function describeGoldenFiles(
  title: string,
  suite: { dir: string; cases: Record<string, unknown>; generate: (input: unknown) => GeneratedFile[] },
): void {
  const updating = process.env.UPDATE_GOLDEN === '1';
  describe(title, () => {
    it.each(Object.entries(suite.cases))('%s matches its golden files', (name, input) => {
      const dir = join(suite.dir, name);
      for (const file of suite.generate(input)) {
        const path = join(dir, file.path);
        if (updating) {
          mkdirSync(dir, { recursive: true });
          writeFileSync(path, file.content);
        }
        expect(existsSync(path), `${path} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
        expect(file.content, `${name}/${file.path}`).toBe(readFileSync(path, 'utf8'));
      }
    });

    it('has no golden directory without a case', () => {
      expect(readdirSync(suite.dir).sort()).toEqual(Object.keys(suite.cases).sort());
    });
  });
}

/** The real terraform on `args` in `cwd`, without its update check or interactive hints. */
export function runTerraform(args: string[], cwd: string, input?: string) {
  return spawnSync('terraform', args, {
    cwd,
    encoding: 'utf8',
    input,
    env: { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' },
  });
}

/** Writes each sampled input's files into its own directory under `root` and runs `terraform fmt -check` over them all. */
export function fmtCheckSampled(root: string, samples: unknown[], generate: (input: unknown) => GeneratedFile[]) {
  samples.forEach((each, index) => {
    const dir = join(root, String(index));
    mkdirSync(dir, { recursive: true });
    for (const file of generate(each)) writeFileSync(join(dir, file.path), file.content);
  });
  return runTerraform(['fmt', '-check', '-recursive', '-no-color'], root);
}
