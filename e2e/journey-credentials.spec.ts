import type { Page } from '@playwright/test';
import { installAwsFixtureHome } from '../test-support/fakes/aws/aws-fixture-home';
import {
  createMotoUser,
  findMotoServer,
  MOTO_MISSING_REASON,
  startMoto,
  type MotoServer,
} from '../test-support/fakes/aws/moto';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';

/* Credentials that can be trusted: a verify result outlives a reload and a restart, saying when it was made. */
test.skip(!findMotoServer(), MOTO_MISSING_REASON);

let moto: MotoServer;
let host: WebHostProcess;

test.beforeAll(async () => {
  moto = await startMoto();
  host = new WebHostProcess({ AWS_ENDPOINT_URL: moto.url });
  installAwsFixtureHome(host.home, { staticKeys: await createMotoUser(moto.url, 'journey-static') });
  await host.start();
});

test.afterAll(async () => {
  await host?.dispose();
  await moto?.stop();
});

const grid = (page: Page) => page.getByRole('grid', { name: 'AWS profiles' });
const row = (page: Page, name: string) => grid(page).getByRole('row', { name, exact: true });

async function findRow(page: Page, name: string) {
  await page.getByLabel('Filter profiles').fill(name);
  await expect(row(page, name)).toBeVisible();
  return row(page, name);
}

test('a verified identity survives a reload and a restart, marked as from an earlier session', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Credentials' }).click();
  await (await findRow(page, 'static-admin')).getByRole('button', { name: 'Verify static-admin' }).click();
  const arn = 'arn:aws:iam::123456789012:user/journey-static';
  await expect(row(page, 'static-admin')).toContainText(arn);
  await expect(row(page, 'static-admin')).not.toContainText('earlier session');

  await page.reload();
  await expect(await findRow(page, 'static-admin')).toContainText(arn);
  await expect(row(page, 'static-admin')).toContainText(
    /verified (just now|\d+ seconds? ago) · from an earlier session/,
  );

  // A restart of Liaison too: the result is in the store, the credentials are not.
  await host.stop();
  await host.start();
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Credentials' }).click();
  await expect(await findRow(page, 'static-admin')).toContainText(arn);
  await expect(row(page, 'static-admin')).toContainText('from an earlier session');
  // The full ARN is there to read on hover, not only cut short.
  await expect(row(page, 'static-admin').getByTitle(arn)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'credentials: a verify kept from an earlier session');
});
