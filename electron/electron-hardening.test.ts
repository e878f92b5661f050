import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it, vi } from 'vitest';

// window.ts imports electron, whose entry would try to download the binary: nothing of it is used here.
vi.mock('electron', () => ({ BrowserWindow: {}, nativeTheme: {} }));
const { secureWebPreferences } = await import('./window');

const ROOT = resolve(import.meta.dirname, '..');

/** Electron's security checklist, the parts that live in configuration rather than in code paths. */
describe('the packaged app: Electron fuses', () => {
  const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
    electronFuses?: Record<string, boolean>;
    asar?: boolean;
  };

  it('flips every fuse that turns the app into a general-purpose runtime, and no other', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the window: no experimental or Blink features', () => {
  it('sets neither experimentalFeatures nor enableBlinkFeatures in its preferences', () => {
    const preferences = secureWebPreferences('/app/out/preload/preload.cjs') as Record<string, unknown>;
    expect(preferences).not.toHaveProperty('experimentalFeatures');
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('names them nowhere in the app source, so no other window or view can turn them on', () => {
    const offenders = [...sourceFiles(join(ROOT, 'electron')), ...sourceFiles(join(ROOT, 'renderer'))].filter((file) =>
      /experimentalFeatures|enableBlinkFeatures|--enable-blink-features|--enable-experimental-web-platform-features/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

describe('Electron itself', () => {
  it('is a 45.x release (Node 24, as the project pins), the same in package.json, the lockfile and node_modules', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
      version: string;
    };
    const locked = lock.packages['node_modules/electron']?.version;
    expect(pkg.devDependencies.electron).toMatch(/^\^45\.\d+\.\d+$/);
    expect(locked).toBe(installed.version);
    expect(locked).toMatch(/^45\./);
    // The lockfile holds at least the version package.json asks for.
    const wanted = (pkg.devDependencies.electron ?? '').slice(1).split('.').map(Number);
    const have = (locked ?? '').split('.').map(Number);
    expect(have[1]! * 1000 + have[2]!).toBeGreaterThanOrEqual(wanted[1]! * 1000 + wanted[2]!);
  });
});
