import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { startAwsHostWithDouble, TERRAFORM_DOUBLES as DOUBLES } from './fixtures/terraform-double-host';
import type { WebHostProcess } from './fixtures/web-host';
import { onboardToApply, stepHeading } from './fixtures/wizard-flow';
import { registerNewGroup } from './fixtures/group-ids';

/*
 * A first-time operator's way back into work: drafts to resume (one per group and target), the
 * existing association instead of a dead end, and Plan / Apply from the workspace and association
 * pages. Terraform is the test double replaying recorded runs (see apply.spec.ts).
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

const closeWizard = (page: Page) => page.getByRole('main').getByRole('button', { name: 'Close', exact: true }).click();
const next = (page: Page) => page.getByRole('button', { name: 'Next', exact: true }).click();

/** Starts the wizard on an existing group and an AWS account, and leaves at the Options step. */
async function startOn(page: Page, groupName: string, account: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Onboard' }).click();
  await page.getByRole('button', { name: 'Start onboarding' }).click();
  await page.getByRole('combobox', { name: 'Group' }).fill(groupName);
  await page.getByRole('option', { name: new RegExp(groupName) }).click();
  await next(page);
  await page.getByRole('radio', { name: 'AWS account' }).check();
  await page.getByRole('combobox', { name: 'AWS profile' }).fill('static-admin');
  await page.getByRole('option', { name: /static-admin/ }).click();
  await page.getByLabel('AWS account id').fill(account);
  await next(page);
  await expect(stepHeading(page, 'Options')).toBeVisible();
}

async function createGroup(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click();
  await page.getByRole('button', { name: 'Register existing id' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Register existing group' });
  await registerNewGroup(dialog, name);
  await expect(dialog).toBeHidden();
}

test('leaving the wizard keeps one draft per group and account, resumable and discardable in bulk', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await createGroup(page, 'Drafted');
  await createGroup(page, 'Other');

  // Opening and closing the wizard without a group leaves nothing behind.
  await page.getByRole('navigation').getByRole('link', { name: 'Onboard' }).click();
  await page.getByRole('button', { name: 'Start onboarding' }).click();
  await closeWizard(page);
  await expect(page.getByRole('heading', { name: 'Unfinished' })).toHaveCount(0);

  // The same group and account left three times is still one draft, with when it was last touched.
  for (let round = 0; round < 3; round += 1) {
    await startOn(page, 'Drafted', ACCOUNT);
    await closeWizard(page);
  }
  const drafts = page.getByRole('region', { name: 'Unfinished' }).getByRole('listitem');
  await expect(drafts).toHaveCount(1);
  await expect(drafts.first()).toContainText(`Drafted → AWS account ${ACCOUNT}`);
  await expect(drafts.first()).toContainText(/Stopped at: Options · last touched (just now|\d+ seconds? ago)/);
  await expect(drafts.first().locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);

  // Another target is another draft; Resume opens where it stopped, with its values.
  await startOn(page, 'Other', '210987654321');
  await closeWizard(page);
  await expect(drafts).toHaveCount(2);
  await expectNoSeriousA11yViolations(page, 'onboard: drafts');
  await drafts.filter({ hasText: 'Drafted' }).getByRole('button', { name: 'Resume' }).click();
  await expect(stepHeading(page, 'Options')).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('AWS account id')).toHaveValue(ACCOUNT);
  await closeWizard(page);

  // Discard all asks first, then empties the list.
  await page.getByRole('button', { name: 'Discard all 2' }).click();
  const confirm = page.getByRole('dialog', { name: 'Discard unfinished onboardings' });
  await expect(confirm).toContainText('Saved associations and their workspaces are not touched');
  await confirm.getByRole('button', { name: 'Discard 2' }).click();
  await expect(page.getByRole('heading', { name: 'Unfinished' })).toHaveCount(0);
});

test('saving says what it does first, removes the draft, and onboarding it again opens the association', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await onboardToApply(page, host.url, 'Platform team', ACCOUNT);
  await page.getByRole('button', { name: 'Done' }).click();
  // Saved: no draft for it is left to resume.
  await expect(page.getByRole('heading', { name: 'Unfinished' })).toHaveCount(0);

  // The same group and account again: Review says what saving would do, but here it already exists.
  await startOn(page, 'Platform team', ACCOUNT);
  await next(page);
  const exists = page.getByRole('alert').filter({ hasText: 'already associated' });
  await expect(exists).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'review: already associated');
  await exists.getByRole('button', { name: 'Open this association' }).click();
  await expect(page.getByRole('heading', { name: `Platform team on AWS ${ACCOUNT}` })).toBeVisible();

  // Plan and apply from the association page, with the last run shown.
  const section = page.getByRole('region', { name: 'Plan and apply' });
  await expect(section).toContainText('Never planned or applied from Liaison.');
  await section.getByRole('button', { name: 'Plan and apply…' }).click();
  await section.getByRole('button', { name: 'Plan', exact: true }).click();
  await section.getByRole('button', { name: 'Apply 3 changes' }).click({ timeout: 30_000 });
  await expect(section.getByRole('heading', { name: 'Applied' })).toBeVisible({ timeout: 30_000 });
  await expect(section).toContainText(/Last run: Apply succeeded/);
  await expectNoSeriousA11yViolations(page, 'association page: applied');
});

test('the workspace page plans and applies again and shows the last run', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Workspaces' }).click();
  const workspace = page.getByRole('region', { name: `aws-${ACCOUNT}` });
  const section = workspace.getByRole('region', { name: 'Plan and apply' });
  await expect(section).toContainText(/Last run: Apply succeeded/);
  await section.getByRole('button', { name: 'Plan and apply…' }).click();
  await section.getByRole('button', { name: 'Plan', exact: true }).click();
  await section.getByRole('button', { name: 'Apply 3 changes' }).click({ timeout: 30_000 });
  await expect(section.getByRole('heading', { name: 'Applied' })).toBeVisible({ timeout: 30_000 });
  await expect(workspace.getByRole('table', { name: `Runs in aws-${ACCOUNT}` }).getByRole('row')).toHaveCount(5);
  await expectNoSeriousA11yViolations(page, 'workspaces: applied again');
});

test('a failed plan leaves Apply unticked and makes planning again the primary action', async ({ page }) => {
  test.setTimeout(180_000);
  const real = (process.env.PATH ?? '')
    .split(':')
    .map((dir) => join(dir, 'terraform'))
    .find((path) => !path.startsWith(DOUBLES) && existsSync(path));
  test.skip(real === undefined, 'No real terraform on PATH');
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Custom Terraform path').fill(real ?? '');
  // The web host runs a new program only once its operator re-enters the launch token.
  await page.getByRole('form', { name: 'Set the Terraform path' }).getByLabel('Launch token').fill(host.launchToken);
  await page.getByRole('button', { name: 'Save path' }).click();
  await expect(page.getByLabel('Custom Terraform path')).toHaveAttribute('aria-invalid', 'false');

  // The real binary cannot reach the module registry here: init, and so the plan, fails.
  await onboardToApply(page, host.url, 'Offline', '111122223333');
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not' }).first()).toBeVisible({ timeout: 60_000 });
  const planAgain = page.getByRole('button', { name: 'Plan again' });
  await expect(planAgain).toHaveClass(/MuiButton-contained/);
  const check = page.getByRole('button', { name: 'Check the association' });
  await expect(check).toHaveClass(/MuiButton-outlined/);
  await check.click();
  await expect(stepHeading(page, 'Check')).toBeVisible();
  const stepper = page.locator('.MuiStepper-root');
  await expect(stepper).toContainText('Review and export, done');
  await expect(stepper).not.toContainText('Apply, done');
});

test('with no gcloud configuration, the wizard says what to run, as the Credentials page does', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await createGroup(page, 'Cloudless');
  await page.getByRole('navigation').getByRole('link', { name: 'Onboard' }).click();
  await page.getByRole('button', { name: 'Start onboarding' }).click();
  await page.getByRole('combobox', { name: 'Group' }).fill('Cloudless');
  await page.getByRole('option', { name: /Cloudless/ }).click();
  await next(page);
  await page.getByRole('radio', { name: 'Google Cloud project' }).check();
  const guidance = page.getByText('No Google Cloud credentials yet.');
  await expect(guidance).toBeVisible();
  await expect(guidance).toContainText('gcloud auth application-default login');
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'cloud step: no Google credentials');
  await closeWizard(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Credentials' }).click();
  await page.getByRole('tab', { name: 'GCP' }).click();
  await expect(page.getByText('No Google Cloud credentials yet.')).toBeVisible();
});
