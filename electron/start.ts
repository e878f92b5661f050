import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { constants } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm start`: the desktop app when an Electron binary can be had, else the web host. Runs under
 * plain Node, so it never imports 'electron' (whose entry would try to download the binary itself).
 */

export type ElectronLookup = { found: true; binary: string } | { found: false; reason: string; downloadable: boolean };

export type LaunchPlan =
  | { mode: 'electron'; binary: string; args: string[] }
  | { mode: 'web'; args: string[]; notice?: string; tryDownload?: boolean };

export interface FileProbe {
  exists(path: string): boolean;
  read(path: string): string | undefined;
}

const WEB_FLAG = '--web';
export const DOWNLOAD_TIMEOUT_MS = 60_000;

/** Where the binary is, by the same rules as `node_modules/electron/index.js`, without downloading. */
export function lookupElectron(projectRoot: string, env: NodeJS.ProcessEnv, probe: FileProbe): ElectronLookup {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  if (!probe.exists(join(packageDir, 'package.json'))) {
    return { found: false, reason: 'the electron package is not installed', downloadable: false };
  }
  const executable = probe.read(join(packageDir, 'path.txt'))?.trim();
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, executable || 'electron');
    return probe.exists(binary)
      ? { found: true, binary }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${binary}`, downloadable: false };
  }
  if (!executable) return { found: false, reason: 'the Electron binary was never downloaded', downloadable: true };
  const binary = join(packageDir, 'dist', executable);
  return probe.exists(binary)
    ? { found: true, binary }
    : { found: false, reason: `${binary} is missing`, downloadable: true };
}

/** Electron on Linux aborts without a display; better to say so and serve the browser instead. */
export function missingDisplay(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string | undefined {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return undefined;
  return 'no display: DISPLAY and WAYLAND_DISPLAY are unset';
}

export function wantsWebHost(args: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return args.includes(WEB_FLAG) || env.LIAISON_WEB === '1';
}

/** The whole decision, pure: what to run, with which arguments, and the one line that explains it. */
export function planLaunch(facts: {
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  electron: ElectronLookup;
}): LaunchPlan {
  // The web host parses argv strictly: the launcher's own flag must not reach it.
  const args = facts.args.filter((arg) => arg !== WEB_FLAG);
  if (wantsWebHost(facts.args, facts.env)) return { mode: 'web', args };
  const noDisplay = missingDisplay(facts.platform, facts.env);
  if (noDisplay) {
    // No window could open anyway, so no download is attempted; both facts are worth one line.
    const reason = facts.electron.found ? noDisplay : `${facts.electron.reason}; ${noDisplay}`;
    return { mode: 'web', args, notice: fallbackNotice(reason) };
  }
  if (!facts.electron.found) {
    return {
      mode: 'web',
      args,
      notice: fallbackNotice(facts.electron.reason),
      tryDownload: facts.electron.downloadable,
    };
  }
  // `.` makes Electron run the project's package.json main: out/main/index.js.
  return { mode: 'electron', binary: facts.electron.binary, args: ['.', ...args] };
}

export function fallbackNotice(reason: string): string {
  return `Electron is not available here (${reason}); starting the Liaison web host instead.`;
}

/** The first line of what a failed download printed: enough to say why, short enough for one line. */
export function summarizeDownloadFailure(output: string, timedOut: boolean): string {
  if (timedOut) return `downloading Electron timed out after ${DOWNLOAD_TIMEOUT_MS / 1000}s`;
  const firstLine = output
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '');
  const detail = firstLine ? `: ${firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine}` : '';
  return `downloading Electron failed${detail}`;
}

/** One attempt, output captured: on a closed network it fails fast and says why in one line. */
function downloadElectron(projectRoot: string): Promise<string | undefined> {
  const script = join(projectRoot, 'node_modules', 'electron', 'install.js');
  return new Promise((done) => {
    execFile(process.execPath, [script], { timeout: DOWNLOAD_TIMEOUT_MS, cwd: projectRoot }, (error, _out, err) => {
      if (!error) return done(undefined);
      done(summarizeDownloadFailure(String(err) || error.message, error.killed === true));
    });
  });
}

const nodeProbe: FileProbe = {
  exists: existsSync,
  read: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
};

async function decide(projectRoot: string): Promise<LaunchPlan> {
  const facts = { args: process.argv.slice(2), env: process.env, platform: process.platform };
  const plan = planLaunch({ ...facts, electron: lookupElectron(projectRoot, process.env, nodeProbe) });
  if (plan.mode !== 'web' || !plan.tryDownload) return plan;
  const failure = await downloadElectron(projectRoot);
  const electron: ElectronLookup = failure
    ? { found: false, reason: failure, downloadable: false }
    : lookupElectron(projectRoot, process.env, nodeProbe);
  return planLaunch({ ...facts, electron });
}

async function handOverToWebHost(plan: Extract<LaunchPlan, { mode: 'web' }>): Promise<void> {
  if (plan.notice) console.log(plan.notice);
  process.argv = [...process.argv.slice(0, 2), ...plan.args];
  // Built next to this file (out/main/web.js); it parses argv and runs until a signal stops it.
  await import(pathToFileURL(join(import.meta.dirname, 'web.js')).href);
}

function runElectron(plan: Extract<LaunchPlan, { mode: 'electron' }>, projectRoot: string): void {
  // Inherited ELECTRON_RUN_AS_NODE would make the binary a plain Node and never open a window.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(plan.binary, plan.args, { cwd: projectRoot, env, stdio: 'inherit' });
  child.once('spawn', () => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
    child.once('exit', (code, signal) => process.exit(code ?? (signal ? 128 + constants.signals[signal] : 1)));
  });
  // The binary is there but cannot be started (permissions, wrong architecture): still serve the app.
  child.once('error', (error) => {
    if (child.pid !== undefined) return;
    void handOverToWebHost({ mode: 'web', args: plan.args.slice(1), notice: fallbackNotice(error.message) });
  });
}

async function main(): Promise<void> {
  const projectRoot = resolve(import.meta.dirname, '../..');
  const plan = await decide(projectRoot);
  if (plan.mode === 'web') await handOverToWebHost(plan);
  else runElectron(plan, projectRoot);
}

function isEntryPoint(): boolean {
  const invoked = process.argv[1];
  if (!invoked) return false;
  try {
    return realpathSync(resolve(invoked)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

// Importing this module (tests) must not launch anything.
if (isEntryPoint()) await main();
