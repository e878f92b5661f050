import { chromium, type Browser } from '@playwright/test';
/** One benchmark figure: a measurement, the baseline it is judged against, and the bar it must meet. */
export interface Figure {
  name: string;
  /** Median of the measured runs, in ms (or in `unit`). */
  value: number;
  /** What value and baseline count; ms when absent. */
  unit?: string;
  baselineName: string;
  baseline: number;
  /** value / baseline. */
  ratio: number;
  /** The bar from the issue: a ratio, an absolute budget in ms, or both. */
  maxRatio?: number;
  maxMs?: number;
  /** An absolute bar in the figure's own unit (for figures that are not times). */
  maxValue?: number;
  details: string;
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export async function time(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/** Wall-clock and CPU time (this process, every thread: user + system) of one run of `action`. */
export async function cpuTime(action: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await action();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export function passes(figure: Figure): boolean {
  return (
    (figure.maxRatio === undefined || figure.ratio <= figure.maxRatio) &&
    (figure.maxMs === undefined || figure.value <= figure.maxMs) &&
    (figure.maxValue === undefined || figure.value <= figure.maxValue)
  );
}

/** The Chromium the Chromium figures drive: Debian's (or LIAISON_CHROMIUM), headless, as the e2e suite runs it. */
export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.LIAISON_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
}
