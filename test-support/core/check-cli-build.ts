import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** What one run of the built CLI printed, and how it exited. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with exactly these arguments and this environment (nothing else is passed on). */
export type RunCli = (args: string[], env: NodeJS.ProcessEnv) => Promise<CliRun>;

/**
 * The check CLI entry (electron/check-cli.ts) bundled the way electron-vite bundles the main inputs
 * (one ESM file, dependencies external), into `node_modules/.cache/<cacheName>` — inside the project
 * so the bundle's external imports (zod, the AWS SDK) resolve from node_modules.
 */
export async function buildCheckCli(cacheName: string): Promise<RunCli> {
  const outDir = join(PROJECT_ROOT, 'node_modules/.cache', cacheName);
  await build({
    configFile: false,
    logLevel: 'warn',
    root: PROJECT_ROOT,
    build: { ssr: resolve(PROJECT_ROOT, 'electron/check-cli.ts'), outDir, emptyOutDir: true },
  });
  const entry = join(outDir, 'check-cli.js');
  return (args, env) =>
    new Promise((done) => {
      const child = spawn(process.execPath, [entry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
      child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
}
