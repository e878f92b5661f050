import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** A span (epoch ms) during which one CPU ran nothing of this machine's: not Liaison's to paint in. */
export interface MachineStall {
  cpu: number;
  start: number;
  end: number;
}

export interface StallWatch {
  /** Every stall seen, in order; `watching` is false when the monitor could not run (and says why). */
  stop(): { stalls: MachineStall[]; watching: boolean; why: string };
}

/** A wake-up this much later than asked for is a stall. */
const LATE_MS = 50;

/**
 * Sleeps 1 ms at a time (Atomics.wait: no event loop, no timer coalescing) and prints every wake-up that
 * came more than LATE_MS late, as `start end` in epoch ms. Bounded to an hour in case it is orphaned.
 */
const HEARTBEAT = `
const { writeSync } = require('node:fs');
const cell = new Int32Array(new SharedArrayBuffer(4));
const now = () => performance.timeOrigin + performance.now();
const until = now() + 3_600_000;
writeSync(1, 'ready\\n');
for (let last = now(); last < until; ) {
  Atomics.wait(cell, 0, 0, 1);
  const at = now();
  if (at - last > ${LATE_MS}) writeSync(1, last + ' ' + at + '\\n');
  last = at;
}
`;

/**
 * Watches the machine while a frame figure is measured: one heartbeat process per CPU, pinned to it
 * (`taskset`) at real-time priority (`chrt -f 50`), so that nothing on the machine can keep it from
 * running but the CPU itself being gone. On the 2-vCPU Firecracker VM this project is measured on, a
 * pinned real-time heartbeat still wakes up exactly 101–102 ms late, every 10–20 s per CPU while the
 * VM is busy, at different moments on each CPU: the hypervisor not running that vCPU. No process in
 * the guest can paint a frame then. Needs permission for real-time priority (root, or CAP_SYS_NICE);
 * without it the watch says so and sees nothing, and a figure that uses it is judged on raw frames.
 * No library does this (it is a measurement of the machine, not of the app).
 */
export async function watchMachineStalls(): Promise<StallWatch> {
  const cpus = availableParallelism();
  const children: ChildProcess[] = [];
  const stalls: MachineStall[] = [];
  let why = '';
  const started = await Promise.all(
    Array.from({ length: cpus }, (_, cpu) => {
      const child = spawn('taskset', ['-c', String(cpu), 'chrt', '-f', '50', process.execPath, '-e', HEARTBEAT], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      });
      children.push(child);
      let errors = '';
      child.stderr?.setEncoding('utf8').on('data', (text: string) => (errors += text));
      return new Promise<boolean>((resolve) => {
        let buffered = '';
        child.stdout?.setEncoding('utf8').on('data', (text: string) => {
          buffered += text;
          let newline: number;
          while ((newline = buffered.indexOf('\n')) >= 0) {
            const line = buffered.slice(0, newline);
            buffered = buffered.slice(newline + 1);
            if (line === 'ready') resolve(true);
            const [start, end] = line.split(' ').map(Number);
            if (start !== undefined && end !== undefined && !Number.isNaN(end)) stalls.push({ cpu, start, end });
          }
        });
        child.once('error', (error) => {
          why ||= `${error.message} (taskset and chrt are util-linux's)`;
          resolve(false);
        });
        child.once('exit', (code) => {
          why ||= `the CPU ${cpu} heartbeat exited ${code}: ${errors.trim() || 'no reason given'}`;
          resolve(false);
        });
      });
    }),
  );
  const watching = started.every(Boolean);
  return {
    stop() {
      for (const child of children) child.kill('SIGKILL');
      return { stalls: watching ? stalls.toSorted((a, b) => a.start - b.start) : [], watching, why };
    },
  };
}

/** How much of [start, end] (epoch ms) the stalls cover, each moment counted once. */
export function stalledWithin(start: number, end: number, stalls: readonly MachineStall[]): number {
  let covered = 0;
  let reached = start;
  for (const stall of stalls.toSorted((a, b) => a.start - b.start)) {
    const from = Math.max(stall.start, reached);
    const to = Math.min(stall.end, end);
    if (to > from) {
      covered += to - from;
      reached = to;
    }
  }
  return covered;
}
