import { WebHostProcess } from '../fixtures/web-host';
import { type Figure, launchBenchChromium, filterKeystrokeFigure, measureFilterKeystrokes } from './measure';
import { writeLargeSsoConfig } from './sso-config';

const QUERY = 'acct-12';

/**
 * Type-to-filter in the Profiles table with 5,000 rows, in Chromium: from the keystroke (an
 * `insertText` into the focused filter, as typing does) to the frame that shows the updated rows.
 * The in-run baseline is one idle frame on the same page (the soonest any update can be seen).
 */
export async function benchProfileFilter(): Promise<Figure> {
  const host = new WebHostProcess();
  writeLargeSsoConfig(host.home);
  await host.start();
  const browser = await launchBenchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
    await page.getByRole('link', { name: 'Credentials' }).click();
    const grid = page.getByRole('grid', { name: 'AWS profiles' });
    await grid.waitFor();
    await page.waitForFunction(() => document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') === '5001');
    const filter = page.getByLabel('Filter profiles');
    await filter.focus();

    const measured = await measureFilterKeystrokes(page, QUERY, {
      selector: '[role="grid"]',
      attribute: 'aria-rowcount',
    });
    return filterKeystrokeFigure('Filter the Profiles table, 5,000 rows (Chromium), p95 keystroke', QUERY, measured, {
      shown: 'rows',
      seen: 'row counts',
    });
  } finally {
    await browser.close();
    await host.dispose();
  }
}
