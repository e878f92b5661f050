import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { startAwsHostWithDouble, TERRAFORM_DOUBLES as DOUBLES } from './fixtures/terraform-double-host';
import type { WebHostProcess } from './fixtures/web-host';
import { onboardToApply, onboardToOptions, passRegisterStep } from './fixtures/wizard-flow';

/*
 * The wizard's Apply step against the Terraform test double (test-support/fakes/terraform/double), which
 * checks Liaison's arguments and replays real recorded `-json` runs: no provider download needed.
 * The AWS profile has static (placeholder) keys, which resolve locally without any AWS endpoint.
 */
const ACCOUNT = '123456789012';

let host: WebHostProcess;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startAwsHostWithDouble('http://127.0.0.1:9');
});

test.afterAll(async () => {
  await host?.dispose();
});

const onboard = (page: Page, groupName: string) => onboardToApply(page, host.url, groupName, ACCOUNT);

test('plans, reviews and applies with live per-resource progress and outputs', async ({ page }) => {
  test.setTimeout(90_000);
  await onboard(page, 'Platform team');
  await expect(page.getByText(/terraform 1\.11\.4/)).toBeVisible();

  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await expect(
    page.getByRole('heading', { name: 'Plan: 3 to create, 0 to update, 0 to replace, 0 to delete' }),
  ).toBeVisible({
    timeout: 30_000,
  });
  const table = page.getByRole('table', { name: 'Planned resource changes' });
  await expect(table.getByRole('row')).toHaveCount(1 + 3 * 2);
  await expect(table.getByText('Create')).toHaveCount(3);
  // Expanding a row by keyboard shows the attributes Terraform will set.
  const expand = page.getByRole('button', { name: 'Show attributes of terraform_data.policy' });
  await expand.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Attributes of terraform_data.policy', { exact: true })).toContainText(
    'chainguard-canary-policy',
  );
  await expectNoSeriousA11yViolations(page, 'apply step: plan review');

  await page.getByRole('button', { name: 'Apply 3 changes' }).click();
  const resources = page.getByRole('list', { name: 'Resources' });
  await expect(resources.getByRole('listitem')).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByText('3 of 3 done')).toBeVisible({ timeout: 30_000 });
  await expect(resources.getByText('Done')).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'Applied' })).toBeVisible();
  const outputs = page.getByRole('region', { name: 'Outputs' });
  await expect(outputs).toContainText('role_name');
  await expect(outputs).toContainText('"chainguard-canary"');
  await expectNoSeriousA11yViolations(page, 'apply step: applied');
});

test('a failing resource shows its diagnostic; Settings points Liaison at another terraform', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText('1.11.4')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'settings');
  const path = page.getByLabel('Custom Terraform path');
  await path.fill(join(DOUBLES, 'nowhere', 'terraform'));
  await page.getByRole('button', { name: 'Save path' }).click();
  await expect(path).toHaveAttribute('aria-invalid', 'true');
  await path.fill(join(DOUBLES, 'apply-error', 'terraform'));
  // The web host runs a new program only once its operator re-enters the launch token.
  await page.getByRole('form', { name: 'Set the Terraform path' }).getByLabel('Launch token').fill(host.launchToken);
  await page.getByRole('button', { name: 'Save path' }).click();
  await expect(path).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByText(join(DOUBLES, 'apply-error', 'terraform'))).toBeVisible();

  await onboard(page, 'Payments');
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Plan: 2 to create/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Apply 2 changes' }).click();
  await expect(page.getByRole('heading', { name: 'Apply did not finish' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Error: local-exec provisioner error')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Resources' }).getByText('Failed')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page, 'apply step: failed apply');
});

test('run history lists every run with its log', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Workspaces' }).click();
  const runs = page.getByRole('table', { name: `Runs in aws-${ACCOUNT}` });
  // Two plans and two applies, newest first; the failed apply exited 1.
  await expect(runs.getByRole('row')).toHaveCount(5);
  await expect(runs.getByRole('row').nth(1)).toContainText('applyfailed');
  await expect(page.getByRole('list', { name: `Associations in aws-${ACCOUNT}` })).toContainText('Payments');
  await expectNoSeriousA11yViolations(page, 'workspaces');
  await runs
    .getByRole('button', { name: /View log of apply/ })
    .first()
    .click();
  const log = page.getByRole('dialog', { name: 'Run log' });
  await expect(log.getByLabel('Log lines')).toContainText('apply_errored');
  await log.getByRole('button', { name: 'Close' }).click();
  await expect(log).toBeHidden();
});

test("a plan that fails shows Terraform's diagnostic: the real binary cannot reach the module registry", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const real = (process.env.PATH ?? '')
    .split(':')
    .map((dir) => join(dir, 'terraform'))
    .find((path) => !path.startsWith(DOUBLES) && existsSync(path));
  test.skip(real === undefined, 'No real terraform on PATH');
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Custom Terraform path').fill(real ?? '');
  await page.getByRole('form', { name: 'Set the Terraform path' }).getByLabel('Launch token').fill(host.launchToken);
  await page.getByRole('button', { name: 'Save path' }).click();
  await expect(page.getByLabel('Custom Terraform path')).toHaveAttribute('aria-invalid', 'false');

  // The generated main.tf needs the public registry, which this machine cannot reach: init fails at once.
  await onboard(page, 'Security');
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  const diagnostics = page.getByRole('region', { name: 'Diagnostics' });
  await expect(diagnostics).toContainText('Error: Error accessing remote module registry', { timeout: 60_000 });
  await expect(page.getByRole('table', { name: 'Planned resource changes' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'apply step: failed plan');
});

test('a second association on a workspace with shared state starts from that backend, not local', async ({ page }) => {
  test.setTimeout(90_000);
  const account = '210987654321';
  const toOptions = (groupName: string): Promise<void> => onboardToOptions(page, host.url, groupName, account);

  // The first association on the account chooses an S3 backend.
  await toOptions('Identity');
  await expect(page.getByRole('radio', { name: 'Local' })).toBeChecked();
  await page.getByRole('radio', { name: 'S3 bucket' }).check();
  await page.getByLabel('State bucket').fill('team-state');
  await page.getByLabel('Bucket region').fill('eu-west-2');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Save to workspace' }).click();
  await passRegisterStep(page);

  // The second one, on the same account, finds the workspace's backend filled in.
  await toOptions('Data');
  await expect(page.getByRole('radio', { name: 'S3 bucket' })).toBeChecked();
  await expect(page.getByLabel('State bucket')).toHaveValue('team-state');
  await expect(page.getByLabel('State key')).toHaveValue(`liaison/aws-${account}/terraform.tfstate`);
  await expect(page.getByLabel('Bucket region')).toHaveValue('eu-west-2');
  await expect(page.getByRole('status').filter({ hasText: `aws-${account}` })).toContainText(
    'already keeps its state in the S3 bucket team-state',
  );
  await expectNoSeriousA11yViolations(page, 'options step: backend from the workspace');

  // Choosing local state instead is allowed, with a warning and a way back.
  await page.getByRole('radio', { name: 'Local' }).check();
  const warning = page.getByRole('alert').filter({ hasText: 'changes it for all of them' });
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: 'Use the workspace’s backend' }).click();
  await expect(page.getByRole('radio', { name: 'S3 bucket' })).toBeChecked();
  await expect(page.getByLabel('State bucket')).toHaveValue('team-state');

  // Another account pointed at that workspace's state key is stopped before it could overwrite it.
  await onboardToOptions(page, host.url, 'Elsewhere', '123456789012');
  await page.getByRole('radio', { name: 'S3 bucket' }).check();
  await page.getByLabel('State bucket').fill('team-state');
  await page.getByLabel('State key').fill(`liaison/aws-${account}/terraform.tfstate`);
  await page.getByLabel('Bucket region').fill('eu-west-2');
  const clash = page.getByRole('alert').filter({ hasText: `Workspace aws-${account} keeps its state there` });
  await expect(clash).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'options step: a state key another workspace owns');
  await clash.getByRole('button', { name: 'Use this workspace’s own key' }).click();
  await expect(page.getByLabel('State key')).toHaveValue('liaison/aws-123456789012/terraform.tfstate');
  await expect(clash).toBeHidden();
});
