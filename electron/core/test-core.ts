import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createCore, type Core } from './core';
import { createLogger } from './logger';
import type { HostPlatform } from './platform';

/** A real core on a temporary data directory, for tests; logs are captured instead of printed. */
export function createTestCore(
  platform: Partial<HostPlatform> = {},
  dataDir: string = mkdtempSync(join(tmpdir(), 'liaison-core-')),
): {
  core: Core;
  dataDir: string;
  logs: string[];
  dispose(): void;
} {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const core = createCore({
    platform: {
      host: 'web',
      openExternal: () => Promise.resolve('navigate'),
      notify: () => 'toast',
      // An operator who allows every program they set; tests of the confirmation pass their own.
      confirmProgram: () => Promise.resolve('confirmed'),
      ...platform,
    },
    dataDir,
    logger: createLogger({ destination }),
    version: '0.0.0-test',
  });
  return {
    core,
    dataDir,
    logs,
    dispose: () => {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
