import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputStream } from './parse-terraform-line';

/** The files of one detached Terraform run: its output, how far Liaison has read it, its exit status. */
export function runFiles(runDir: string): { stdout: string; stderr: string; exit: string; offsets: string } {
  return {
    stdout: join(runDir, 'stdout'),
    stderr: join(runDir, 'stderr'),
    exit: join(runDir, 'exit-status'),
    offsets: join(runDir, 'read-offsets'),
  };
}

/**
 * What the supervisor appends to each output file after each step: a line of the ASCII record
 * separator and the step's exit status (see SUPERVISOR in terraform-process.ts). A step's output that
 * ended without a newline gets it at the end of its last line. Terraform's JSON lines never hold a raw
 * control character (JSON escapes them), so nothing Terraform prints reads as one.
 */
const STEP_END = '\u001e';
const STEP_STATUS = /^\d{1,3}$/;

/** The exit status the supervisor wrote, or undefined while Terraform runs (or if it was killed). */
export function readExitStatus(runDir: string): number | undefined {
  const file = runFiles(runDir).exit;
  if (!existsSync(file)) return undefined;
  const status = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
  return Number.isInteger(status) ? status : undefined;
}

const POLL_MS = 25;
const NEWLINE = 0x0a;
/** Wide enough for any file size, so every record has the same length and overwrites the last whole. */
const OFFSET_DIGITS = 16;
const STREAMS = ['stdout', 'stderr'] as const;

/** What a tail has done, for tests that check it reads each byte once and saves its place cheaply. */
export interface TailCounts {
  /** Bytes read from the output files, in all. */
  bytesRead: number;
  /** Saves of the read offsets (each one positional write). */
  offsetSaves: number;
}

/**
 * Follows a step's stdout and stderr files line by line, as `tail -f` would. Terraform writes to files,
 * not to pipes, so it never dies of SIGPIPE when Liaison does; how far Liaison has read is kept beside
 * them, so a restarted Liaison carries on where the last one stopped (the lines read in the instant
 * before a crash may be missing from the run's log; the outcome never is). Polling: fs.watch is
 * unreliable across platforms. Every 25 ms, so lines are handled while Terraform runs rather than in
 * one batch after it exits (that batch adds to the run's time).
 *
 * A poll costs one fstat per stream and one read of exactly the new bytes: the files stay open, and
 * nothing is read twice. The offsets are saved by one positional write of a fixed-width record into a
 * file kept open: no temporary file and rename, which on ext4 also starts writeback of the new file
 * (its replace-by-rename heuristic) and cost about 100 ms of Liaison's main thread per plan + apply.
 * A process that dies leaves either the old record or the new one (a write of a few bytes at one
 * position is never half-done for another reader while the machine stays up).
 */
export class RunOutputTail {
  readonly #files: ReturnType<typeof runFiles>;
  readonly #offsets: Record<OutputStream, number>;
  /** Bytes after the last newline read so far: split at a byte, so a UTF-8 character is never cut. */
  readonly #pending: Record<OutputStream, Buffer> = { stdout: Buffer.alloc(0), stderr: Buffer.alloc(0) };
  readonly #descriptors = new Map<OutputStream | 'offsets', number>();
  #timer: NodeJS.Timeout | undefined;
  readonly counts: TailCounts = { bytesRead: 0, offsetSaves: 0 };

  /**
   * `keepsPlace`: save how far it has read, for a restarted Liaison to carry on from. Only a run a
   * restart takes up again (an apply) needs it; for any other, the offsets would be a file created and
   * written on every poll for nothing. `onStepEnd`: each step-end line (see STEP_END), never a line.
   */
  constructor(
    runDir: string,
    private readonly onLine: (line: string, stream: OutputStream) => void,
    private readonly keepsPlace = true,
    private readonly onStepEnd?: (stream: OutputStream, status: number) => void,
  ) {
    this.#files = runFiles(runDir);
    this.#offsets = keepsPlace ? readOffsets(this.#files.offsets) : { stdout: 0, stderr: 0 };
  }

  start(): void {
    this.#timer = setInterval(() => this.readAvailable(), POLL_MS);
  }

  /** Delivers every complete line written so far. */
  readAvailable(): void {
    let moved = false;
    for (const stream of STREAMS) {
      const chunk = this.#readNew(stream);
      if (chunk.length === 0) continue;
      moved = true;
      this.#offsets[stream] += chunk.length;
      this.counts.bytesRead += chunk.length;
      const bytes = this.#pending[stream].length === 0 ? chunk : Buffer.concat([this.#pending[stream], chunk]);
      const end = bytes.lastIndexOf(NEWLINE);
      if (end === -1) {
        this.#pending[stream] = bytes;
        continue;
      }
      this.#pending[stream] = bytes.subarray(end + 1);
      for (const part of bytes.toString('utf8', 0, end).split('\n')) this.#deliver(part, stream);
    }
    if (moved && this.keepsPlace) this.#saveOffsets();
  }

  /** Stops following and delivers the rest, an unterminated last line included. */
  finish(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    try {
      this.readAvailable();
      for (const stream of STREAMS) {
        if (this.#pending[stream].length > 0) this.#deliver(this.#pending[stream].toString('utf8'), stream);
        this.#pending[stream] = Buffer.alloc(0);
      }
    } finally {
      // The files stay open between polls: closed even when delivering the last lines throws.
      for (const descriptor of this.#descriptors.values()) closeSync(descriptor);
      this.#descriptors.clear();
    }
  }

  #deliver(part: string, stream: OutputStream): void {
    const line = part.endsWith('\r') ? part.slice(0, -1) : part;
    const marker = line.lastIndexOf(STEP_END);
    const status = marker === -1 ? '' : line.slice(marker + 1);
    if (!STEP_STATUS.test(status)) {
      this.onLine(line, stream);
      return;
    }
    if (marker > 0) this.onLine(line.slice(0, marker), stream);
    this.onStepEnd?.(stream, Number(status));
  }

  /** Exactly the bytes written since the last read (none if the file does not exist yet). */
  #readNew(stream: OutputStream): Buffer {
    const descriptor = this.#open(stream);
    if (descriptor === undefined) return Buffer.alloc(0);
    const available = fstatSync(descriptor).size - this.#offsets[stream];
    if (available <= 0) return Buffer.alloc(0);
    const buffer = Buffer.allocUnsafe(available);
    let filled = 0;
    while (filled < available) {
      const read = readSync(descriptor, buffer, filled, available - filled, this.#offsets[stream] + filled);
      if (read === 0) break;
      filled += read;
    }
    return buffer.subarray(0, filled);
  }

  #open(stream: OutputStream): number | undefined {
    const open = this.#descriptors.get(stream);
    if (open !== undefined) return open;
    try {
      const descriptor = openSync(this.#files[stream], 'r');
      this.#descriptors.set(stream, descriptor);
      return descriptor;
    } catch {
      return undefined;
    }
  }

  #saveOffsets(): void {
    // Saved up to the last complete line: a restarted tail delivers a line cut by the restart whole.
    const saved = STREAMS.map((stream) =>
      String(this.#offsets[stream] - this.#pending[stream].length).padStart(OFFSET_DIGITS, '0'),
    );
    try {
      let descriptor = this.#descriptors.get('offsets');
      if (descriptor === undefined) {
        descriptor = openSync(this.#files.offsets, constants.O_RDWR | constants.O_CREAT, 0o600);
        this.#descriptors.set('offsets', descriptor);
      }
      writeSync(descriptor, `${saved.join(' ')}\n`, 0);
      this.counts.offsetSaves += 1;
    } catch {
      // The step's directory is gone: another Liaison recorded the run's end and removed its files
      // while this one still followed them (the output files stay readable while open). The offsets
      // only serve a restart, and there is none to serve; a throw here would escape the poll timer.
    }
  }
}

function readOffsets(file: string): Record<OutputStream, number> {
  if (!existsSync(file)) return { stdout: 0, stderr: 0 };
  const [stdout = 0, stderr = 0] = readFileSync(file, 'utf8').trim().split(' ').map(Number);
  return { stdout: Number.isFinite(stdout) ? stdout : 0, stderr: Number.isFinite(stderr) ? stderr : 0 };
}
