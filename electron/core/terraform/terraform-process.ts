import { mkdirSync, readFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import type { OutputStream } from './parse-terraform-line';
import { spawnerLowersItself, spawnProgram } from './process-spawner';
import { isExecutable } from './terraform-binary';
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
  /** The pid once the process has started (undefined if it could not start). */
  readonly started: Promise<number | undefined>;
  /** Resolves once the process has exited and every line of its output has been delivered. */
  readonly exited: Promise<ProcessExit>;
  /** Interrupts as Ctrl-C does, escalating only after each timeout; resolves with the last signal sent. */
  stop(timeouts: StopTimeouts): Promise<StopEscalation>;
}

/**
 * The supervisor: a fixed POSIX shell script (never built from input; the programs and their arguments
 * arrive as "$@") that runs one or more Terraform commands in the foreground, one after another; a
 * step that fails ends the chain. Arguments: the run's directory, then for each step how many
 * arguments its command has, and those. Why a shell and not a Node script run by process.execPath: in
 * the packaged app that is Electron, and the runAsNode fuse is off, so it cannot run a script. The trap
 * keeps the shell alive through Ctrl-C (a caught signal is reset to the default in Terraform, which
 * still gets it) so it can record how Terraform ended, even when Liaison itself is gone.
 *
 * Every step writes to the run's two output files, and after each step the supervisor appends a
 * step-end line to both (see STEP_END in run-output-tail.ts): three files per run, whatever its steps.
 * Why: on ext4, a plan's nine output and status files and four directories cost Terraform's plans about
 * 7.5 % more time than output thrown away (`xargs -P 4` over 50 plans, measured); three cost about 3 %.
 * The run's exit status goes to its own file last, for a restarted Liaison.
 *
 * A signal that reaches the supervisor before it has started a step is noted by the trap, and that
 * step is then not started at all; its status says which signal ended the run (128 + its number, as a
 * shell reports a program a signal killed). A shell cannot cover the instant between that test and its
 * fork, so `stop` first waits for Terraform to be running (see supervisedProgramRunning).
 *
 * `run` takes the first `count` of its arguments as the command without `eval`: it appends them after
 * the rest and shifts the rest away (the list `for` walks is fixed when the loop starts). The output
 * files are opened 0600 by the spawner as the supervisor's stdout and stderr, which every step inherits
 * (so Terraform keeps the operator's umask for what it writes). The status is written in place, with no
 * temporary file and `mv`: a reader can only ever see the file absent, empty (being written: read as
 * "still running", see readExitStatus) or whole, since the few bytes go in one write.
 */
const SUPERVISOR = [
  "trap 'signalled=129' HUP",
  "trap 'signalled=130' INT",
  "trap 'signalled=143' TERM",
  'run() {',
  '  count=$1; shift; total=$#; index=0',
  '  for arg do',
  '    if [ "$index" -lt "$count" ]; then set -- "$@" "$arg"; fi',
  '    index=$((index + 1))',
  '  done',
  '  shift "$total"',
  '  "$@"',
  '}',
  'exit_file=$1; shift; status=0',
  'while [ "$#" -gt 0 ]; do',
  '  argc=$1; shift',
  '  if [ -z "$signalled" ]; then run "$argc" "$@"; status=$?; else status=$signalled; fi',
  // A step-end line that cannot be written (a full disk) ends the chain: the next step's lines would
  // otherwise be taken for this one's.
  `  printf '\\036%s\\n' "$status" || status=125`,
  `  printf '\\036%s\\n' "$status" >&2 || status=125`,
  '  if [ "$status" -ne 0 ]; then break; fi',
  '  shift "$argc"',
  'done',
  `printf '%s\\n' "$status" > "$exit_file"`,
].join('\n');

/**
 * Runs one Terraform command on pipes, in its own process group, so an interrupt reaches Terraform and
 * its plugins together, exactly as Ctrl-C in a terminal does. Output is delivered line by line. (A run
 * that must outlive Liaison goes through startTerraformChain instead.)
 */
export function startTerraformProcess(options: {
  binary: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string>;
  onLine: (line: string, stream: OutputStream) => void;
}): TerraformProcess {
  const groups = process.platform !== 'win32';
  const splitters = { stdout: lineSplitter('stdout', options.onLine), stderr: lineSplitter('stderr', options.onLine) };
  const [file = options.binary, ...args] = belowNormalPriority(options.binary, options.args);
  const program = spawnProgram({
    file,
    args,
    cwd: options.cwd,
    env: options.env,
    detached: groups,
    niceness: TERRAFORM_NICENESS,
    output: 'pipes',
    onData: (stream, chunk) => splitters[stream].push(chunk),
  });
  const exited = program.exited.then(({ code, signal, spawnError }): ProcessExit => {
    splitters.stdout.flush();
    splitters.stderr.flush();
    return { exitCode: code, signal, ...(spawnError === undefined ? {} : { spawnError }) };
  });
  return control(program.started, exited, (pid, name) => {
    if (groups) process.kill(-pid, name);
    else program.kill(name);
  });
}

/** Splits text chunks into lines for `onLine`; `flush` delivers a final unterminated line. */
function lineSplitter(
  stream: OutputStream,
  onLine: (line: string, stream: OutputStream) => void,
): { push: (chunk: string) => void; flush: () => void } {
  let pending = '';
  return {
    push: (chunk) => {
      const parts = (pending + chunk).split('\n');
      pending = parts.pop() ?? '';
      for (const part of parts) onLine(part.endsWith('\r') ? part.slice(0, -1) : part, stream);
    },
    flush: () => {
      if (pending !== '') onLine(pending, stream);
      pending = '';
    },
  };
}

/** Detached Terraform commands run one after another by one supervisor (see SUPERVISOR). */
export interface TerraformChain {
  /**
   * Follows step `index`: delivers its lines (those written before this call too) and resolves `exited`
   * once it has ended. Follow each step once, in order. Stopping it stops the chain.
   */
  follow(index: number, onLine: (line: string, stream: OutputStream) => void): TerraformProcess;
  /** The chain as a whole: stop interrupts whichever step runs; exited once the supervisor has ended. */
  readonly whole: TerraformProcess;
}

/**
 * Starts detached Terraform commands, one after another in their own process group, writing to files
 * in the run's directory; Terraform outlives Liaison (POSIX only). A step that fails ends the chain.
 * `resumable`: a restart takes the run up again (an apply), so its tail saves how far it has read.
 */
export function startTerraformChain(options: {
  binary: string;
  runDir: string;
  steps: readonly { args: readonly string[] }[];
  resumable?: boolean;
  cwd: string;
  env: Record<string, string>;
}): TerraformChain {
  const { runDir, steps } = options;
  mkdirSync(runDir, { recursive: true, mode: 0o700 });
  const files = runFiles(runDir);
  // Liaison may quit while Terraform runs: a detached program never keeps Liaison's event loop alive.
  const program = spawnProgram({
    file: '/bin/sh',
    args: [
      '-c',
      SUPERVISOR,
      'liaison-terraform',
      files.exit,
      ...steps.flatMap(({ args }) => {
        const command = belowNormalPriority(options.binary, args);
        return [String(command.length), ...command];
      }),
    ],
    cwd: options.cwd,
    env: options.env,
    detached: true,
    niceness: TERRAFORM_NICENESS,
    output: { stdout: files.stdout, stderr: files.stderr },
  });
  // One tail for the run: each stream's lines go to the step it is in, until that step's end line.
  const followers: ((line: string, stream: OutputStream) => void)[] = [];
  const early = steps.map((): [string, OutputStream][] => []);
  const current: Record<OutputStream, number> = { stdout: 0, stderr: 0 };
  const stepEnds = steps.map(() => deferred<number | undefined>());
  const ends = steps.map((): Partial<Record<OutputStream, number>> => ({}));
  const tail = new RunOutputTail(
    runDir,
    (line, stream) => {
      const index = current[stream];
      const follower = followers[index];
      if (follower) follower(line, stream);
      else early[index]?.push([line, stream]);
    },
    options.resumable ?? true,
    (stream, status) => {
      const index = current[stream];
      current[stream] += 1;
      const end = ends[index];
      if (!end) return;
      end[stream] = status;
      // Over once both streams have said so: every line of it has been delivered.
      if (end.stdout !== undefined && end.stderr !== undefined) stepEnds[index]?.resolve(end.stdout);
    },
  );
  tail.start();
  const ended = program.exited.then(async (exit) => {
    const pid = await program.started;
    // The spawner died under a running Terraform: follow it as a restarted Liaison would.
    if (exit.lost && pid !== undefined) await supervisorEnded(pid, runDir);
    tail.finish();
    // A step with no end line was cut short with the supervisor (killed) or never ran.
    for (const stepEnd of stepEnds) stepEnd.resolve(undefined);
    return { ...exit, pid };
  });
  const whole = groupControl(
    program.started,
    ended.then(({ code, signal }) => ({ exitCode: code, signal })),
    supervisedProgramRunning,
  );
  const follow = (index: number, onLine: (line: string, stream: OutputStream) => void): TerraformProcess => {
    const stepEnd = stepEnds[index];
    if (!stepEnd) throw new RangeError(`The chain has no step ${index}.`);
    followers[index] = onLine;
    for (const [line, stream] of early[index]?.splice(0) ?? []) onLine(line, stream);
    const exited = stepEnd.promise.then(async (status): Promise<ProcessExit> => {
      if (status !== undefined) return exitFromStatus(status);
      const { code, signal, spawnError, lost, pid } = await ended;
      const failed = spawnError === undefined || lost ? {} : { spawnError };
      if (pid === undefined) return { exitCode: null, signal: null, ...failed };
      const recorded = readExitStatus(runDir);
      return recorded === undefined ? { exitCode: code, signal, ...failed } : exitFromStatus(recorded);
    });
    return { started: program.started, exited, stop: whole.stop };
  };
  return { follow, whole };
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

/**
 * Resolves once the supervisor (`pid`) has started its program: its child runs something other than
 * the shell. Why: a signal sent to the group between the shell's last look at its trap and its fork
 * reaches the shell only, and Terraform would then run on until `stop` escalates (two minutes by
 * default). That window is easy to hit: Cancel all on a fleet interrupts each run the moment it has a
 * pid, while a lowered session's shell is still waiting for a CPU. Linux tells (from /proc); elsewhere,
 * and once the supervisor is gone or has stopped without starting anything, this resolves at once.
 * Bounded by `ms` all the same.
 */
async function supervisedProgramRunning(pid: number, ms = 5_000): Promise<void> {
  // Until it execs, a forked child shows its parent's command line (the supervisor's, which no
  // program has); the executable would not tell a shell-script Terraform from the shell.
  const supervisor = readText(`/proc/${pid}/cmdline`);
  if (!supervisor) return;
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    // The supervisor runs one program at a time, in the foreground.
    const children = readText(`/proc/${pid}/task/${pid}/children`);
    if (children === undefined || !readText(`/proc/${pid}/cmdline`)) return;
    const child = children.trim().split(' ')[0];
    const program = child ? readText(`/proc/${child}/cmdline`) : undefined;
    if (program !== undefined && program !== supervisor) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The POSIX `nice` program, where the system has it (coreutils on Linux, the base system on macOS). */
const NICE = ['/usr/bin/nice', '/bin/nice'].find(isExecutable);

/** How far below normal priority Terraform runs (a nice value, 0–19). */
export const TERRAFORM_NICENESS = 10;

/**
 * Every Terraform Liaison starts runs below normal priority, it and its providers: while a fleet of
 * plans keeps every core busy, Liaison's own work (and in the web host, the browser drawing the
 * board) still gets the CPU at once, and Terraform loses nothing when nothing else wants it. Mostly
 * the spawner's thread is lowered and every program inherits it (see spawnerLowersItself); where it
 * cannot be, `nice` runs first and replaces itself with Terraform (one process, so the supervisor still
 * waits for Terraform itself), and where there is no `nice`, Terraform runs as it is. Terraform leads a session of its
 * own (detached), and Linux with autogroup scheduling shares the CPU between sessions before nice
 * values count, so the spawner lowers the session's priority as well, further while several run side
 * by side, so that a fleet weighs about what one run does (see SpawnRequest.niceness).
 */
function belowNormalPriority(binary: string, args: readonly string[]): string[] {
  if (spawnerLowersItself || !NICE) return [binary, ...args];
  return [NICE, '-n', String(TERRAFORM_NICENESS), binary, ...args];
}

/**
 * Takes up a detached run a previous Liaison started: follows its files from where that one stopped,
 * and ends when the supervisor writes the exit status (or the process group is gone without one).
 */
export function attachTerraformProcess(options: {
  pid: number;
  runDir: string;
  onLine: (line: string, stream: OutputStream) => void;
}): TerraformProcess {
  const tail = new RunOutputTail(options.runDir, options.onLine);
  tail.start();
  const exited = supervisorEnded(options.pid, options.runDir).then((): ProcessExit => {
    tail.finish();
    const status = readExitStatus(options.runDir);
    return status === undefined ? { exitCode: null, signal: null } : exitFromStatus(status);
  });
  return groupControl(Promise.resolve(options.pid), exited, supervisedProgramRunning);
}

/**
 * Resolves once the supervisor has written the run's exit status, or its process is gone without one.
 * (A supervisor whose parent died may stay a zombie where nothing reaps it: the file tells first.)
 */
function supervisorEnded(pid: number, runDir: string): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (readExitStatus(runDir) === undefined && isAlive(pid)) return;
      clearInterval(timer);
      resolve();
    };
    const timer = setInterval(check, 200);
    check();
  });
}

function exitFromStatus(status: number): { exitCode: number | null; signal: NodeJS.Signals | null } {
  if (status <= 128) return { exitCode: status, signal: null };
  const name = Object.entries(osConstants.signals).find(([, number]) => number === status - 128)?.[0];
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
function groupControl(
  started: Promise<number | undefined>,
  exited: Promise<ProcessExit>,
  running: (pid: number) => Promise<void>,
): TerraformProcess {
  return control(started, exited, (target, name) => process.kill(-target, name), running);
}

/**
 * Stops a running process with `send`, escalating from an interrupt only after each timeout. The
 * interrupt waits for `running` (or the end), so it reaches the program and not only its supervisor.
 */
function control(
  started: Promise<number | undefined>,
  exited: Promise<ProcessExit>,
  send: (pid: number, name: NodeJS.Signals) => void,
  running: (pid: number) => Promise<void> = async () => {},
): TerraformProcess {
  let done = false;
  void exited.then(() => (done = true));
  // A stop that comes while the program is being started signals it as soon as it has a pid.
  const signal = async (name: NodeJS.Signals): Promise<void> => {
    const pid = await started;
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
    started,
    exited,
    stop: async (timeouts) => {
      if (done) return 'none';
      const pid = await started;
      if (pid !== undefined) await Promise.race([running(pid), exited]);
      await signal('SIGINT');
      if (await exitedWithin(timeouts.interruptMs)) return 'SIGINT';
      await signal('SIGTERM');
      if (await exitedWithin(timeouts.terminateMs)) return 'SIGTERM';
      await signal('SIGKILL');
      await exited;
      return 'SIGKILL';
    },
  };
}
