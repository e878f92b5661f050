import { installAwsFixtureHome } from '../test-support/fakes/aws/aws-fixture-home';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';
import { onboardToApply } from './fixtures/wizard-flow';

/*
 * Issue 19, part 7: a workspace saved but never initialised here is "Not initialised", with the init
 * action, not "Plan failed". The real terraform on PATH answers the refresh-only plan (Module not
 * installed); nothing is downloaded.
 */
let host: WebHostProcess;

test.beforeAll(async () => {
  host = new WebHostProcess({ AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
  installAwsFixtureHome(host.home);
  await host.start();
});

test.afterAll(async () => {
  await host?.dispose();
});

test('drift of a never-initialised workspace says Not initialised and offers terraform init', async ({ page }) => {
  test.setTimeout(180_000);
  await onboardToApply(page, host.url, 'Uninitialised team', '123456789012');
  await page.getByRole('button', { name: 'Done' }).click();
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /^Dashboard/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Not checked: check drift of workspace aws-123456789012' }).click();
  const flag = page.getByRole('button', {
    name: 'Not initialised: show the differences in workspace aws-123456789012',
  });
  await expect(flag).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('main')).not.toContainText('Plan failed');
  await flag.click();
  const dialog = page.getByRole('dialog', { name: 'aws-123456789012 is not initialised' });
  await expect(dialog).toContainText('Module not installed');
  await expect(dialog.getByRole('button', { name: 'Run terraform init' })).toBeEnabled();
  await expectNoSeriousA11yViolations(page, 'dashboard: workspace not initialised');
});
