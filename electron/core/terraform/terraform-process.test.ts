import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutputStream } from './parse-terraform-line';
import { spawnerProcessId } from './process-spawner';
import { startTerraformChain, startTerraformProcess, TERRAFORM_NICENESS } from './terraform-process';

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
const hasNice = ['/usr/bin/nice', '/bin/nice'].some((path) => existsSync(path));
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-process-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function start(binary: string, args: string[], detached = true, step = 'step') {
  const lines: [OutputStream, string][] = [];
  const onLine = (line: string, stream: OutputStream) => void lines.push([stream, line]);
  // Detached: a run of one step, as an apply is.
  const child = detached
    ? startTerraformChain({ binary, runDir: join(dir, step), steps: [{ args }], cwd: dir, env }).follow(0, onLine)
    : startTerraformProcess({ binary, args, cwd: dir, env, onLine });
  return { child, lines };
}

describe.runIf(process.platform !== 'win32')('startTerraformProcess', () => {
  it.runIf(hasNice).each([true, false])(
    'runs the program below normal priority, and Liaison at its own (detached: %s)',
    async (detached) => {
      const before = getPriority();
      // coreutils `nice` with no arguments prints the niceness it runs at.
      const { child, lines } = start('nice', [], detached);
      expect(await child.exited).toMatchObject({ exitCode: 0, signal: null });
      expect(lines).toEqual([['stdout', String(Math.min(19, before + TERRAFORM_NICENESS))]]);
      expect(getPriority()).toBe(before);
    },
  );

  it('reports a program that is not there as exit 127, with its reason on stderr', async () => {
    const { child, lines } = start(join(dir, 'no-terraform'), ['plan']);
    expect(await child.exited).toMatchObject({ exitCode: 127, signal: null });
    expect(
      lines
        .filter(([stream]) => stream === 'stderr')
        .map(([, line]) => line)
        .join('\n'),
    ).toContain('no-terraform');
  });

  it('gives the pid once started and interrupts the program’s whole group', async () => {
    const { child } = start('sleep', ['30']);
    expect(await child.started).toEqual(expect.any(Number));
    expect(await child.stop({ interruptMs: 5_000, terminateMs: 5_000 })).toBe('SIGINT');
    // The supervisor records how Terraform ended: killed by SIGINT.
    expect(await child.exited).toMatchObject({ exitCode: null, signal: 'SIGINT' });
  });

  it('stops a program interrupted while it is still starting, sixteen at once', async () => {
    // Cancel all on a fleet: each run is interrupted the moment it has a pid, before the
    // supervisor has started Terraform. The interrupt must still end it, not wait for escalation.
    const runs = Array.from({ length: 16 }, (_, run) => start('sleep', ['30'], true, `step-${run}`).child);
    const stopped = await Promise.all(
      runs.map(async (child) => {
        await child.started;
        return child.stop({ interruptMs: 5_000, terminateMs: 5_000 });
      }),
    );
    expect(stopped).toEqual(runs.map(() => 'SIGINT'));
    for (const child of runs) expect(await child.exited).toMatchObject({ exitCode: null, signal: 'SIGINT' });
  });

  it.runIf(process.platform === 'linux')(
    'starts programs from a helper process that has none of Liaison’s environment',
    async () => {
      const { child } = start('true', []);
      await child.exited;
      const helper = spawnerProcessId();
      expect(helper).toEqual(expect.any(Number));
      expect(helper).not.toBe(process.pid);
      const names = readFileSync(`/proc/${helper}/environ`, 'utf8')
        .split('\0')
        .filter(Boolean)
        .map((entry) => entry.slice(0, entry.indexOf('=')));
      // Only what Node sets up for the IPC channel itself.
      expect(names.filter((name) => !name.startsWith('NODE_CHANNEL_'))).toEqual([]);
    },
  );

  it('still learns how a detached program ended when the helper process dies under it', async () => {
    const { child } = start('/bin/sh', ['-c', 'sleep 1; exit 4']);
    expect(await child.started).toEqual(expect.any(Number));
    const helper = spawnerProcessId();
    if (helper === undefined) throw new Error('no helper process');
    process.kill(helper, 'SIGKILL');
    expect(await child.exited).toEqual({ exitCode: 4, signal: null });
    // The next program starts from a new helper.
    const { child: next } = start('true', []);
    expect(await next.exited).toMatchObject({ exitCode: 0 });
    expect(spawnerProcessId()).not.toBe(helper);
  });

  const autogroups = process.platform === 'linux' && readIfThere('/proc/sys/kernel/sched_autogroup_enabled') === '1';
  it.runIf(autogroups)('lowers the session of a detached program too (Linux autogroup scheduling)', async () => {
    const { child } = start('sleep', ['30']);
    const pid = await child.started;
    // The supervisor leads the session; Terraform (here sleep) runs in it.
    expect(readFileSync(`/proc/${pid}/autogroup`, 'utf8')).toMatch(new RegExp(`nice ${TERRAFORM_NICENESS}\\s*$`));
    await child.stop({ interruptMs: 5_000, terminateMs: 5_000 });
  });
});

describe.runIf(process.platform !== 'win32')('startTerraformChain', () => {
  function chain(steps: string[][]) {
    const runDir = join(dir, 'run');
    const started = startTerraformChain({
      binary: '/bin/sh',
      runDir,
      steps: steps.map((args) => ({ args })),
      resumable: false,
      cwd: dir,
      env,
    });
    const follow = (index: number) => {
      const lines: [OutputStream, string][] = [];
      return { process: started.follow(index, (line, stream) => void lines.push([stream, line])), lines };
    };
    return { started, follow, runDir };
  }

  it('runs the steps one after another under one supervisor, each step with its own lines and status', async () => {
    const { started, follow, runDir } = chain([
      ['-c', 'echo "init $$ $PPID"; echo warming >&2'],
      // No newline at the end: the step's last line is still its own.
      ['-c', 'echo "plan $$ $PPID"; printf "last"'],
    ]);
    const first = follow(0);
    expect(await first.process.exited).toEqual({ exitCode: 0, signal: null });
    const second = follow(1);
    expect(await second.process.exited).toEqual({ exitCode: 0, signal: null });
    const supervisor = await started.whole.started;
    expect(first.lines).toEqual([
      ['stdout', expect.stringMatching(new RegExp(`^init \\d+ ${supervisor}$`))],
      ['stderr', 'warming'],
    ]);
    // Both steps are children of the same supervisor.
    expect(second.lines).toEqual([
      ['stdout', expect.stringMatching(new RegExp(`^plan \\d+ ${supervisor}$`))],
      ['stdout', 'last'],
    ]);
    expect(await second.process.started).toBe(supervisor);
    expect(await started.whole.exited).toEqual({ exitCode: 0, signal: null });
    // Three files for the whole run, whatever its steps.
    expect(readdirSync(runDir).sort()).toEqual(['exit-status', 'stderr', 'stdout']);
    expect(readFileSync(join(runDir, 'exit-status'), 'utf8')).toBe('0\n');
  });

  it('gives a step followed late the lines it wrote before', async () => {
    const { started, follow } = chain([
      ['-c', 'echo one'],
      ['-c', 'echo two; echo oops >&2'],
    ]);
    await started.whole.exited;
    const first = follow(0);
    const second = follow(1);
    expect(await first.process.exited).toEqual({ exitCode: 0, signal: null });
    expect(await second.process.exited).toEqual({ exitCode: 0, signal: null });
    expect(first.lines).toEqual([['stdout', 'one']]);
    expect(second.lines).toEqual([
      ['stdout', 'two'],
      ['stderr', 'oops'],
    ]);
  });

  it('ends the chain at the first step that fails: the next is never started', async () => {
    const marker = join(dir, 'second-ran');
    const { started, follow, runDir } = chain([
      ['-c', 'echo broken >&2; exit 3'],
      ['-c', `touch ${marker}`],
    ]);
    const first = follow(0);
    expect(await first.process.exited).toEqual({ exitCode: 3, signal: null });
    expect(first.lines).toEqual([['stderr', 'broken']]);
    await started.whole.exited;
    expect(existsSync(marker)).toBe(false);
    expect(readFileSync(join(runDir, 'exit-status'), 'utf8')).toBe('3\n');
  });

  it('interrupts whichever step runs, and starts none after it', async () => {
    const marker = join(dir, 'second-ran');
    const { started, follow } = chain([
      ['-c', 'echo ready; exec sleep 30'],
      ['-c', `touch ${marker}`],
    ]);
    const first = follow(0);
    await expect.poll(() => first.lines).toEqual([['stdout', 'ready']]);
    expect(await first.process.stop({ interruptMs: 5_000, terminateMs: 5_000 })).toBe('SIGINT');
    expect(await first.process.exited).toEqual({ exitCode: null, signal: 'SIGINT' });
    await started.whole.exited;
    expect(existsSync(marker)).toBe(false);
  });

  it('files its output where only Liaison’s user can read it, and leaves Terraform the operator’s umask', async () => {
    const { follow, runDir } = chain([['-c', 'echo secret-ish; : > made-by-terraform']]);
    await follow(0).process.exited;
    expect(statSync(runDir).mode & 0o777).toBe(0o700);
    for (const name of ['stdout', 'stderr']) expect(statSync(join(runDir, name)).mode & 0o777).toBe(0o600);
    // A file Terraform writes (its lock file, state, plugin cache) gets the mode any program of ours gets.
    writeFileSync(join(dir, 'made-by-us'), '');
    expect(statSync(join(dir, 'made-by-terraform')).mode & 0o777).toBe(statSync(join(dir, 'made-by-us')).mode & 0o777);
  });
});

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}
