import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api';
import type { CallResult } from '../../shared/errors';
import { createCore, type Core, type CoreOptions } from '../../electron/core/core';
import { dispatchCall } from '../../electron/core/dispatch';
import { createLogger } from '../../electron/core/logger';
import type { HostPlatform } from '../../electron/core/platform';

export interface TestCore {
  core: Core;
  dataDir: string;
  /** Everything the core logged, one JSON line each. */
  logs: string[];
  /** A call through the contract, as either transport makes it; a failed call throws with its typed error. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** The same call's envelope, for tests of failures. */
  callResult<M extends MethodName>(method: M, input: MethodInput<M>): Promise<CallResult<MethodOutput<M>>>;
  /** Closes the core and removes its data directory. */
  dispose(): void;
}

/** A real core on a temporary data directory, for tests; logs are captured instead of printed. */
export function createTestCore(
  platform: Partial<HostPlatform> = {},
  dataDir: string = mkdtempSync(join(tmpdir(), 'liaison-core-')),
  { logLevel, ...options }: Pick<CoreOptions, 'env' | 'now' | 'role'> & { logLevel?: string } = {},
): TestCore {
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
    logger: createLogger({ destination, ...(logLevel === undefined ? {} : { level: logLevel }) }),
    version: '0.0.0-test',
    ...options,
  });
  const callResult = <M extends MethodName>(method: M, input: MethodInput<M>) =>
    dispatchCall(core, method, input) as Promise<CallResult<MethodOutput<M>>>;
  return {
    core,
    dataDir,
    logs,
    callResult,
    call: async (method, input) => {
      const result = await callResult(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    dispose: () => {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
