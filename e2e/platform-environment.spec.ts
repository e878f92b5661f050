import { delimiter, join } from 'node:path';
import { installChainctlDouble, type ChainctlDouble } from '../test-support/fakes/platform/chainctl-double';
import { startPlatformStandIn, type PlatformStandIn } from '../test-support/fakes/platform/platform-stand-in';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';

/*
 * Settings → Platform per environment, saved: with no CHAINGUARD_CONSOLE_API, the API URL saved in
 * Settings is where the sign-in's token is minted for and where the Groups page's tree comes from;
 * pointing it at a second platform switches the tree, and the setting survives a reload and a restart.
 */
const SECRET = 'e2e-platform-environment-secret';
const FIRST_ORG = '1111111111111111111111111111111111111111';
const SECOND_ORG = '2222222222222222222222222222222222222222';

test.describe.configure({ mode: 'serial' });

let first: PlatformStandIn;
let second: PlatformStandIn;
let chainctl: ChainctlDouble;
let host: WebHostProcess;

test.beforeAll(async () => {
  first = await startPlatformStandIn({ secret: SECRET });
  second = await startPlatformStandIn({ secret: SECRET });
  first.addGroup({ id: FIRST_ORG, name: 'first-platform.example', description: 'the first platform' });
  second.addGroup({ id: SECOND_ORG, name: 'second-platform.example', description: 'the second platform' });
  second.addGroup({ id: `${SECOND_ORG}/0123456789abcdef`, name: 'staging-folder', description: '' });
  host = new WebHostProcess({});
  chainctl = installChainctlDouble(join(host.root, 'chainctl-bin'), { secret: SECRET });
  host.env.PATH = [chainctl.dir, process.env.PATH ?? ''].join(delimiter);
  await host.start();
});

test.afterAll(async () => {
  await host?.dispose();
  await first?.close();
  await second?.close();
});

test('the API URL saved in Settings is what the Groups page asks, and it persists', async ({ page }) => {
  // Two restarts of the host and four axe runs.
  test.setTimeout(240_000);
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Platform' });
  const form = section.getByRole('form', { name: 'Platform environment' });
  const apiUrl = form.getByLabel('API URL');
  await expect(form.getByLabel('Platform environment')).toHaveValue('enforce.dev');
  await expect(apiUrl).toHaveValue('https://console-api.enforce.dev');
  await expect(section.getByText('(derived from the environment)')).toBeVisible({ timeout: 30_000 });

  // Bad input: a field-level error, and the typed value stays for correcting.
  await apiUrl.fill('http://platform.example.test');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText(/API URL must use https/)).toBeVisible();
  await expect(apiUrl).toHaveValue('http://platform.example.test');
  await expect(apiUrl).toHaveAttribute('aria-invalid', 'true');

  await apiUrl.fill(first.url);
  await apiUrl.press('Enter');
  await expect(section.getByText('(saved in Settings)')).toBeVisible({ timeout: 30_000 });
  await expect(section.getByRole('status')).toContainText('Signed in as operator@example.com');
  expect(chainctl.calls()).toContainEqual(['auth', 'token', '--audience', first.url]);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousA11yViolations(page, `Settings → Platform with a saved URL, ${colorScheme} theme`);
  }

  await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click();
  const tree = page.getByRole('list', { name: 'Groups on the platform' });
  await expect(tree.getByText('first-platform.example')).toBeVisible();
  await expect(tree.getByRole('listitem')).toHaveCount(1);

  // Point enforce.dev at the second platform: the tree comes from there.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await apiUrl.fill(second.url);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByText(second.url, { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click();
  await expect(tree.getByText('second-platform.example')).toBeVisible();
  await expect(tree.getByText('staging-folder')).toBeVisible();
  await expect(tree.getByText('first-platform.example')).toHaveCount(0);
  expect(second.requests.some((r) => r.method === 'GET' && r.path === '/iam/v1/groups')).toBe(true);

  // A reload, then a restart of Liaison on the same data directory: the setting is still there.
  await page.reload();
  await expect(tree.getByText('second-platform.example')).toBeVisible();
  await host.stop();
  await host.start();
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(apiUrl).toHaveValue(second.url);
  await expect(section.getByText('(saved in Settings)')).toBeVisible();

  // CHAINGUARD_CONSOLE_API still wins over the saved URL, and Settings says so.
  await host.stop();
  host.env.CHAINGUARD_CONSOLE_API = first.url;
  await host.start();
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(section.getByText('(overridden by CHAINGUARD_CONSOLE_API)')).toBeVisible();
  await expect(section.getByText(first.url, { exact: true })).toBeVisible();
  await expect(
    section.getByText(/CHAINGUARD_CONSOLE_API is set, so every platform call goes to the URL it names/),
  ).toBeVisible();
  await expect(apiUrl).toHaveValue(second.url);
  await expectNoSeriousA11yViolations(page, 'Settings → Platform overridden by CHAINGUARD_CONSOLE_API');
  await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click();
  await expect(tree.getByText('first-platform.example')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();

  // Reset to derived forgets the saved URL (the override still applies while it is set).
  await form.getByRole('button', { name: 'Reset to derived' }).click();
  await expect(apiUrl).toHaveValue('https://console-api.enforce.dev');
  await expect(form.getByText('Also saved')).toHaveCount(0);
});
