import { spawn } from 'node:child_process';
import type { OutputStream } from './parse-terraform-line';

export interface ProcessExit {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the program could not be started at all (ENOENT, EACCES, …). */
  spawnError?: string;
}

export type StopEscalation = 'none' | 'SIGINT' | 'SIGTERM' | 'SIGKILL';

export interface StopTimeouts {
  /** How long Terraform gets after the interrupt to finish in-flight operations and unlock. */
  interruptMs: number;
  /** How long after SIGTERM (Terraform's "second interrupt": exit now) before SIGKILL. */
  terminateMs: number;
}

export interface TerraformProcess {
  readonly pid: number | undefined;
  /** Resolves once the process has exited and every line of its output has been delivered. */
  readonly exited: Promise<ProcessExit>;
  /** Interrupts as Ctrl-C does, escalating only after each timeout; resolves with the last signal sent. */
  stop(timeouts: StopTimeouts): Promise<StopEscalation>;
}

/**
 * Runs one Terraform command in its own process group, so an interrupt reaches Terraform and its
 * plugins together, exactly as Ctrl-C in a terminal does. Output is delivered line by line.
 */
export function startTerraformProcess(options: {
  binary: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string>;
  onLine: (line: string, stream: OutputStream) => void;
}): TerraformProcess {
  const groups = process.platform !== 'win32';
  const child = spawn(options.binary, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: groups,
    windowsHide: true,
  });
  const flushers = (['stdout', 'stderr'] as const).map((stream) => splitLines(child[stream], stream, options.onLine));
  let spawnError: string | undefined;
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error) => {
      spawnError = error.message;
      // 'close' does not follow an error from spawn itself (no process ever existed).
      if (child.pid === undefined) resolve({ exitCode: null, signal: null, spawnError });
    });
    child.once('close', (exitCode, signal) => {
      for (const flush of flushers) flush();
      resolve({ exitCode, signal, ...(spawnError === undefined ? {} : { spawnError }) });
    });
  });
  let done = false;
  void exited.then(() => (done = true));

  const signal = (name: NodeJS.Signals): void => {
    if (done || child.pid === undefined) return;
    try {
      if (groups) process.kill(-child.pid, name);
      else child.kill(name);
    } catch (error) {
      // ESRCH: the group is already gone, which is what we wanted.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };
  const exitedWithin = (ms: number): Promise<boolean> =>
    Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref()),
    ]);

  return {
    pid: child.pid,
    exited,
    stop: async (timeouts) => {
      if (done) return 'none';
      signal('SIGINT');
      if (await exitedWithin(timeouts.interruptMs)) return 'SIGINT';
      signal('SIGTERM');
      if (await exitedWithin(timeouts.terminateMs)) return 'SIGTERM';
      signal('SIGKILL');
      await exited;
      return 'SIGKILL';
    },
  };
}

/** Calls `onLine` for each complete line; the returned function delivers a final unterminated line. */
function splitLines(
  source: NodeJS.ReadableStream,
  stream: OutputStream,
  onLine: (line: string, stream: OutputStream) => void,
): () => void {
  let pending = '';
  source.setEncoding('utf8');
  source.on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) onLine(part.endsWith('\r') ? part.slice(0, -1) : part, stream);
  });
  return () => {
    if (pending !== '') onLine(pending, stream);
    pending = '';
  };
}
