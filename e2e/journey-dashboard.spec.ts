import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { seedAssociations, seedChecks } from '../test-support/seeders/seed-health';
import { openStore } from '../electron/core/store/database';
import { installAwsFixtureHome } from '../test-support/fakes/aws/aws-fixture-home';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';

/*
 * The dashboard read at a glance: a trend of one cell per check (as readable with 1 as with 30), the
 * failing step's reason in the row, a labelled badge, no blank table, the schedule's own field errors
 * and confirmation, unambiguous dates, and each page opening at its top.
 */
const REASON = 'The trust policy of chainguard-canary does not admit canary:group';

let host: WebHostProcess;
let ids: { lone: string; busy: string; loneAccount: string };

test.beforeAll(async () => {
  host = new WebHostProcess({ AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
  installAwsFixtureHome(host.home);
  const store = openStore(join(host.dataDir, 'liaison.db'));
  const [lone, busy] = seedAssociations(store, 2, 2, { profile: 'static-admin' });
  if (!lone || !busy) throw new Error('seeding failed');
  seedChecks(store, [busy], 30);
  const at = new Date(Date.now() - 60_000).toISOString();
  store.db
    .prepare(
      `INSERT INTO association_checks (id, association_id, cloud, group_id, target, verdict, headline, steps,
         started_at, finished_at, duration_ms) VALUES (?, ?, 'aws', ?, ?, 'failing', ?, '[]', ?, ?, 120)`,
    )
    .run(randomUUID(), lone.id, lone.groupId, lone.account, `Failing — ${REASON}`, at, at);
  // Terraform's answer for a workspace never initialised here.
  store.db
    .prepare(`INSERT INTO workspace_drift (workspace_key, status, detail, checked_at) VALUES (?, 'error', ?, ?)`)
    .run(`aws-${lone.account}`, 'Error: Module not installed\nRun "terraform init" to install all modules', at);
  store.close();
  ids = { lone: lone.id, busy: busy.id, loneAccount: lone.account };
  await host.start();
});

test.afterAll(async () => {
  await host?.dispose();
});

test('the trend has one cell per check with 1 and with 30 checks, and the row says why it fails', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  const lone = page.locator(`tr[data-association-id="${ids.lone}"]`);
  const busy = page.locator(`tr[data-association-id="${ids.busy}"]`);
  await expect(lone.getByRole('img', { name: 'Last 1: 1 Failing' })).toBeVisible();
  const cell = lone.locator('svg rect');
  await expect(cell).toHaveCount(1);
  await expect(cell.locator('title')).toHaveText('Check 1 of 1 (latest): Failing');
  expect(Number(await cell.getAttribute('width'))).toBeGreaterThanOrEqual(10);
  await expect(busy.locator('svg rect')).toHaveCount(30);
  await expect(busy.locator('svg rect').last().locator('title')).toHaveText(/^Check 30 of 30 \(latest\): /);

  // The reason, once: the badge says Failing, the line under it what failed.
  await expect(lone.locator('.verdict-reason')).toHaveText(REASON);
  await expect(lone).not.toContainText('Failing — ');

  // The badge on the Dashboard link says what it counts.
  const failing = await page.getByTestId('count-failing').textContent();
  const count = Number(/\d+/.exec(failing ?? '')?.[0]);
  await expect(page.getByRole('link', { name: `Dashboard, ${count} associations failing` })).toBeVisible();

  // Two rows do not reserve a screenful: the table is as tall as its rows.
  const body = await page.locator('tbody').boundingBox();
  expect(body?.height).toBeLessThan(3 * 56 + 10);
  await expectNoSeriousA11yViolations(page, 'dashboard: trends and reasons');
});

test('the schedule refuses 0 with its own field error and confirms a save', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  const settings = page.getByRole('button', { name: /Re-check schedule/ });
  await settings.click();
  await page.getByRole('switch', { name: /Re-check every association on a schedule/ }).check();
  const every = page.getByLabel('Every (minutes)');
  await every.fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(every).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('turn the schedule off instead of 0')).toBeVisible();
  await expect(every).toBeFocused();
  await every.fill('30');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Re-check settings saved: every 30 minutes')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'dashboard: schedule saved');
});

test('dates name the month, chart ticks are spaced, and a page opens at its top', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(host.url);
  await page.goto(`${host.url.replace(/\?.*/, '')}#/associations/${ids.busy}`);
  const chart = page.getByRole('img', { name: /Verdict and duration over time/ });
  await expect(chart).toBeVisible();
  const ticks = await chart.locator('.MuiChartsAxis-directionX .MuiChartsAxis-tickLabel').allTextContents();
  // 30 checks an hour apart: a handful of ticks, each with the month as a word.
  expect(ticks.length).toBeGreaterThan(1);
  expect(ticks.length).toBeLessThanOrEqual(8);
  for (const tick of ticks) expect(tick).toMatch(/Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/);
  await expect(page.getByRole('main')).not.toContainText(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/);

  // Scrolled down here, the dashboard opened from the navigation starts at its top.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /^Dashboard, / })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
});

test('the filters are plain selects, and a never-initialised workspace opens its dialog with the init action', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  const rows = page.locator('tbody tr[data-association-id]');
  await expect(rows).toHaveCount(2);
  const group = page.getByRole('combobox', { name: 'Group' });
  await group.selectOption({ label: 'team-0000' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-association-id', ids.lone);
  const verdict = page.getByRole('combobox', { name: 'Verdict' });
  await verdict.selectOption({ label: 'Failing' });
  await expect(rows).toHaveCount(1);
  await verdict.selectOption({ label: 'Not checked' });
  await expect(rows).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText('No association matches the filters.');
  await page.getByRole('combobox', { name: 'Cloud' }).selectOption({ label: 'GCP' });
  await expect(page.locator('tbody tr[data-association-id]')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Cloud' }).selectOption({ label: 'All clouds' });
  await verdict.selectOption({ label: 'All verdicts' });
  await group.selectOption({ label: 'All groups' });
  await expect(rows).toHaveCount(2);

  // The drift dialog's code loads on first open; it names the state and offers terraform init.
  const lone = page.locator(`tr[data-association-id="${ids.lone}"]`);
  await lone.getByRole('button', { name: /^Not initialised: show the differences/ }).click();
  const dialog = page.getByRole('dialog', { name: `aws-${ids.loneAccount} is not initialised` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Run terraform init' })).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Plan errors' })).toContainText('Module not installed');
  await expectNoSeriousA11yViolations(page, 'dashboard: drift dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('each verdict count says what the verdict means, Configured first of all', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  const configured = page.getByTestId('count-configured');
  // The name stays the count; the meaning is its description, and a tooltip on hover or focus.
  await expect(configured).toHaveAccessibleName(/^Configured: \d+$/);
  await expect(configured).toHaveAccessibleDescription(
    /Every static check passed .* not tried live: set a token command/,
  );
  await configured.focus();
  await expect(page.getByRole('tooltip')).toContainText('impersonation was not tried live');

  // The headings read as they are named: nothing stray (the ".." once seen before Verdict).
  const headings = (await page.getByRole('columnheader').allTextContents()).map((text) => text.trim());
  expect(headings).toEqual([
    '',
    'Group',
    'Cloud',
    'Account or project',
    expect.stringMatching(/^Verdict(sorted ascending)?$/),
    'Platform',
    'Last checked',
    'Duration',
    'Last 30',
    'Drift',
  ]);
  await expectNoSeriousA11yViolations(page, 'dashboard: verdict explained');
});
