import { chromium, type Browser, type Page } from '@playwright/test';
/** One benchmark figure: a measurement, the baseline it is judged against, and the bar it must meet. */
export interface Figure {
  name: string;
  /** Median of the measured runs, in ms (or in `unit`). */
  value: number;
  /** What value and baseline count; ms when absent. */
  unit?: string;
  baselineName: string;
  baseline: number;
  /** value / baseline; for paired runs, the median of the pairs' ratios (the details say which). */
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

/** What to watch while a type-to-filter field is typed into (see `measureFilterKeystrokes`). */
export interface FilterTarget {
  /** The element that shows the filter's answer (a CSS selector). */
  selector: string;
  /** Its attribute that changes with the rows shown; its distinct values prove the filter did something. */
  attribute: string;
  /** Wait, frame by frame, until the element's `data-filter` is what was typed (a deferred render). */
  waitForDataFilter?: boolean;
}

export interface FilterKeystrokes {
  /** Keystroke → painted answer, per keystroke, in ms. */
  keystrokes: number[];
  /** Twenty two-frame idle spans on the same page (half of one is the soonest any update can be seen). */
  idleFrames: number[];
  /** How many distinct values of the watched attribute were seen after a keystroke. */
  distinctValues: number;
  /** Keystrokes the element answered (with `waitForDataFilter`: its data-filter matched the input). */
  answered: number;
}

/**
 * The p95 keystroke figure of a type-to-filter field (see `measureFilterKeystrokes`), beside one idle
 * frame on the same page, with the issues' 50 ms bar. The bar holds for every keystroke, not the
 * typical one: the 95th percentile is judged, so the keystrokes that bring many rows back count. A
 * measurement in which the filter changed nothing (fewer than three distinct values of the watched
 * attribute) is refused. `shown` names what the filter changes ("tree"), `seen` what was counted
 * ("tree heights").
 */
export function filterKeystrokeFigure(
  name: string,
  query: string,
  { keystrokes, idleFrames, distinctValues }: FilterKeystrokes,
  { shown, seen }: { shown: string; seen: string },
): Figure {
  if (distinctValues < 3) throw new Error(`the filter did not change the ${shown}: nothing was measured`);
  const value = percentile(keystrokes, 95);
  const baseline = median(idleFrames) / 2;
  return {
    name,
    value,
    baselineName: 'one idle frame',
    baseline,
    ratio: value / baseline,
    maxMs: 50,
    details: `${distinctValues} distinct ${seen} seen; keystroke → painted rows over ${keystrokes.length} keystrokes typing and deleting "${query}": median ${median(keystrokes).toFixed(1)} ms, p95 ${value.toFixed(1)} ms, max ${Math.max(...keystrokes).toFixed(1)} ms`,
  };
}

/**
 * Keystroke-to-paint in the focused type-to-filter field, in the page: three rounds of typing `query`
 * (an `insertText`, as typing does) and deleting it, each keystroke timed to the animation frame that
 * paints the answer. React renders an input event (a discrete event) synchronously, so when the
 * dispatch returns the rows are in the DOM and the next frame is when they are painted; a deferred
 * render is waited for through `waitForDataFilter`.
 */
export function measureFilterKeystrokes(page: Page, query: string, target: FilterTarget): Promise<FilterKeystrokes> {
  return page.evaluate(
    async ({ query, target }) => {
      const input = document.activeElement as HTMLInputElement;
      const watched = (): HTMLElement | null => document.querySelector<HTMLElement>(target.selector);
      const nextFrame = (): Promise<number> =>
        new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      const idleFrames: number[] = [];
      for (let i = 0; i < 20; i += 1) {
        const start = performance.now();
        await nextFrame();
        await nextFrame();
        idleFrames.push(performance.now() - start);
      }
      const keystrokes: number[] = [];
      const values = new Set<string>();
      let answered = 0;
      const keystroke = async (action: () => void): Promise<void> => {
        const start = performance.now();
        action();
        if (target.waitForDataFilter) {
          for (let frame = 0; frame < 120 && watched()?.dataset.filter !== input.value; frame += 1) await nextFrame();
        }
        await nextFrame();
        keystrokes.push(performance.now() - start);
        if (!target.waitForDataFilter || watched()?.dataset.filter === input.value) answered += 1;
        values.add(watched()?.getAttribute(target.attribute) ?? '');
        await new Promise((resolve) => setTimeout(resolve, 30));
      };
      for (let round = 0; round < 3; round += 1) {
        for (const character of query) await keystroke(() => document.execCommand('insertText', false, character));
        for (let i = 0; i < query.length; i += 1) {
          if (input.value === '') break;
          await keystroke(() => document.execCommand('delete'));
        }
      }
      return { keystrokes, idleFrames, distinctValues: values.size, answered };
    },
    { query, target },
  );
}
