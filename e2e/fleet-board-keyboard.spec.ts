import type { Locator, Page } from '@playwright/test';
import type { WebHostProcess } from './fixtures/web-host';
import { expect, expectNoSeriousA11yViolations, test, waitForVisuallySettled } from './fixtures/test';

/*
 * The fleet board for keyboard and screen-reader users, and its toolbar on a laptop screen. The
 * fleet's accounts map to groups Liaison does not know (platform off), so each fails at once when
 * planned, with a message longer than its stage cell: no cloud, platform or Terraform is needed.
 */
const UNKNOWN_GROUP = '3f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c/e0e1e2e3e4e5e6e7';

async function call<T>(page: Page, host: WebHostProcess, method: string, data: unknown): Promise<T> {
  const origin = new URL(host.url).origin;
  const response = await page.request.post(`${origin}/api/call/${method}`, { data, headers: { origin } });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  expect(body.ok, JSON.stringify(body.error)).toBe(true);
  return body.value;
}

/** Stores a fleet of `count` accounts (named `<prefix>-0`, …), each mapped to an unknown group. */
async function createFailingFleet(
  page: Page,
  liaison: WebHostProcess,
  { count = 2, name = 'Keyboard fleet', prefix = 'team' } = {},
): Promise<string> {
  const run = await call<{ id: string }>(page, liaison, 'createFleetRun', {
    name,
    environment: 'enforce.dev',
    registerOnPlatform: false,
    options: { awsModuleVersion: '0.1.0' },
    items: Array.from({ length: count }, (_, order) => ({
      order,
      target: {
        cloud: 'aws',
        accountId: String(100_000_000_001 + order),
        accountName: `${prefix}-${order}`,
        profile: 'default',
        accessPath: { kind: 'profile' },
      },
      group: { kind: 'existing', groupId: UNKNOWN_GROUP },
    })),
  });
  return run.id;
}

/** A fleet of `count` accounts, each mapped to an unknown group; the page opened on its board. */
async function openFailingFleet(page: Page, liaison: WebHostProcess, count = 2): Promise<string> {
  await page.goto(liaison.url);
  const fleetId = await createFailingFleet(page, liaison, { count });
  await page.getByRole('navigation').getByRole('link', { name: 'Fleet' }).click();
  await expect(page.getByRole('heading', { name: 'Keyboard fleet' })).toBeVisible();
  return fleetId;
}

/** Each toolbar button's vertical middle and right edge, in page pixels (icon buttons are taller than text ones). */
async function toolbarBoxes(page: Page) {
  const toolbar = page.getByRole('toolbar', { name: 'Fleet actions' });
  const bar = (await toolbar.boundingBox())!;
  const buttons = await toolbar.getByRole('button').evaluateAll((nodes) =>
    nodes.map((node) => {
      const box = node.getBoundingClientRect();
      return {
        name: node.getAttribute('aria-label') ?? node.textContent ?? '',
        middle: box.top + box.height / 2,
        right: box.right,
      };
    }),
  );
  expect(buttons.length).toBe(7);
  return { bar, buttons };
}

function expectOneRow(buttons: { middle: number }[]): void {
  const middles = buttons.map((button) => button.middle);
  expect(Math.max(...middles) - Math.min(...middles), JSON.stringify(buttons)).toBeLessThanOrEqual(1);
}

test('the board toolbar fits one row at 1366 px, three-digit counts included, and wraps whole at 1024 px', async ({
  page,
  liaison,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const fleetId = await openFailingFleet(page, liaison, 120);
  await expect(page.getByRole('button', { name: 'Plan all (120)' })).toBeVisible();
  let { buttons } = await toolbarBoxes(page);
  expectOneRow(buttons);

  // Pause and Cancel all are icons now, still named as before (and shown in their tooltips).
  const toolbar = page.getByRole('toolbar', { name: 'Fleet actions' });
  await expect(toolbar.getByRole('button', { name: 'Pause', exact: true })).toBeDisabled();
  await expect(toolbar.getByRole('button', { name: 'Cancel all', exact: true })).toBeDisabled();

  await call(page, liaison, 'planFleet', { fleetId });
  await expect(page.getByRole('button', { name: 'Retry failed (120)' })).toBeEnabled({ timeout: 30_000 });
  ({ buttons } = await toolbarBoxes(page));
  expectOneRow(buttons);
  await waitForVisuallySettled(page);
  await page.screenshot({ path: 'test-results/fleet-board-1366.png' });

  // Narrower, the row wraps between whole buttons: none is cut or pushed past the toolbar's edge.
  await page.setViewportSize({ width: 1024, height: 768 });
  const narrow = await toolbarBoxes(page);
  for (const button of narrow.buttons) {
    expect(button.right, button.name).toBeLessThanOrEqual(narrow.bar.x + narrow.bar.width + 0.5);
  }
  await page.screenshot({ path: 'test-results/fleet-board-1024.png' });
});

/** Presses Tab until `target` has focus (at most `limit` presses), then expects it focused. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (
    let presses = 0;
    presses < limit && !(await target.evaluate((node) => node === document.activeElement));
    presses += 1
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('Plan all pressed by keyboard leaves focus on the board, and Tab goes on within it', async ({ page, liaison }) => {
  await openFailingFleet(page, liaison);
  const planAll = page.getByRole('button', { name: 'Plan all (2)' });
  await planAll.focus();
  await page.keyboard.press('Enter');
  const totals = page.getByTestId('fleet-totals');
  await expect(totals).toBeFocused();
  await expect(totals).toContainText('0 running · 0 to review · 2 failed');
  await expect(page.getByRole('button', { name: 'Plan all (0)' })).toBeDisabled();
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
  await expect(totals).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Search accounts')).toBeFocused();
});

test("a failed account's whole error is read and copied by keyboard only", async ({ page, context, liaison }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const fleetId = await openFailingFleet(page, liaison);
  await call(page, liaison, 'planFleet', { fleetId });
  await expect(page.getByTestId('fleet-totals')).toContainText('2 failed');

  const message = `Group ${UNKNOWN_GROUP} is neither in Liaison nor on the platform.`;
  const row = page.getByRole('table', { name: 'Fleet accounts' }).getByRole('row', { name: /team-0/ });
  const opener = row.getByRole('button', { name: message });
  // Cut short in the row: the message is wider than its cell.
  expect(await opener.evaluate((node) => node.scrollWidth > node.clientWidth)).toBe(true);
  await page.getByLabel('Search accounts').focus();
  await tabTo(page, opener);
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: /^Failed \(.+\): team-0 \(100000000001\)$/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(message, { exact: true })).toBeVisible();
  await expect(dialog.getByText('Map this account to another group, or create the folder first.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'the fleet item error dialog, light theme');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page, 'the fleet item error dialog, dark theme');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Copy' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Error copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${message}\nMap this account to another group, or create the folder first.`,
  );

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'the fleet board with failed accounts, light theme');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page, 'the fleet board with failed accounts, dark theme');
});

test('an older fleet run is reopened from the picker by keyboard, and a reload keeps it', async ({ page, liaison }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(liaison.url);
  const olderId = await createFailingFleet(page, liaison, { name: 'Older fleet', prefix: 'older' });
  await createFailingFleet(page, liaison, { count: 3, name: 'Newer fleet', prefix: 'newer' });
  await page.getByRole('navigation').getByRole('link', { name: 'Fleet' }).click();
  // The newest run opens first.
  await expect(page.getByRole('heading', { name: 'Newer fleet' })).toBeVisible();
  const accounts = page.getByRole('table', { name: 'Fleet accounts' });
  await expect(accounts.getByRole('row', { name: /newer-2/ })).toBeVisible();

  const picker = page.getByRole('combobox', { name: 'Fleet run' });
  await expect(picker).toHaveText('Newer fleet');
  await picker.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('listbox', { name: 'Fleet run' });
  const options = menu.getByRole('option');
  // Newest first, each with its size and state.
  await expect(options).toHaveCount(2);
  await expect(options.nth(0)).toContainText('Newer fleet');
  await expect(options.nth(0)).toContainText('3 accounts or projects · 3 queued');
  await expect(options.nth(1)).toContainText('Older fleet');
  await expect(options.nth(1)).toContainText('2 accounts or projects · 2 queued');
  await expect(options.nth(0)).toBeFocused();
  await waitForVisuallySettled(page);
  await page.screenshot({ path: 'test-results/fleet-run-picker-1366.png' });
  await expectNoSeriousA11yViolations(page, 'the fleet run picker, light theme');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page, 'the fleet run picker, dark theme');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(picker).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Older fleet' })).toBeVisible();
  await expect(accounts.getByRole('row', { name: /older-1/ })).toBeVisible();
  await expect(accounts.getByRole('row', { name: /newer-/ })).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe(`#/fleet?run=${olderId}`);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Older fleet' })).toBeVisible();
  await expect(accounts.getByRole('row', { name: /older-0/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Fleet run' })).toHaveText('Older fleet');

  // An id no stored run has opens the newest.
  await page.goto(`${new URL(liaison.url).origin}${new URL(liaison.url).pathname}#/fleet?run=unknown`);
  await expect(page.getByRole('heading', { name: 'Newer fleet' })).toBeVisible();

  // At 1024 px the picker and New fleet run still fit the header.
  await page.setViewportSize({ width: 1024, height: 768 });
  const pickerBox = (await page.getByRole('combobox', { name: 'Fleet run' }).boundingBox())!;
  expect(pickerBox.width).toBeGreaterThanOrEqual(200);
  await expect(page.getByRole('button', { name: 'New fleet run' })).toBeInViewport();
  await expectNoSeriousA11yViolations(page, 'the fleet page with its run picker at 1024 px');
});
