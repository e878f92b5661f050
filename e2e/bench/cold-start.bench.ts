import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { seedAssociations, seedChecks } from '../../test-support/seeders/seed-health';
import { openStore } from '../../electron/core/store/database';
import { WebHostProcess } from '../fixtures/web-host';
import { launchBenchChromium, median, type Figure } from './measure';
import { firstRouteFiles } from './renderer-bundle';

const ASSOCIATIONS = 50;
const CHECKS_EACH = 30;
const RUNS = 7;
/** The renderer may add at most as much as the host's own cold start to a static file. */
const MAX_RATIO = 2;

/** The wall-clock time (ms since the epoch) after the next frame's style, layout and paint, in the page. */
function afterNextPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          // A task queued from inside a frame callback runs after that frame has been painted.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
          channel.port2.postMessage(null);
        }),
      ),
  );
}

/** Launch → listening → the launch URL opened in a fresh browser context → `ready` → painted. */
async function coldStart(
  host: WebHostProcess,
  browser: Browser,
  path: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<{ ms: number; scripts: string[] }> {
  const started = Date.now();
  await host.start();
  // A new context per run: no HTTP cache and no cookie, as at a real launch.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const scripts: string[] = [];
  try {
    const page = await context.newPage();
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.endsWith('.js')) scripts.push(pathname.replace(/^\//, ''));
    });
    const url = new URL(host.url);
    url.pathname = path;
    await page.goto(url.href);
    await ready(page);
    const painted = await afterNextPaint(page);
    return { ms: painted - started, scripts: scripts.sort() };
  } finally {
    await context.close();
    await host.stop();
  }
}

/**
 * Cold start to a painted dashboard (bar: at most 2x the baseline): from spawning the built web host (a fresh Node process,
 * real store with 50 associations and 1,500 checks) to the frame after the dashboard's rows appear in
 * a fresh Chromium context (no cache, no cookie). Chromium itself is already running, as a user's
 * browser would be. Baseline, same run, same host: launch to a painted static file (the favicon)
 * through the same launch-token handshake, which is the floor a page of the app cannot beat.
 * Also checks that the dashboard loaded exactly the first-route JavaScript the bundle figure counts.
 */
export async function benchColdStart(): Promise<Figure> {
  const host = new WebHostProcess();
  const store = openStore(join(host.dataDir, 'liaison.db'));
  seedChecks(store, seedAssociations(store, ASSOCIATIONS, 10), CHECKS_EACH);
  store.close();
  const browser = await launchBenchChromium();
  try {
    const dashboard: number[] = [];
    const staticFile: number[] = [];
    let loaded: string[] = [];
    const openStatic = () => coldStart(host, browser, '/favicon.svg', (page) => page.locator('svg').first().waitFor());
    const openDashboard = () =>
      coldStart(host, browser, '/', async (page) => {
        await page
          .getByTestId('row-count')
          .filter({ hasText: `of ${ASSOCIATIONS}` })
          .waitFor();
        await page.getByRole('row').nth(5).waitFor();
      });
    // One launch of each first, not counted: the bench's first launches pay for what a machine that
    // has run the app before has already paid (the host's files, the bundle and the database in the
    // page cache, Chromium's first context). With five samples and no such launch, the first of each
    // came out ~100 ms above the rest in every run.
    await openStatic();
    await openDashboard();
    for (let run = 0; run < RUNS; run += 1) {
      staticFile.push((await openStatic()).ms);
      const measured = await openDashboard();
      dashboard.push(measured.ms);
      loaded = measured.scripts;
    }
    const expected = firstRouteFiles();
    if (loaded.join() !== expected.join()) {
      throw new Error(
        `the dashboard loaded other JavaScript than its first route:\n  loaded ${loaded.join(', ')}\n  counted ${expected.join(', ')}`,
      );
    }
    const value = median(dashboard);
    const baseline = median(staticFile);
    const list = (samples: readonly number[]) => samples.map((ms) => ms.toFixed(0)).join(', ');
    return {
      name: `Cold start to the painted dashboard (web host, ${ASSOCIATIONS} associations)`,
      value,
      baselineName: 'cold start to a painted static file from the same host',
      baseline,
      ratio: value / baseline,
      maxRatio: MAX_RATIO,
      details: [
        `launch → dashboard rows painted: median ${value.toFixed(0)} ms over ${RUNS} launches after one uncounted of each (${list(dashboard)})`,
        `launch → static file painted: median ${baseline.toFixed(0)} ms (${list(staticFile)})`,
        `the dashboard loaded ${loaded.length} script files, exactly the first route the bundle figure counts`,
      ].join('\n      '),
    };
  } finally {
    await browser.close();
    await host.dispose();
  }
}
