import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CheckRepository } from '../electron/core/checks/check-repository';
import { openStore } from '../electron/core/store/database';
import { checkResultFor, seedAssociations } from '../test-support/seeders/seed-health';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';

/*
 * The association page's history chart: one check is drawn as a point (a line needs two), and the
 * duration axis shows whole values (62.3 s, not "62…") however long a check took.
 */
test.describe.configure({ mode: 'serial' });

let host: WebHostProcess;
let single: string;
let several: string;

test.beforeAll(async () => {
  host = new WebHostProcess({});
  const store = openStore(join(host.dataDir, 'liaison.db'));
  try {
    const [one, many] = seedAssociations(store, 2);
    if (!one || !many) throw new Error('seeded two');
    single = one.id;
    several = many.id;
    const checks = new CheckRepository(store);
    checks.insert(checkResultFor(one, 'success', new Date('2026-12-01T10:00:00.000Z'), 62_345));
    for (const [minutes, verdict, duration] of [
      [0, 'configured', 850],
      [5, 'failing', 62_345],
      [10, 'success', 125_000],
    ] as const) {
      checks.insert(checkResultFor(many, verdict, new Date(Date.UTC(2026, 11, 1, 10, minutes)), duration));
    }
  } finally {
    store.close();
  }
  await host.start();
});

test.afterAll(async () => {
  await host?.dispose();
});

/** The chart's tick labels on the duration (right-hand) axis. */
async function durationTicks(page: Page): Promise<string[]> {
  const chart = page.getByRole('img', { name: /Verdict and duration over time/ });
  return chart.locator('[data-axis-id="duration"] .MuiChartsAxis-tickLabel').allTextContents();
}

test('one check is drawn as a point, with the duration axis readable', async ({ page }) => {
  await page.goto(host.url);
  await page.evaluate((id) => (window.location.hash = `#/associations/${id}`), single);
  const chart = page.getByRole('img', { name: /Verdict and duration over time/ });
  await expect(page.getByTestId('history-summary')).toContainText('Latest: Success.', { timeout: 30_000 });
  // Both series mark the single check: a verdict point and a duration point.
  await expect(chart.locator('.MuiLineChart-mark')).toHaveCount(2);
  for (const mark of await chart.locator('.MuiLineChart-mark').all()) {
    const box = await mark.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(0);
  }
  const ticks = await durationTicks(page);
  expect(ticks.length).toBeGreaterThan(1);
  for (const tick of ticks) expect(tick).toMatch(/^\d+(\.\d+)? (ms|s|min)$/);
  await expect(chart.locator('[data-axis-id="duration"]').getByText('Duration', { exact: true })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousA11yViolations(page, `the history chart with one check, ${colorScheme} theme`);
  }
});

test('several checks: a line, and durations past a minute are not cut', async ({ page }) => {
  await page.goto(host.url);
  await page.evaluate((id) => (window.location.hash = `#/associations/${id}`), several);
  await expect(page.getByTestId('history-summary')).toContainText('Latest: Success.', { timeout: 30_000 });
  // A line joins several checks; the marks are only for a lone check.
  const chart = page.getByRole('img', { name: /Verdict and duration over time/ });
  await expect(chart.locator('.MuiLineChart-line')).toHaveCount(2);
  await expect(chart.locator('.MuiLineChart-mark')).toHaveCount(0);
  const ticks = await durationTicks(page);
  expect(ticks.length).toBeGreaterThan(1);
  for (const tick of ticks) expect(tick).toMatch(/^\d+(\.\d+)? (ms|s|min)$/);
  expect(ticks.some((tick) => tick.endsWith(' s') || tick.endsWith(' min'))).toBe(true);
});
