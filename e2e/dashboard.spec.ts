import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedAssociations } from '../electron/core/health/testing/seed-health';
import { openStore } from '../electron/core/store/database';
import { installAwsFixtureHome } from './fixtures/aws/aws-fixture-home';
import { startFaultProxy, type FaultProxy } from './fixtures/aws/fault-proxy';
import { createMotoUser, findMotoServer, MOTO_MISSING_REASON, startMoto, type MotoServer } from './fixtures/aws/moto';
import { MOTO_ACCOUNT } from './fixtures/aws/seed-association';
import { seedGroupsOnSharedAccount, trustOnly } from './fixtures/health/seed-shared-account';
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
