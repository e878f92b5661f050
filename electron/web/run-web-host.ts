import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../core/core';
import { CoreError } from '../core/core-error';
import { launchTokenPlatform } from './launch-token-platform';
import { startWebHost } from './server';

/** `npm run web [-- --port N]`: the core plus the loopback web transport, until SIGINT/SIGTERM. */
export async function runWebHost(argv: string[] = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log('Usage: npm run web [-- --port N]   (LIAISON_PORT and LIAISON_DATA_DIR also apply)');
    return;
  }
  const port = parsePort(values.port ?? process.env.LIAISON_PORT);
  // The launch token both opens a session and confirms the programs set in Settings.
  const token = randomBytes(24).toString('base64url');
  let core: Core;
  try {
    core = createCore({ platform: launchTokenPlatform(token), version: readVersion() });
  } catch (error) {
    exitWith(error);
  }
  const host = await startWebHost({ core, port, token, staticDir: join(import.meta.dirname, '../renderer') }).catch(
    (error: unknown) => {
      core.close();
      exitWith(error);
    },
  );
  console.log(`Liaison is running at ${host.url}`);
  console.log(`Data: ${core.dataDir}   Stop with Ctrl+C.`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}; stopping Liaison.`);
    void host
      .close()
      .finally(() => core.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`Invalid port "${raw}": use a number from 1 to 65535 (or 0 for a free port).`);
    process.exit(2);
  }
  return port;
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function exitWith(error: unknown): never {
  if (error instanceof CoreError) {
    console.error(`Liaison cannot start: ${error.message}`);
    if (error.remediation) console.error(error.remediation);
  } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(
      `Liaison cannot start: the port is already in use. Pick another with --port, or omit it for a free one.`,
    );
  } else {
    console.error(`Liaison cannot start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}

await runWebHost();
