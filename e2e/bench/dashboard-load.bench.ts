import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { queryHealthOverview } from '../../electron/core/health/health-overview-query';
import { seedAssociations, seedChecks } from '../../electron/core/health/testing/seed-health';
import { openStore } from '../../electron/core/store/database';
import { WebHostProcess } from '../fixtures/web-host';
import { median, time, type Figure } from './measure';

const ASSOCIATIONS = 1000;
const CHECKS_EACH = 100;

/**
 * The dashboard with 1,000 associations and 100,000 stored checks: the overview query (bar 200 ms),
 * then in Chromium the page from navigation to the grid's rows (bar 1 s) and a search keystroke to
 * the painted rows (bar 50 ms). Baseline: one `SELECT count(*)` over the checks, in the same run.
 */
export async function benchDashboardLoad(): Promise<Figure> {
  const host = new WebHostProcess();
  const store = openStore(join(host.dataDir, 'liaison.db'));
  seedChecks(store, seedAssociations(store, ASSOCIATIONS, 50), CHECKS_EACH);
  queryHealthOverview(store);
  const loads: number[] = [];
  const scans: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    loads.push(await time(() => Promise.resolve(queryHealthOverview(store))));
    scans.push(await time(() => Promise.resolve(store.db.prepare('SELECT count(*) FROM association_checks').get())));
  }
  store.close();
  await host.start();
  const browser = await chromium.launch({
    executablePath: process.env.LIAISON_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
    await page.getByTestId('row-count').waitFor();
    const renders: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const started = Date.now();
      await page.reload();
      await page.getByRole('row').nth(5).waitFor();
      await page
        .getByTestId('row-count')
        .filter({ hasText: `of ${ASSOCIATIONS}` })
        .waitFor();
      renders.push(Date.now() - started);
    }
    const search = page.getByLabel('Search');
    await search.focus();
    const filters = await page.evaluate(async () => {
      const status = document.querySelector('[data-testid="row-count"]') as HTMLElement;
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const times: number[] = [];
      for (const text of ['team-00', '', 'team-01', '']) {
        const before = status.textContent;
        const start = performance.now();
        document.execCommand('selectAll');
        if (text) document.execCommand('insertText', false, text);
        else document.execCommand('delete');
        while (status.textContent === before) await nextFrame();
        await nextFrame();
        times.push(performance.now() - start);
      }
      return times;
    });
    const load = median(loads);
    const render = median(renders);
    const filter = median(filters);
    const passesAll = load < 200 && render < 1000 && filter < 50;
    return {
      name: `Dashboard with ${ASSOCIATIONS} associations and ${ASSOCIATIONS * CHECKS_EACH} checks`,
      value: load,
      baselineName: 'SELECT count(*) over the checks',
      baseline: median(scans),
      ratio: load / Math.max(0.01, median(scans)),
      maxMs: passesAll ? 200 : 0,
      details: `data load (overview query) median ${load.toFixed(1)} ms (bar < 200); render in Chromium, reload → rows ${render.toFixed(0)} ms (bar < 1000; includes page load and the HTTP call); search keystroke → painted rows median ${filter.toFixed(1)} ms, max ${Math.max(...filters).toFixed(1)} ms (bar < 50)`,
    };
  } finally {
    await browser.close();
    await host.dispose();
  }
}
