import { spawn, type Serializable } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import type { OutputStream } from './parse-terraform-line';

/**
 * Terraform's programs are started by a small helper process (a worker thread inside Electron), never
 * by Liaison's main thread. Why: Node starts a program with fork + exec. Forking a process the size of
 * Liaison's costs 5–10 ms and blocks until the exec, and afterwards every page the process writes is
 * copy-on-write once more: in a 50-workspace fleet plan (150 programs) that was 1.4 s of the main
 * thread's kernel time and most of Liaison's CPU, taken from Terraform on a busy machine. Forking a
 * small helper that does nothing else costs little and touches nothing of Liaison's.
 *
 * The helper is Node running the fixed script below (`node -e`, never built from input) with an
 * empty environment; it talks over the IPC channel and exits when Liaison goes (its detached programs
 * live on, as they always did). Inside Electron, process.execPath is Electron itself, which does not
 * run scripts (the runAsNode fuse is off), so the same script runs in a worker thread there: the main
 * thread still never waits for a fork, but the copy-on-write cost stays (an Electron utility process
 * would remove it; not done yet). No library does either. Each program gets an argument list and its
 * environment as given (see buildTerraformEnv).
 */
const SPAWNER_SOURCE = `
// In a worker thread, the parent port; in a helper process, the IPC channel (gone: Liaison is gone).
const parentPort = require('node:worker_threads').parentPort ?? {
  on: (event, listener) => process.on(event, listener),
  // Liaison gone mid-send (EPIPE): nothing to tell; the disconnect handler ends the helper.
  postMessage: (message) => process.send(message, undefined, {}, () => {}),
};
if (!require('node:worker_threads').parentPort) process.on('disconnect', () => process.exit(0));
const { spawn } = require('node:child_process');
const { openSync, closeSync, writeFileSync } = require('node:fs');
const os = require('node:os');
// A program inherits its niceness from the thread that forks it, so lowering this thread once spares
// running \`nice\` (one more exec) before every program. Linux keeps a niceness per thread, so a worker
// thread inside Electron may; elsewhere only the helper process does (see spawnerLowersItself).
const lowersItself = !require('node:worker_threads').parentPort || process.platform === 'linux';
const startNiceness = os.getPriority();
function lowerItself(niceness) {
  const target = Math.min(19, startNiceness + niceness);
  try {
    if (lowersItself && os.getPriority() < target) os.setPriority(target);
  } catch {
    // Not allowed here: the program runs at Liaison's priority, as it would without \`nice\`.
  }
}
const children = new Map();
// Programs run side by side (a fleet at concurrency 16) each lead a session, and the CPU is shared
// between sessions first: sixteen sessions at nice 10 weigh sixteen times one, more than the browser
// drawing the board. So each new session is lowered by how many run at once, and together they weigh
// about what one run does (a nice level is a factor of 1.25 in the kernel's weights), down to 19.
let sessions = 0;
function sessionNiceness(base) {
  return Math.min(19, base + Math.round(Math.log(sessions) / Math.log(1.25)));
}
// Without CAP_SYS_ADMIN the kernel takes one autogroup write per 100 ms on the whole system and says
// EAGAIN to the others (kernel/sched/autogroup.c), so a fleet starting 16 runs at once retries.
function lowerSession(child, niceness, tries) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    writeFileSync('/proc/' + child.pid + '/autogroup', String(niceness));
  } catch (error) {
    if (error.code === 'EAGAIN' && tries > 1) setTimeout(() => lowerSession(child, niceness, tries - 1), 110);
  }
}
parentPort.on('message', (message) => {
  if (message.type === 'kill') {
    const child = children.get(message.id);
    if (child) child.kill(message.signal);
    return;
  }
  const opened = [];
  let child;
  if (message.niceness) lowerItself(message.niceness);
  try {
    const stdio = message.output === 'pipes'
      ? ['ignore', 'pipe', 'pipe']
      : ['ignore', ...[message.output.stdout, message.output.stderr].map((path) => {
          const fd = openSync(path, 'a', 0o600);
          opened.push(fd);
          return fd;
        })];
    child = spawn(message.file, message.args, {
      cwd: message.cwd,
      env: message.env,
      stdio,
      detached: message.detached,
      windowsHide: true,
    });
  } catch (error) {
    parentPort.postMessage({ type: 'error', id: message.id, message: String(error && error.message || error) });
    parentPort.postMessage({ type: 'started', id: message.id, pid: undefined });
    return;
  } finally {
    for (const fd of opened) closeSync(fd);
  }
  const id = message.id;
  if (child.pid === undefined) {
    // Not started (ENOENT, EACCES, …): the reason comes as an 'error' event.
    child.once('error', (error) => {
      parentPort.postMessage({ type: 'error', id, message: error.message });
      parentPort.postMessage({ type: 'started', id, pid: undefined });
    });
    return;
  }
  // A detached program leads a session of its own, and on Linux with autogroup scheduling the CPU is
  // shared between sessions first: its own nice value counts only inside its session, so the
  // session's is lowered too (owner-writable; a system without it just says no).
  if (message.detached && message.niceness && process.platform === 'linux') {
    sessions += 1;
    child.once('exit', () => (sessions -= 1));
    lowerSession(child, sessionNiceness(message.niceness), 50);
  }
  children.set(id, child);
  child.on('error', (error) => parentPort.postMessage({ type: 'error', id, message: error.message }));
  parentPort.postMessage({ type: 'started', id, pid: child.pid });
  if (message.output === 'pipes') {
    for (const stream of ['stdout', 'stderr']) {
      child[stream].setEncoding('utf8');
      child[stream].on('data', (chunk) => parentPort.postMessage({ type: 'data', id, stream, chunk }));
    }
  }
  // With pipes, 'close' comes after the last output; with files, the exit is the end.
  child.once(message.output === 'pipes' ? 'close' : 'exit', (code, signal) => {
    children.delete(id);
    parentPort.postMessage({ type: 'exit', id, code, signal });
  });
});
`;

export interface SpawnRequest {
  file: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string>;
  detached: boolean;
  /**
   * Run the program this much below Liaison's priority, where the spawner can lower itself (see
   * spawnerLowersItself); and lower a detached program's session to this nice value (Linux autogroup
   * scheduling), further while others run side by side (see sessionNiceness in the spawner's script).
   */
  niceness?: number;
  /** Files the program appends its output to (opened 0600), or pipes delivered to `onData`. */
  output: { stdout: string; stderr: string } | 'pipes';
  onData?: (stream: OutputStream, chunk: string) => void;
}

export interface SpawnedProgram {
  /** The pid once the program has started; undefined when it could not be started. */
  readonly started: Promise<number | undefined>;
  /**
   * How it ended; `spawnError` when it never started (ENOENT, EACCES, …) or failed to be signalled;
   * `lost` when the spawner died first, so how the program ended is unknown here (a detached one may
   * still be running).
   */
  readonly exited: Promise<ProgramExit>;
  /** Signals the program itself (its group is signalled by pid, from any thread). */
  kill(signal: NodeJS.Signals): void;
}

type FromWorker =
  | { type: 'started'; id: number; pid: number | undefined }
  | { type: 'error'; id: number; message: string }
  | { type: 'data'; id: number; stream: OutputStream; chunk: string }
  | { type: 'exit'; id: number; code: number | null; signal: NodeJS.Signals | null };

export interface ProgramExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  spawnError?: string;
  lost?: true;
}

interface Pending {
  request: SpawnRequest;
  spawnError: string | undefined;
  resolveStarted: (pid: number | undefined) => void;
  resolveExited: (exit: ProgramExit) => void;
}

/** The spawner script's side of the conversation: a worker thread or a helper process. */
interface SpawnerChannel {
  postMessage(message: unknown): void;
  onMessage(listener: (message: FromWorker) => void): void;
  /** Called once if the spawner dies (only a bug in its script, or someone killing it). */
  onLost(listener: (why: string) => void): void;
  /** Whether the channel keeps Liaison's event loop alive. */
  hold(held: boolean): void;
  /** The helper process's pid (undefined for a worker thread). */
  readonly pid: number | undefined;
}

function helperProcess(): SpawnerChannel {
  const child = spawn(process.execPath, ['-e', SPAWNER_SOURCE], {
    // Nothing of Liaison's environment: each program gets its own with its request.
    env: process.platform === 'win32' ? { SystemRoot: process.env.SystemRoot ?? 'C:\\Windows' } : {},
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    windowsHide: true,
  });
  child.unref();
  const channel = (held: boolean) => {
    // The IPC channel is a handle of its own (typed loosely by @types/node).
    const handle = (child as unknown as { channel?: { ref(): void; unref(): void } }).channel;
    if (held) handle?.ref();
    else handle?.unref();
  };
  channel(false);
  return {
    postMessage: (message) => child.send(message as Serializable),
    onMessage: (listener) => child.on('message', (message) => listener(message as FromWorker)),
    onLost: (listener) => {
      child.once('error', (error) => listener(`The process spawner failed: ${error.message}`));
      child.once('exit', (code, signal) => listener(`The process spawner stopped (${signal ?? `exit ${code}`}).`));
    },
    hold: channel,
    pid: child.pid,
  };
}

function workerThread(): SpawnerChannel {
  const worker = new Worker(SPAWNER_SOURCE, { eval: true });
  worker.unref();
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onLost: (listener) => {
      worker.once('error', (error) => listener(`The process spawner failed: ${error.message}`));
      worker.once('exit', (code) => listener(`The process spawner stopped (exit ${code}).`));
    },
    hold: (held) => (held ? worker.ref() : worker.unref()),
    pid: undefined,
  };
}

class ProcessSpawner {
  #worker: SpawnerChannel | undefined;

  get pid(): number | undefined {
    return this.#worker?.pid;
  }

  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  /** Programs on pipes keep Liaison alive until they end, as a child on pipes does; detached ones never do. */
  #holding = 0;

  spawn(request: SpawnRequest): SpawnedProgram {
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    let resolveStarted!: Pending['resolveStarted'];
    let resolveExited!: Pending['resolveExited'];
    const started = new Promise<number | undefined>((resolve) => (resolveStarted = resolve));
    const exited = new Promise<Parameters<Pending['resolveExited']>[0]>((resolve) => (resolveExited = resolve));
    this.#pending.set(id, { request, spawnError: undefined, resolveStarted, resolveExited });
    if (request.output === 'pipes') this.#hold(+1);
    const { onData: _onData, ...message } = request;
    worker.postMessage({ type: 'spawn', id, ...message, args: [...message.args] });
    return {
      started,
      exited,
      kill: (signal) => this.#worker?.postMessage({ type: 'kill', id, signal }),
    };
  }

  #ensureWorker(): SpawnerChannel {
    if (this.#worker) return this.#worker;
    const worker = process.versions.electron === undefined ? helperProcess() : workerThread();
    worker.onMessage((message) => this.#receive(message));
    // Every program still waiting is told so; the next spawn starts a new spawner.
    worker.onLost((why) => {
      if (this.#worker === worker) this.#worker = undefined;
      for (const id of [...this.#pending.keys()])
        this.#end(id, { code: null, signal: null, spawnError: why, lost: true });
    });
    if (this.#holding > 0) worker.hold(true);
    this.#worker = worker;
    return worker;
  }

  #receive(message: FromWorker): void {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    switch (message.type) {
      case 'started':
        pending.resolveStarted(message.pid);
        if (message.pid === undefined) {
          this.#end(message.id, { code: null, signal: null, spawnError: pending.spawnError ?? 'not started' });
        }
        break;
      case 'error':
        pending.spawnError = message.message;
        break;
      case 'data':
        pending.request.onData?.(message.stream, message.chunk);
        break;
      case 'exit':
        this.#end(message.id, {
          code: message.code,
          signal: message.signal,
          ...(pending.spawnError === undefined ? {} : { spawnError: pending.spawnError }),
        });
        break;
    }
  }

  #end(id: number, exit: ProgramExit): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    if (pending.request.output === 'pipes') this.#hold(-1);
    pending.resolveStarted(undefined);
    pending.resolveExited(exit);
  }

  #hold(delta: number): void {
    this.#holding += delta;
    this.#worker?.hold(this.#holding > 0);
  }
}

const spawner = new ProcessSpawner();

/**
 * Whether programs started with a `niceness` run that much lower without help: the spawner lowers its
 * own thread, which every program it forks inherits. True for the helper process (plain Node, the web
 * host) and for the worker thread on Linux (a niceness per thread); inside Electron elsewhere, setting
 * it would lower all of Liaison, so there the caller runs `nice` itself.
 */
export const spawnerLowersItself = process.versions.electron === undefined || process.platform === 'linux';

/** The spawner's helper process, if one runs (for diagnostics and tests). */
export function spawnerProcessId(): number | undefined {
  return spawner.pid;
}

/** Starts a program from the spawner thread (see SPAWNER_SOURCE for why). */
export function spawnProgram(request: SpawnRequest): SpawnedProgram {
  return spawner.spawn(request);
}
