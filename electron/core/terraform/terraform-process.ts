import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { constants } from 'node:os';
import type { OutputStream } from './parse-terraform-line';
import { readExitStatus, RunOutputTail, runFiles } from './run-output-tail';

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
 * The supervisor: a fixed POSIX shell script (never built from input; the program and its arguments
 * arrive as "$@") that runs Terraform in the foreground and writes its exit status to a file. Why a
 * shell and not a Node script run by process.execPath: in the packaged app that is Electron, and the
 * runAsNode fuse is off, so it cannot run a script. The trap keeps the shell alive through Ctrl-C
 * (a caught signal is reset to the default in Terraform, which still gets it) so it can record how
 * Terraform ended, even when Liaison itself is gone.
 *
 * The status is written in place, with no temporary file and `mv`: that extra program cost a few
 * milliseconds per step, and a reader can only ever see the file absent, empty (being written: read
 * as "still running", see readExitStatus) or whole, since the few bytes go in one write.
 */
const SUPERVISOR = [
  'exit_file=$1',
  'shift',
  "trap ':' INT TERM HUP",
  '"$@"',
  'status=$?',
  `printf '%s\\n' "$status" > "$exit_file"`,
].join('\n');

/**
 * Runs one Terraform command in its own process group, so an interrupt reaches Terraform and its
 * plugins together, exactly as Ctrl-C in a terminal does. Output is delivered line by line.
 * With a `stepDir` (every POSIX run), Terraform outlives Liaison: it is detached, writes to files in
 * that directory rather than to pipes, and a supervisor records its exit status there.
 */
export function startTerraformProcess(options: {
  binary: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string>;
  onLine: (line: string, stream: OutputStream) => void;
  stepDir?: string | undefined;
}): TerraformProcess {
  const groups = process.platform !== 'win32';
  if (groups && options.stepDir !== undefined) return startDetached({ ...options, stepDir: options.stepDir });
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
  return control(child.pid, exited, (pid, name) => {
    if (groups) process.kill(-pid, name);
    else child.kill(name);
  });
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

function startDetached(options: {
  binary: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string>;
  onLine: (line: string, stream: OutputStream) => void;
  stepDir: string;
}): TerraformProcess {
  mkdirSync(options.stepDir, { recursive: true, mode: 0o700 });
  const files = runFiles(options.stepDir);
  const out = openSync(files.stdout, 'a', 0o600);
  const err = openSync(files.stderr, 'a', 0o600);
  const child = (() => {
    try {
      return spawn('/bin/sh', ['-c', SUPERVISOR, 'liaison-terraform', files.exit, options.binary, ...options.args], {
        cwd: options.cwd,
        env: options.env,
        stdio: ['ignore', out, err],
        detached: true,
      });
    } finally {
      closeSync(out);
      closeSync(err);
    }
  })();
  // Liaison may quit while Terraform runs: the child must not keep Liaison's event loop alive.
  child.unref();
  const tail = new RunOutputTail(options.stepDir, options.onLine);
  tail.start();
  let spawnError: string | undefined;
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error) => {
      spawnError = error.message;
      if (child.pid === undefined) {
        tail.finish();
        resolve({ exitCode: null, signal: null, spawnError });
      }
    });
    child.once('exit', (code, signal) => {
      tail.finish();
      const status = readExitStatus(options.stepDir);
      resolve({
        ...(status === undefined ? { exitCode: code, signal } : exitFromStatus(status)),
        ...(spawnError === undefined ? {} : { spawnError }),
      });
    });
  });
  return groupControl(child.pid, exited);
}

/**
 * Takes up a detached run a previous Liaison started: follows its files from where that one stopped,
 * and ends when the supervisor writes the exit status (or the process group is gone without one).
 */
export function attachTerraformProcess(options: {
  pid: number;
  stepDir: string;
  onLine: (line: string, stream: OutputStream) => void;
}): TerraformProcess {
  const tail = new RunOutputTail(options.stepDir, options.onLine);
  tail.start();
  const exited = new Promise<ProcessExit>((resolve) => {
    const check = (): void => {
      const status = readExitStatus(options.stepDir);
      if (status === undefined && isAlive(options.pid)) return;
      clearInterval(timer);
      tail.finish();
      resolve(status === undefined ? { exitCode: null, signal: null } : exitFromStatus(status));
    };
    const timer = setInterval(check, 200);
    check();
  });
  return groupControl(options.pid, exited);
}

function exitFromStatus(status: number): { exitCode: number | null; signal: NodeJS.Signals | null } {
  if (status <= 128) return { exitCode: status, signal: null };
  const name = Object.entries(constants.signals).find(([, number]) => number === status - 128)?.[0];
  return { exitCode: null, signal: (name as NodeJS.Signals | undefined) ?? null };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Signals the whole process group, escalating as `stop` documents. */
function groupControl(pid: number | undefined, exited: Promise<ProcessExit>): TerraformProcess {
  return control(pid, exited, (target, name) => process.kill(-target, name));
}

/** Stops a running process with `send`, escalating from an interrupt only after each timeout. */
function control(
  pid: number | undefined,
  exited: Promise<ProcessExit>,
  send: (pid: number, name: NodeJS.Signals) => void,
): TerraformProcess {
  let done = false;
  void exited.then(() => (done = true));
  const signal = (name: NodeJS.Signals): void => {
    if (done || pid === undefined) return;
    try {
      send(pid, name);
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
    pid,
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
