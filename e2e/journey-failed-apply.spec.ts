import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installAwsFixtureHome } from '../test-support/fakes/aws/aws-fixture-home';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';
import { onboardToOptions, passRegisterStep } from './fixtures/wizard-flow';

/*
 * An honest failed apply on a machine without the public registry, with the real Terraform: the module
 * from a local copy (so init gets past the module), the proxy from Settings reaching Terraform (a
 * loopback proxy records the CONNECT it receives and refuses it), the error said once with advice that
 * matches what failed (a provider, not the module), and the whole log to copy.
 */
const ACCOUNT = '123456789012';
const terraform = (process.env.PATH ?? '')
  .split(':')
  .map((dir) => join(dir, 'terraform'))
  .find((path) => !path.includes('fakes/terraform/double') && existsSync(path));

let host: WebHostProcess;
let proxy: Server;
let proxyUrl: string;
const connects: string[] = [];
let moduleDir: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // A proxy that records where Terraform asked to go and refuses: nothing leaves the machine.
  proxy = createServer((_request, response) => response.writeHead(502).end());
  proxy.on('connect', (request, socket) => {
    connects.push(request.url ?? '');
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  proxyUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  // The operator's local copy of the module: just its inputs, enough for init to install it.
  moduleDir = join(mkdtempSync(join(tmpdir(), 'liaison-module-')), 'chainguard-aws');
  mkdirSync(moduleDir);
  writeFileSync(
    join(moduleDir, 'main.tf'),
    ['variable "group_ids" {}', 'variable "account" {}', 'variable "environment" {}', ''].join('\n'),
  );

  host = new WebHostProcess({ AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
  installAwsFixtureHome(host.home);
  await host.start();
});

test.afterAll(async () => {
  await host?.dispose();
  await new Promise((resolve) => proxy?.close(resolve));
  if (moduleDir) rmSync(join(moduleDir, '..'), { recursive: true, force: true });
});

test('a local module copy and the proxy reach Terraform; the failure is said once with the right advice', async ({
  page,
  context,
}) => {
  test.skip(terraform === undefined, 'No real terraform on PATH');
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const proxyField = page.getByLabel('HTTPS proxy for Terraform');
  await proxyField.fill('ftp://proxy.example.com');
  await page.getByRole('button', { name: 'Save proxy' }).click();
  await expect(proxyField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('A proxy URL such as http://proxy.example.com:3128')).toBeVisible();
  await proxyField.fill(proxyUrl);
  await page.getByRole('button', { name: 'Save proxy' }).click();
  await expect(page.getByText(`Terraform will use the proxy ${proxyUrl}`)).toBeVisible();
  await expect(proxyField).toHaveAttribute('aria-invalid', 'false');
  await expectNoSeriousA11yViolations(page, 'settings: proxy');

  await onboardToOptions(page, host.url, 'Restricted', ACCOUNT);
  await page.getByRole('radio', { name: 'Directory or archive' }).check();
  const path = page.getByLabel('Module path');
  await path.fill('modules/aws');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(path).toHaveAttribute('aria-invalid', 'true');
  await path.fill(moduleDir);
  await expectNoSeriousA11yViolations(page, 'options: module source');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  const main = page.getByLabel('main.tf as it will be written');
  await expect(main).toContainText(`source = "${moduleDir}"`);
  await expect(main).not.toContainText('version     = "0.1.0"');
  await page.getByRole('button', { name: 'Save to workspace' }).click();
  await passRegisterStep(page);

  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'Terraform could not reach the registry' });
  await expect(problem).toBeVisible({ timeout: 60_000 });
  // The module came from the local copy; the provider download went to the proxy from Settings.
  expect(connects).toContain('registry.terraform.io:443');
  await expect(problem).toContainText('provider mirror');
  await expect(problem).not.toContainText('Module source');
  // Terraform's words once: in the diagnostics, not repeated in the advice.
  const diagnostics = page.getByRole('region', { name: 'Diagnostics' });
  await expect(diagnostics).toContainText('Failed to query available provider packages');
  await expect(page.getByText('Failed to query available provider packages')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page, 'apply step: failed init behind a proxy');

  await problem.getByRole('button', { name: 'Copy log' }).click();
  await expect(page.getByText('Log copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Failed to query available provider packages');
  expect(copied).toContain('hashicorp/aws');
  await problem.getByRole('button', { name: 'View log' }).click();
  const log = page.getByRole('dialog', { name: 'Run log' });
  await expect(log.getByLabel('Log lines')).toContainText('hashicorp/aws');
  await log.getByRole('button', { name: 'Close' }).click();

  // The module source is the workspace's: the next association on the account starts from it.
  await page.getByRole('button', { name: 'Done' }).click();
  await onboardToOptions(page, host.url, 'Second', ACCOUNT);
  await expect(page.getByRole('radio', { name: 'Directory or archive' })).toBeChecked();
  await expect(page.getByLabel('Module path')).toHaveValue(moduleDir);
});
