import { Worker } from 'node:worker_threads';
import type { OutputStream } from './parse-terraform-line';

/**
 * Terraform's programs are started from one worker thread, not from the main thread. Why: Node
 * starts a program with fork + exec and blocks until the exec has happened. Forking a process the
 * size of Liaison's main process costs 5–10 ms on an idle machine and 30 ms or more when Terraform
 * already keeps the cores busy (the fork's child waits to be scheduled), and a fleet plan starts
 * three programs per workspace. On the main thread that time stalled every other run's progress,
 * the store and (in Electron) IPC. In the worker only the worker waits.
 *
 * No library does this; the worker's source is this fixed script, never built from input. Each
 * program gets an argument list and its environment as given (see buildTerraformEnv).
 */
const SPAWNER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const { openSync, closeSync } = require('node:fs');
const children = new Map();
parentPort.on('message', (message) => {
  if (message.type === 'kill') {
    const child = children.get(message.id);
    if (child) child.kill(message.signal);
    return;
  }
  const opened = [];
  let child;
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
  /** Files the program appends its output to (opened 0600), or pipes delivered to `onData`. */
  output: { stdout: string; stderr: string } | 'pipes';
  onData?: (stream: OutputStream, chunk: string) => void;
}

export interface SpawnedProgram {
  /** The pid once the program has started; undefined when it could not be started. */
  readonly started: Promise<number | undefined>;
  /** How it ended; `spawnError` when it never started (ENOENT, EACCES, …) or failed to be signalled. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; spawnError?: string }>;
  /** Signals the program itself (its group is signalled by pid, from any thread). */
  kill(signal: NodeJS.Signals): void;
}

type FromWorker =
  | { type: 'started'; id: number; pid: number | undefined }
  | { type: 'error'; id: number; message: string }
  | { type: 'data'; id: number; stream: OutputStream; chunk: string }
  | { type: 'exit'; id: number; code: number | null; signal: NodeJS.Signals | null };

interface Pending {
  request: SpawnRequest;
  spawnError: string | undefined;
  resolveStarted: (pid: number | undefined) => void;
  resolveExited: (exit: { code: number | null; signal: NodeJS.Signals | null; spawnError?: string }) => void;
}

class ProcessSpawner {
  #worker: Worker | undefined;
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

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(SPAWNER_SOURCE, { eval: true });
    worker.unref();
    worker.on('message', (message: FromWorker) => this.#receive(message));
    // The worker only dies with a bug in the script above: every program still waiting is told so.
    const lost = (why: string) => {
      if (this.#worker === worker) this.#worker = undefined;
      for (const id of [...this.#pending.keys()]) this.#end(id, { code: null, signal: null, spawnError: why });
    };
    worker.on('error', (error) => lost(`The process spawner failed: ${error.message}`));
    worker.on('exit', (code) => lost(`The process spawner stopped (exit ${code}).`));
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

  #end(id: number, exit: { code: number | null; signal: NodeJS.Signals | null; spawnError?: string }): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    if (pending.request.output === 'pipes') this.#hold(-1);
    pending.resolveStarted(undefined);
    pending.resolveExited(exit);
  }

  #hold(delta: number): void {
    this.#holding += delta;
    if (this.#holding > 0) this.#worker?.ref();
    else this.#worker?.unref();
  }
}

const spawner = new ProcessSpawner();

/** Starts a program from the spawner thread (see SPAWNER_SOURCE for why). */
export function spawnProgram(request: SpawnRequest): SpawnedProgram {
  return spawner.spawn(request);
}
