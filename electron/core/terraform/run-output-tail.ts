import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputStream } from './parse-terraform-line';

/** The files of one detached Terraform step: its output, how far Liaison has read it, its exit status. */
export function runFiles(stepDir: string): { stdout: string; stderr: string; exit: string; offsets: string } {
  return {
    stdout: join(stepDir, 'stdout'),
    stderr: join(stepDir, 'stderr'),
    exit: join(stepDir, 'exit-status'),
    offsets: join(stepDir, 'read-offsets'),
  };
}

/** The exit status the supervisor wrote, or undefined while Terraform runs (or if it was killed). */
export function readExitStatus(stepDir: string): number | undefined {
  const file = runFiles(stepDir).exit;
  if (!existsSync(file)) return undefined;
  const status = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
  return Number.isInteger(status) ? status : undefined;
}

const POLL_MS = 25;

/**
 * Follows a step's stdout and stderr files line by line, as `tail -f` would. Terraform writes to files,
 * not to pipes, so it never dies of SIGPIPE when Liaison does; how far Liaison has read is kept beside
 * them, so a restarted Liaison carries on where the last one stopped (the lines read in the instant
 * before a crash may be missing from the run's log; the outcome never is). Polling: fs.watch is
 * unreliable across platforms. Every 25 ms, so lines are handled while Terraform runs rather than in
 * one batch after it exits (that batch adds to the run's time); a poll that finds nothing costs two
 * opens and reads.
 */
export class RunOutputTail {
  readonly #files: ReturnType<typeof runFiles>;
  readonly #offsets: Record<OutputStream, number>;
  readonly #pending: Record<OutputStream, string> = { stdout: '', stderr: '' };
  #timer: NodeJS.Timeout | undefined;

  constructor(
    stepDir: string,
    private readonly onLine: (line: string, stream: OutputStream) => void,
  ) {
    this.#files = runFiles(stepDir);
    this.#offsets = readOffsets(this.#files.offsets);
  }

  start(): void {
    this.#timer = setInterval(() => this.readAvailable(), POLL_MS);
  }

  /** Delivers every complete line written so far. */
  readAvailable(): void {
    let moved = false;
    for (const stream of ['stdout', 'stderr'] as const) {
      const chunk = readFrom(this.#files[stream], this.#offsets[stream]);
      if (chunk.length === 0) continue;
      moved = true;
      this.#offsets[stream] += chunk.length;
      const parts = (this.#pending[stream] + chunk.toString('utf8')).split('\n');
      this.#pending[stream] = parts.pop() ?? '';
      for (const part of parts) this.onLine(part.endsWith('\r') ? part.slice(0, -1) : part, stream);
    }
    if (moved) {
      const pendingBytes = (stream: OutputStream) => Buffer.byteLength(this.#pending[stream]);
      const saved = `${this.#offsets.stdout - pendingBytes('stdout')} ${this.#offsets.stderr - pendingBytes('stderr')}`;
      writeFileSync(`${this.#files.offsets}.tmp`, saved);
      renameSync(`${this.#files.offsets}.tmp`, this.#files.offsets);
    }
  }

  /** Stops following and delivers the rest, an unterminated last line included. */
  finish(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.readAvailable();
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.#pending[stream] !== '') this.onLine(this.#pending[stream], stream);
      this.#pending[stream] = '';
    }
  }
}

function readOffsets(file: string): Record<OutputStream, number> {
  if (!existsSync(file)) return { stdout: 0, stderr: 0 };
  const [stdout = 0, stderr = 0] = readFileSync(file, 'utf8').trim().split(' ').map(Number);
  return { stdout: Number.isFinite(stdout) ? stdout : 0, stderr: Number.isFinite(stderr) ? stderr : 0 };
}

function readFrom(file: string, offset: number): Buffer {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch {
    return Buffer.alloc(0);
  }
  try {
    const chunks: Buffer[] = [];
    let position = offset;
    for (;;) {
      const buffer = Buffer.alloc(64 * 1024);
      const read = readSync(descriptor, buffer, 0, buffer.length, position);
      if (read === 0) break;
      chunks.push(buffer.subarray(0, read));
      position += read;
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(descriptor);
  }
}
