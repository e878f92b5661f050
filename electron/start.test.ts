import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  fallbackNotice,
  lookupElectron,
  missingDisplay,
  planLaunch,
  summarizeDownloadFailure,
  type ElectronLookup,
  type FileProbe,
} from './start';

const ROOT = '/project';
const PACKAGE = join(ROOT, 'node_modules', 'electron');

function probeOf(files: Record<string, string>): FileProbe {
  return { exists: (path) => path in files, read: (path) => files[path] };
}

describe('lookupElectron', () => {
  it('finds the binary named by path.txt under dist', () => {
    const probe = probeOf({
      [join(PACKAGE, 'package.json')]: '{}',
      [join(PACKAGE, 'path.txt')]: 'electron',
      [join(PACKAGE, 'dist', 'electron')]: '',
    });
    expect(lookupElectron(ROOT, {}, probe)).toEqual({ found: true, binary: join(PACKAGE, 'dist', 'electron') });
  });

  it('offers a download when the binary was never fetched', () => {
    const probe = probeOf({ [join(PACKAGE, 'package.json')]: '{}' });
    expect(lookupElectron(ROOT, {}, probe)).toMatchObject({ found: false, downloadable: true });
  });

  it('offers a download when path.txt points at a missing file', () => {
    const probe = probeOf({ [join(PACKAGE, 'package.json')]: '{}', [join(PACKAGE, 'path.txt')]: 'electron' });
    expect(lookupElectron(ROOT, {}, probe)).toMatchObject({ found: false, downloadable: true });
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH and never downloads over it', () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' };
    const base = { [join(PACKAGE, 'package.json')]: '{}' };
    expect(lookupElectron(ROOT, env, probeOf({ ...base, '/opt/electron/electron': '' }))).toEqual({
      found: true,
      binary: '/opt/electron/electron',
    });
    expect(lookupElectron(ROOT, env, probeOf(base))).toMatchObject({ found: false, downloadable: false });
  });

  it('does not try to download when the electron package itself is absent', () => {
    expect(lookupElectron(ROOT, {}, probeOf({}))).toMatchObject({ found: false, downloadable: false });
  });
});

describe('planLaunch', () => {
  const found: ElectronLookup = { found: true, binary: '/bin/electron' };
  const missing: ElectronLookup = { found: false, reason: 'no binary', downloadable: true };
  const desktop = { DISPLAY: ':0' };

  it('runs Electron on the project when it can', () => {
    expect(planLaunch({ args: ['--inspect'], env: desktop, platform: 'linux', electron: found })).toEqual({
      mode: 'electron',
      binary: '/bin/electron',
      args: ['.', '--inspect'],
    });
  });

  it('falls back to the web host with one explanatory line, and asks for one download', () => {
    expect(planLaunch({ args: ['--port', '8080'], env: desktop, platform: 'linux', electron: missing })).toEqual({
      mode: 'web',
      args: ['--port', '8080'],
      notice: 'Electron is not available here (no binary); starting the Liaison web host instead.',
      tryDownload: true,
    });
  });

  it('honours --web and LIAISON_WEB=1 quietly, and keeps --web away from the web host', () => {
    expect(planLaunch({ args: ['--web', '--port', '1'], env: desktop, platform: 'linux', electron: found })).toEqual({
      mode: 'web',
      args: ['--port', '1'],
    });
    expect(
      planLaunch({ args: [], env: { ...desktop, LIAISON_WEB: '1' }, platform: 'darwin', electron: found }),
    ).toEqual({ mode: 'web', args: [] });
  });

  it('does not start Electron on a Linux machine without a display', () => {
    const plan = planLaunch({ args: [], env: {}, platform: 'linux', electron: found });
    expect(plan).toMatchObject({ mode: 'web', notice: expect.stringContaining('no display') });
    expect(plan).not.toHaveProperty('tryDownload');
    expect(
      planLaunch({ args: [], env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux', electron: found }),
    ).toMatchObject({ mode: 'electron' });
    expect(missingDisplay('darwin', {})).toBeUndefined();
  });

  it('names both the missing binary and the missing display, without trying a download', () => {
    const missing: ElectronLookup = {
      found: false,
      reason: 'the Electron binary was never downloaded',
      downloadable: true,
    };
    const plan = planLaunch({ args: [], env: {}, platform: 'linux', electron: missing });
    expect(plan).toEqual({
      mode: 'web',
      args: [],
      notice:
        'Electron is not available here (the Electron binary was never downloaded; no display: DISPLAY and WAYLAND_DISPLAY are unset); starting the Liaison web host instead.',
    });
  });
});

describe('summarizeDownloadFailure', () => {
  it('keeps the first line of the error, trimmed', () => {
    const stack = 'RequestError: getaddrinfo ENOTFOUND github.com\n    at ClientRequest.<anonymous> (x.js:1:1)\n';
    expect(summarizeDownloadFailure(stack, false)).toBe(
      'downloading Electron failed: RequestError: getaddrinfo ENOTFOUND github.com',
    );
    expect(summarizeDownloadFailure(`\n${'x'.repeat(500)}`, false).length).toBeLessThan(160);
    expect(summarizeDownloadFailure('', false)).toBe('downloading Electron failed');
  });

  it('says when it timed out', () => {
    expect(summarizeDownloadFailure('partial', true)).toBe('downloading Electron timed out after 60s');
  });
});

describe('importing the launcher', () => {
  it('launches nothing', async () => {
    const log = vi.spyOn(console, 'log');
    vi.resetModules();
    await import('./start');
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });
});

/**
 * The launcher as `npm start` runs it: copied into a fake project (out/main/start.ts beside a stub
 * web.js), run by this Node, which strips the types itself. Stubs stand in for Electron's binary
 * and installer, so each path is exercised for real without a network or a display.
 */
describe.skipIf(process.platform === 'win32')('the launcher, run', () => {
  let project: string;
  const electronDir = () => join(project, 'node_modules', 'electron');

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'liaison-start-'));
    mkdirSync(join(project, 'out', 'main'), { recursive: true });
    mkdirSync(electronDir(), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{"type":"module"}');
    copyFileSync(join(import.meta.dirname, 'start.ts'), join(project, 'out', 'main', 'start.ts'));
    writeFileSync(
      join(project, 'out', 'main', 'web.js'),
      'console.log("web host", JSON.stringify(process.argv.slice(2)));',
    );
    writeFileSync(join(electronDir(), 'package.json'), '{}');
    writeFileSync(
      join(electronDir(), 'install.js'),
      'console.error("RequestError: getaddrinfo ENOTFOUND github.com\\n    at x"); process.exit(1);',
    );
    mkdirSync(join(project, 'bin'));
    writeFileSync(join(project, 'bin', 'electron'), '#!/bin/sh\necho "electron in $(pwd): $*"\nexit 7\n');
    chmodSync(join(project, 'bin', 'electron'), 0o755);
    mkdirSync(join(project, 'broken'));
    writeFileSync(join(project, 'broken', 'electron'), 'not executable');
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  function launch(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string }> {
    const cleanEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...env };
    return new Promise((done) => {
      execFile(
        process.execPath,
        [join(project, 'out', 'main', 'start.ts'), ...args],
        { env: cleanEnv, cwd: project, timeout: 15_000 },
        (error, stdout) => done({ code: typeof error?.code === 'number' ? error.code : 0, stdout }),
      );
    });
  }

  it('tries one download, then says why in one line and starts the web host with the arguments', async () => {
    const { code, stdout } = await launch(['--port', '8080'], { DISPLAY: ':99' });
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([
      fallbackNotice('downloading Electron failed: RequestError: getaddrinfo ENOTFOUND github.com'),
      'web host ["--port","8080"]',
    ]);
  });

  it('starts the web host when asked, without a notice and without --web', async () => {
    const { stdout } = await launch(['--web', '--port', '1'], { DISPLAY: ':99' });
    expect(stdout.trim()).toBe('web host ["--port","1"]');
  });

  it('runs an available Electron on the project root and passes its exit code through', async () => {
    const { code, stdout } = await launch(['--flag'], {
      DISPLAY: ':99',
      ELECTRON_OVERRIDE_DIST_PATH: join(project, 'bin'),
    });
    expect(stdout.trim()).toMatch(/^electron in .*liaison-start-\w+: \. --flag$/);
    expect(code).toBe(7);
  });

  it('still serves the app when the binary is there but cannot be started', async () => {
    const { code, stdout } = await launch(['--port', '2'], {
      DISPLAY: ':99',
      ELECTRON_OVERRIDE_DIST_PATH: join(project, 'broken'),
    });
    const [notice, web] = stdout.trim().split('\n');
    expect(notice).toMatch(
      /^Electron is not available here \(spawn .*EACCES\); starting the Liaison web host instead\.$/,
    );
    expect(web).toBe('web host ["--port","2"]');
    expect(code).toBe(0);
  });
});
