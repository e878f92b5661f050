import { readFileSync } from 'node:fs';

/** Idle and total CPU time since boot, from /proc/stat (Linux); undefined elsewhere. */
function cpuTimes(): { idle: number; total: number } | undefined {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    const [, , , idle = 0, iowait = 0] = fields;
    return { idle: idle + iowait, total: fields.reduce((sum, each) => sum + each, 0) };
  } catch {
    return undefined;
  }
}

/**
 * Waits until the machine is quiet: at least `idleShare` of its CPU time idle over one second, for
 * at most `maxMs`. A figure measured while the last one's programs are still winding down (a browser
 * closing, Terraform's plugins exiting, a store checkpointing) measures them, on both sides of its
 * ratio but not alike. Returns the idle share last seen, or undefined where /proc/stat is not.
 */
export async function machineSettled(idleShare = 0.9, maxMs = 30_000): Promise<number | undefined> {
  const deadline = Date.now() + maxMs;
  let before = cpuTimes();
  if (!before) return undefined;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = cpuTimes();
    if (!now || !before) return undefined;
    const share = (now.idle - before.idle) / Math.max(1, now.total - before.total);
    if (share >= idleShare || Date.now() > deadline) return share;
    before = now;
  }
}
