import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutputStream } from './parse-terraform-line';
import { spawnProgram } from './process-spawner';

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-spawner-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function collecting(): { chunks: [OutputStream, string][]; onData: (stream: OutputStream, chunk: string) => void } {
  const chunks: [OutputStream, string][] = [];
  return { chunks, onData: (stream, chunk) => void chunks.push([stream, chunk]) };
}

const text = (chunks: [OutputStream, string][], stream: OutputStream) =>
  chunks
    .filter(([from]) => from === stream)
    .map(([, chunk]) => chunk)
    .join('');

describe('spawnProgram', () => {
  it('delivers a program’s output on pipes, then how it ended', async () => {
    const { chunks, onData } = collecting();
    const program = spawnProgram({
      file: '/bin/sh',
      args: ['-c', 'printf "out %s\\n" "$1"; printf "err\\n" >&2; exit 3', 'sh', 'a b'],
      cwd: dir,
      env,
      detached: true,
      output: 'pipes',
      onData,
    });
    expect(await program.started).toEqual(expect.any(Number));
    expect(await program.exited).toEqual({ code: 3, signal: null });
    expect(text(chunks, 'stdout')).toBe('out a b\n');
    expect(text(chunks, 'stderr')).toBe('err\n');
  });

  it('appends a program’s output to files created owner-only', async () => {
    const stdout = join(dir, 'stdout');
    const stderr = join(dir, 'stderr');
    const program = spawnProgram({
      file: '/bin/sh',
      args: ['-c', 'echo to-file; echo to-err >&2'],
      cwd: dir,
      env,
      detached: true,
      output: { stdout, stderr },
    });
    expect(await program.exited).toEqual({ code: 0, signal: null });
    expect(readFileSync(stdout, 'utf8')).toBe('to-file\n');
    expect(readFileSync(stderr, 'utf8')).toBe('to-err\n');
  });

  it('says why a program could not start', async () => {
    const program = spawnProgram({
      file: join(dir, 'no-such-program'),
      args: [],
      cwd: dir,
      env,
      detached: true,
      output: 'pipes',
    });
    expect(await program.started).toBeUndefined();
    const exit = await program.exited;
    expect(exit).toMatchObject({ code: null, signal: null });
    expect(exit.spawnError).toContain('ENOENT');
  });

  it('signals a running program', async () => {
    const program = spawnProgram({
      file: 'sleep',
      args: ['30'],
      cwd: dir,
      env,
      detached: true,
      output: 'pipes',
    });
    expect(await program.started).toEqual(expect.any(Number));
    program.kill('SIGTERM');
    expect(await program.exited).toEqual({ code: null, signal: 'SIGTERM' });
  });
});

describe('spawnProgram as an ordinary user (Linux autogroup scheduling)', () => {
  // The kernel takes one autogroup write per 100 ms from a user without CAP_SYS_ADMIN. Only root can
  // run the spawner as such a user here (the nobody account), so elsewhere this says why it skips.
  const autogroups = process.platform === 'linux' && readIfThere('/proc/sys/kernel/sched_autogroup_enabled') === '1';
  const root = process.getuid?.() === 0;
  it.runIf(autogroups && root)(
    'lowers the session of every one of several programs started at once, each further',
    async () => {
      const spawner = new URL('./process-spawner.ts', import.meta.url).pathname;
      // Node runs the spawner's TypeScript itself (type stripping); nothing else is loaded.
      const script = `
      import { spawnProgram } from ${JSON.stringify(spawner)};
      import { readFileSync } from 'node:fs';
      // Detached programs never hold the event loop (Liaison may quit under them): this script does.
      setInterval(() => {}, 1_000);
      const programs = Array.from({ length: 4 }, () => spawnProgram({
        file: '/bin/sleep', args: ['3'], cwd: '/', env: {}, detached: true, niceness: 10,
        output: { stdout: '/dev/null', stderr: '/dev/null' },
      }));
      const pids = await Promise.all(programs.map((program) => program.started));
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const sessions = pids.map((pid) => readFileSync('/proc/' + pid + '/autogroup', 'utf8').trim());
      for (const program of programs) program.kill('SIGKILL');
      await Promise.all(programs.map((program) => program.exited));
      // Once they have ended, the next program runs alone again.
      const next = spawnProgram({
        file: '/bin/sleep', args: ['3'], cwd: '/', env: {}, detached: true, niceness: 10,
        output: { stdout: '/dev/null', stderr: '/dev/null' },
      });
      const pid = await next.started;
      await new Promise((resolve) => setTimeout(resolve, 300));
      sessions.push(readFileSync('/proc/' + pid + '/autogroup', 'utf8').trim());
      next.kill('SIGKILL');
      console.log(JSON.stringify(sessions));
      process.exit(0);
    `;
      const { execFile } = await import('node:child_process');
      const output = await new Promise<string>((resolve, reject) =>
        execFile(
          process.execPath,
          ['--input-type=module', '-e', script],
          { uid: 65534, gid: 65534, cwd: '/', env: { PATH: env.PATH }, timeout: 20_000 },
          (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
        ),
      );
      const sessions = JSON.parse(output) as string[];
      // The n-th of programs side by side is lowered by log1.25(n) more: together they weigh about one.
      expect(sessions.map((session) => session.replace(/^.* nice /, 'nice '))).toEqual([
        'nice 10',
        'nice 13',
        'nice 15',
        'nice 16',
        'nice 10',
      ]);
    },
  );
});

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}
