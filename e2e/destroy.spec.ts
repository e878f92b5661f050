import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { startAwsHostWithDouble } from './fixtures/terraform-double-host';
import type { WebHostProcess } from './fixtures/web-host';
import { onboardToApply } from './fixtures/wizard-flow';

/*
 * Removing the last group from a workspace offers a destroy run on the Workspaces page: `plan -destroy`
 * reviewed, confirmed naming each resource, then that saved plan applied. The Terraform test double
 * replays a destroy recorded from the real terraform (recordings/success-destroy). The workspace
 * directory and its state file stay exactly where they are.
 */
const ACCOUNT = '123456789012';
const KEY = `aws-${ACCOUNT}`;
const RESOURCES = ['terraform_data.binding', 'terraform_data.policy', 'terraform_data.role'];

let host: WebHostProcess;

test.beforeAll(async () => {
  host = await startAwsHostWithDouble('http://127.0.0.1:9');
});

test.afterAll(async () => {
  await host?.dispose();
});

test('removing the last group offers a reviewed, confirmed destroy that keeps the state file', async ({ page }) => {
  test.setTimeout(120_000);
  await onboardToApply(page, host.url, 'Platform team', ACCOUNT);
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await page.getByRole('button', { name: 'Apply 3 changes' }).click({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Applied' })).toBeVisible({ timeout: 30_000 });

  // The double writes no state; a marker state file shows Liaison never deletes or rewrites it.
  const workspace = join(host.dataDir, 'workspaces', KEY);
  const state = join(workspace, 'terraform.tfstate');
  writeFileSync(state, '{"marker":"liaison-e2e-state"}\n');

  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Onboard' }).click();
  await page.getByRole('button', { name: 'Remove' }).click();
  const removal = page.getByRole('dialog', { name: 'Remove association' });
  await expect(removal).toContainText(`Remove Platform team from AWS account ${ACCOUNT}?`);
  await expect(removal.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await removal.getByRole('button', { name: 'Remove' }).click();
  await expect(removal).toBeHidden();
  await expect(page.getByRole('button', { name: 'Remove' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Workspaces' }).click();
  const card = page.getByRole('region', { name: KEY, exact: true });
  await expect(card.getByText('No associations are left in this workspace')).toBeVisible();
  await card.getByRole('button', { name: 'Plan destroy' }).click();
  await expect(
    card.getByRole('heading', { name: 'Plan: 0 to create, 0 to update, 0 to replace, 3 to delete' }),
  ).toBeVisible({ timeout: 30_000 });
  const table = card.getByRole('table', { name: 'Planned resource changes' });
  await expect(table.getByText('Delete')).toHaveCount(3);
  await expectNoSeriousA11yViolations(page, 'workspaces: destroy plan review');

  await card.getByRole('button', { name: 'Apply 3 changes' }).click();
  const confirm = page.getByRole('dialog', { name: 'Destroy or replace resources?' });
  const named = confirm.getByRole('list', { name: 'Resources destroyed or replaced' });
  await expect(named.getByRole('listitem')).toHaveText(RESOURCES.map((address) => `Delete ${address}`));
  // Going back applies nothing.
  await confirm.getByRole('button', { name: 'Go back' }).click();
  await expect(confirm).toBeHidden();
  await expect(card.getByRole('heading', { name: 'Destroying' })).toHaveCount(0);
  await card.getByRole('button', { name: 'Apply 3 changes' }).click();
  await confirm.getByRole('button', { name: 'Apply 3 changes' }).click();

  await expect(card.getByRole('heading', { name: 'Destroyed' })).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText('3 of 3 done')).toBeVisible();
  const runs = card.getByRole('table', { name: `Runs in ${KEY}` });
  await expect(runs.getByRole('row').nth(1)).toContainText('applysucceeded');
  await expect(runs.getByRole('row').nth(2)).toContainText('destroy-plansucceeded');
  await expect(runs.getByRole('row').nth(2)).toContainText('−3');

  expect(existsSync(join(workspace, 'main.tf'))).toBe(true);
  expect(readFileSync(state, 'utf8')).toBe('{"marker":"liaison-e2e-state"}\n');
});
