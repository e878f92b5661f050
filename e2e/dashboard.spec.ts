import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedAssociations } from '../test-support/seeders/seed-health';
import { openStore } from '../electron/core/store/database';
import { installAwsFixtureHome } from '../test-support/fakes/aws/aws-fixture-home';
import { startFaultProxy, type FaultProxy } from '../test-support/fakes/aws/fault-proxy';
import {
  createMotoUser,
  findMotoServer,
  MOTO_MISSING_REASON,
  startMoto,
  type MotoServer,
} from '../test-support/fakes/aws/moto';
import { MOTO_ACCOUNT } from '../test-support/seeders/seed-association';
import { seedGroupsOnSharedAccount, trustOnly } from '../test-support/seeders/seed-shared-account';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';

/*
 * The dashboard against moto through the fault proxy: 50 generated associations (50 groups on the
 * moto account, one module instance), check all, break one group's trust, check all again.
 */
const ASSOCIATIONS = 50;

test.describe.configure({ mode: 'serial' });
test.skip(!findMotoServer(), MOTO_MISSING_REASON);

let moto: MotoServer;
let proxy: FaultProxy;
let host: WebHostProcess;
let seeded: ReturnType<typeof seedAssociations>;

test.beforeAll(async () => {
  moto = await startMoto();
  proxy = await startFaultProxy({ target: moto.url });
  host = new WebHostProcess({ AWS_ENDPOINT_URL: proxy.url });
  installAwsFixtureHome(host.home, { staticKeys: await createMotoUser(moto.url, 'dashboard-user') });
  const store = openStore(join(host.dataDir, 'liaison.db'));
  seeded = seedAssociations(store, ASSOCIATIONS, 1, { accountId: MOTO_ACCOUNT, profile: 'static-admin' });
  store.close();
  await seedGroupsOnSharedAccount(
    moto.url,
    seeded.map((a) => a.groupId),
  );
  await host.start();
});

test.afterAll(async () => {
  await host?.dispose();
  await proxy?.close();
  await moto?.stop();
});

test('check all, a broken trust turns one association Failing with a toast, history and CSV agree', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByTestId('count-unchecked')).toHaveText(`Not checked: ${ASSOCIATIONS}`);
  await expectNoSeriousA11yViolations(page, 'the dashboard');

  await page.getByRole('button', { name: 'Check all' }).click();
  await expect(page.getByTestId('run-status')).toContainText(`Finished: ${ASSOCIATIONS} of ${ASSOCIATIONS} checked`, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('count-configured')).toHaveText(`Configured: ${ASSOCIATIONS}`);
  // The checks went to the cloud, and read the one module instance's documents once for all 50 groups.
  expect(proxy.requests.map((r) => r.action).sort()).toEqual([
    'GetCallerIdentity',
    'GetOpenIDConnectProvider',
    'GetRole',
    'GetRole',
    'ListAttachedRolePolicies',
  ]);

  const broken = seeded[0];
  if (!broken) throw new Error('no association seeded');
  await trustOnly(
    moto.url,
    seeded.slice(1).map((a) => a.groupId),
  );
  await page.getByRole('button', { name: 'Check all' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'team-0000' })).toContainText(
    `team-0000 on ${MOTO_ACCOUNT} turned Failing (was Configured)`,
    { timeout: 60_000 },
  );
  await expect(page.getByTestId('run-status')).toContainText(`Finished: ${ASSOCIATIONS} of ${ASSOCIATIONS} checked`, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('count-failing')).toHaveText('Failing: 1');
  await expect(page.getByRole('link', { name: 'Dashboard' })).toContainText('1');

  // Filtering to Failing leaves the broken one; its page shows the change.
  await page.getByTestId('count-failing').click();
  await expect(page.getByTestId('row-count')).toHaveText(`Showing 1 of ${ASSOCIATIONS} associations`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the overview as CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(csv).toHaveLength(ASSOCIATIONS + 1);
  const verdictOf = (line: string) => line.split(',')[5];
  expect(csv.slice(1).filter((line) => verdictOf(line) === 'Failing')).toEqual([
    expect.stringContaining(broken.id) as unknown as string,
  ]);
  expect(csv.slice(1).filter((line) => verdictOf(line) === 'Configured')).toHaveLength(ASSOCIATIONS - 1);

  await page.getByRole('link', { name: 'team-0000' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Association' })).toBeVisible();
  await expect(page.getByTestId('history-summary')).toHaveText('Last 2: 1 Configured, 1 Failing. Latest: Failing.');
  await expect(page.getByRole('list', { name: 'Past checks' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('list', { name: 'Past checks' }).getByRole('button').first().click();
  await expect(page.getByRole('list', { name: 'Check steps' }).last()).toContainText(
    'Failed: Role chainguard-canary trusts',
  );
  await expectNoSeriousA11yViolations(page, 'the association page');
});

test('the table sorts by its headers, selects the shown rows and works from the keyboard', async ({ page }) => {
  // After the test above: team-0000 is Failing, the other 49 Configured.
  await page.goto(host.url);
  const grid = page.getByRole('grid', { name: 'Associations' });
  // The rendered rows: only those in view (and a few more) exist, the table is virtualized.
  const rows = grid.locator('tbody').getByRole('row');
  const header = (name: string) => grid.getByRole('columnheader', { name, exact: true });
  const sortBy = (name: string) => header(name).getByRole('button', { name, exact: true });

  // Broken first by default: the verdict sorts by health, not by its label.
  await expect(header('Verdict')).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.first()).toHaveAccessibleName(`team-0000 on ${MOTO_ACCOUNT}`);
  await expect(rows.first()).toContainText('Failing');
  await sortBy('Verdict').click();
  await expect(header('Verdict')).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first()).toContainText('Configured');
  await sortBy('Group').click();
  await expect(header('Group')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header('Verdict')).not.toHaveAttribute('aria-sort');
  await expect(rows.first()).toHaveAccessibleName(`team-0000 on ${MOTO_ACCOUNT}`);
  await sortBy('Group').press('Enter');
  await expect(header('Group')).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first()).toHaveAccessibleName(`team-0049 on ${MOTO_ACCOUNT}`);

  // Select all selects the rows the search shows; the selection outlives the search.
  const checkSelected = page.getByRole('button', { name: /^Check selected/ });
  const selectAll = grid.getByRole('checkbox', { name: 'Select all shown associations' });
  await page.getByLabel('Search').fill('team-001');
  await expect(page.getByTestId('row-count')).toHaveText(`Showing 10 of ${ASSOCIATIONS} associations`);
  await selectAll.check();
  await expect(checkSelected).toHaveText('Check selected (10)');
  await expect(grid.locator('tbody [aria-selected="true"]')).toHaveCount(10);
  await page.getByLabel('Search').fill('');
  await expect(page.getByTestId('row-count')).toHaveText(`Showing ${ASSOCIATIONS} of ${ASSOCIATIONS} associations`);
  await expect(selectAll).toBeChecked({ indeterminate: true });
  await page.getByLabel('Search').fill('no such group');
  await expect(grid.getByRole('gridcell')).toHaveText('No association matches the filters.');
  await page.getByLabel('Search').fill('');

  // One row in the tab order; arrows move, Space selects, Enter opens.
  await sortBy('Drift').focus();
  await page.keyboard.press('Tab');
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = grid.getByRole('row', { name: `team-0047 on ${MOTO_ACCOUNT}` });
  await expect(third).toBeFocused();
  await expect(third).toHaveAttribute('tabindex', '0');
  await expect(rows.first()).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('Space');
  await expect(third).toHaveAttribute('aria-selected', 'true');
  await expect(checkSelected).toHaveText('Check selected (11)');
  await page.keyboard.press('End');
  await expect(grid.getByRole('row', { name: `team-0000 on ${MOTO_ACCOUNT}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Association' })).toBeVisible();
  await expect(page.getByTestId('history-summary')).toContainText('Latest: Failing.');
});
