import { execFile } from 'node:child_process';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { installAwsFixtureHome } from '../test-support/fakes/aws/aws-fixture-home';
import { findMotoServer, MOTO_MISSING_REASON, startMoto, type MotoServer } from '../test-support/fakes/aws/moto';
import { moduleSeed, MOTO_ACCOUNT, seedAwsAssociation } from '../test-support/seeders/seed-association';
import { installChainctlDouble, type ChainctlDouble } from '../test-support/fakes/platform/chainctl-double';
import { startPlatformStandIn, type PlatformStandIn } from '../test-support/fakes/platform/platform-stand-in';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';
import { stepHeading } from './fixtures/wizard-flow';

/*
 * The platform side end to end: the operator's chainctl sign-in (a double on PATH) in Settings, a
 * folder the platform holds, registering the association on the platform stand-in, and the check's
 * Platform step saying Ready, then NotReady with the platform's reason and message.
 */
const SUCCESS_DOUBLE = resolve(import.meta.dirname, '../test-support/fakes/terraform/double/success');
const SECRET = 'e2e-platform-secret';
const ORG = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c';
const FOLDER = `${ORG}/00112233aabbccdd`;
const CHECKOUT = `${ORG}/0123456789abcdef`;
const CHECK_CLI = resolve(import.meta.dirname, '../out/main/check-cli.js');

test.describe.configure({ mode: 'serial' });
test.skip(!findMotoServer(), MOTO_MISSING_REASON);

let moto: MotoServer;
let standIn: PlatformStandIn;
let chainctl: ChainctlDouble;
let host: WebHostProcess;

test.beforeAll(async () => {
  moto = await startMoto();
  standIn = await startPlatformStandIn({ secret: SECRET });
  standIn.addGroup({ id: ORG, name: 'acme.example', description: 'the organization' });
  standIn.addGroup({ id: FOLDER, name: 'payments', description: 'payment services' });
  standIn.addGroup({ id: CHECKOUT, name: 'checkout', description: 'checkout services' });
  // No CHAINGUARD_CONSOLE_API: the stand-in's URL is saved in Settings → Platform by the first test,
  // and every platform call after it (the app's and the CLI's) goes there because of that setting.
  host = new WebHostProcess({ AWS_ENDPOINT_URL: moto.url });
  chainctl = installChainctlDouble(join(host.root, 'chainctl-bin'), { secret: SECRET });
  host.env.PATH = [chainctl.dir, SUCCESS_DOUBLE, process.env.PATH ?? ''].join(delimiter);
  installAwsFixtureHome(host.home);
  await host.start();
});

test.afterAll(async () => {
  await host?.dispose();
  await standIn?.close();
  await moto?.stop();
});

async function call<T>(page: Page, method: string, data: unknown): Promise<T> {
  const origin = new URL(host.url).origin;
  const response = await page.request.post(`${origin}/api/call/${method}`, { data, headers: { origin } });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  expect(body.ok, JSON.stringify(body.error)).toBe(true);
  return body.value;
}

test('Settings → Platform: signed in as whom, signed out with the exact command, and Sign in', async ({ page }) => {
  // Saving the URL, a sign-out, a sign-in and two axe runs: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  // A slow chainctl: the sign-in for the derived URL is still being read when the new URL is saved.
  // Its answer, for the old URL, must not stand as the new URL's (it once did, and the URL never showed).
  chainctl.set({ delayMs: 2_000 });
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Platform' });
  // The operator's platform API, saved for the environment (here the stand-in on loopback).
  const form = section.getByRole('form', { name: 'Platform environment' });
  await expect(form.getByLabel('Platform environment')).toHaveValue('enforce.dev');
  await form.getByLabel('API URL').fill(standIn.url);
  await form.getByRole('button', { name: 'Save' }).click();
  // The status is asked again of chainctl for the new URL: slow on a busy machine.
  await expect(section.getByText(standIn.url, { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(section.getByText('(saved in Settings)')).toBeVisible();
  await expect(section.getByRole('status')).toContainText('Signed in as operator@example.com');
  chainctl.set({ delayMs: 0 });
  await expectNoSeriousA11yViolations(page, 'Settings → Platform, signed in');

  chainctl.set({ mode: 'signed-out', loginMode: 'signed-in' });
  await section.getByRole('button', { name: 'Refresh' }).click();
  await expect(section.getByRole('status')).toContainText('Signed out');
  await expect(section.getByText(`chainctl auth login --audience ${standIn.url}`, { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Settings → Platform, signed out');
  await section.getByRole('button', { name: 'Sign in with chainctl' }).click();
  await expect(section.getByRole('status')).toContainText('Signed in as operator@example.com');
  expect(chainctl.calls()).toContainEqual(['auth', 'login', '--audience', standIn.url]);
});

test('a platform folder is onboarded, registered, and the check says Platform Ready, then NotReady', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  // A group pasted in by id that the platform does not list is marked as such.
  await call(page, 'createGroup', { mode: 'existing', id: `${ORG}/ffffffffffffffff`, name: 'ghost' });
  // Pick the folder from the platform's tree on the Groups page, and make a new folder under it there.
  await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click();
  await expect(page.getByRole('table', { name: 'Groups' }).getByRole('row', { name: /ghost/ })).toContainText(
    'Not on the platform',
  );
  await expect(page.getByText('Known only to Liaison')).toBeVisible();
  const tree = page.getByRole('list', { name: 'Groups on the platform' });
  await expect(tree.getByRole('listitem')).toHaveCount(3);
  await tree.getByRole('button', { name: 'Use payments in Liaison' }).click();
  await expect(tree.getByRole('listitem').filter({ hasText: 'payments' }).getByText('In Liaison')).toBeVisible();
  await tree.getByRole('button', { name: 'New folder under payments' }).click();
  const dialog = page.getByRole('dialog', { name: 'New folder under payments' });
  await dialog.getByLabel('Folder name').fill('payments-eu');
  await dialog.getByRole('button', { name: 'Create folder' }).click();
  await expect(dialog).toBeHidden();
  await expect(tree.getByText('payments-eu')).toBeVisible();
  expect([...standIn.groups.values()].find((g) => g.name === 'payments-eu')?.id).toMatch(
    new RegExp(`^${FOLDER}/[0-9a-f]{16}$`),
  );
  await page.getByLabel("Filter the platform's groups").fill('eu');
  await expect(tree.getByRole('listitem')).toHaveCount(3);
  await expectNoSeriousA11yViolations(page, 'the Groups page with the platform tree');

  // Signed in, the page's two actions are two different forms: New folder creates one on the platform
  // (under a parent chosen among the platform's groups) and adds it to Liaison; Register existing id pastes.
  await page.getByRole('button', { name: 'Register existing id' }).click();
  const paste = page.getByRole('dialog', { name: 'Register existing group' });
  await expect(paste.getByLabel('Group ID')).toBeVisible();
  await expect(paste.getByLabel('Parent group')).toHaveCount(0);
  await paste.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'New folder', exact: true }).click();
  const folder = page.getByRole('dialog', { name: 'New folder' });
  await expect(folder.getByLabel('Group ID')).toHaveCount(0);
  await folder.getByLabel('Folder name').fill('payments-us');
  await folder.getByRole('button', { name: 'Create folder' }).click();
  await expect(folder.getByText('Choose the group the folder goes under')).toBeVisible();
  await folder.getByLabel('Parent group').selectOption({ label: `payments (${FOLDER})` });
  await expectNoSeriousA11yViolations(page, 'the New folder dialog');
  await folder.getByRole('button', { name: 'Create folder' }).click();
  await expect(folder).toBeHidden();
  const created = [...standIn.groups.values()].find((g) => g.name === 'payments-us');
  expect(created?.id).toMatch(new RegExp(`^${FOLDER}/[0-9a-f]{16}$`));
  await expect(page.getByRole('table', { name: 'Groups' }).getByRole('row', { name: /payments-us/ })).toBeVisible();
  const saved = await call<{ association: { id: string } }>(page, 'saveAssociation', {
    groupId: FOLDER,
    environment: 'enforce.dev',
    cloud: 'aws',
    accountId: MOTO_ACCOUNT,
    profile: 'static-admin',
    moduleVersion: '0.1.0',
  });
  await seedAwsAssociation(moto.url, moduleSeed(FOLDER));
  // The platform already holds a GCP project for this folder: registering must keep it.
  standIn.records.set(FOLDER, { group: FOLDER, google: { projectId: 'payments-prod', projectNumber: '123456789012' } });

  await page.evaluate((id) => (window.location.hash = `#/associations/${id}`), saved.association.id);
  const register = page.getByRole('region', { name: 'Register on the platform' });
  await expect(register.getByRole('status')).toContainText(
    `Not registered. Registering adds AWS account ${MOTO_ACCOUNT} to the group's record, keeping GCP project payments-prod.`,
  );
  await expectNoSeriousA11yViolations(page, 'the association page before registration');

  // A refused write leaves it not registered, with a retry.
  standIn.fault({ method: 'PUT', path: /account_associations/, status: 403 });
  await register.getByRole('button', { name: 'Register' }).click();
  await expect(register.getByText(/You lack the capability account_associations.update/)).toBeVisible();
  expect(standIn.records.get(FOLDER)?.amazon).toBeUndefined();
  await register.getByRole('button', { name: 'Retry registration' }).click();
  await expect(register.getByText('Registered — the platform says Ready')).toBeVisible();
  expect(standIn.records.get(FOLDER)).toEqual({
    group: FOLDER,
    google: { projectId: 'payments-prod', projectNumber: '123456789012' },
    amazon: { account: MOTO_ACCOUNT },
  });
  await expect(register.getByRole('status').first()).toContainText(
    `Registered: the platform associates group ${FOLDER} with AWS account ${MOTO_ACCOUNT}.`,
  );

  await page.getByRole('button', { name: /Run check|Check again/ }).click();
  // The check panel shows the verdict's title, then its reason.
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /^Success\s*the platform's own check is Ready and every static check passed\./ }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/AWS role impersonation was successful!/).first()).toBeVisible();

  standIn.setCheck(FOLDER, 'AMAZON', {
    ready: 'NotReady',
    reason: 'AssumeRoleFailed',
    message: 'not authorized to perform sts:AssumeRoleWithWebIdentity',
  });
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(
    page.getByRole('status').filter({
      hasText:
        /^Failing\s*Platform: NotReady — AssumeRoleFailed: not authorized to perform sts:AssumeRoleWithWebIdentity/,
    }),
  ).toBeVisible({ timeout: 30_000 });
  await expectNoSeriousA11yViolations(page, 'the association page with a NotReady platform check');

  // Removing the association offers to unset it on the platform, keeping the GCP half.
  await page.getByRole('navigation').getByRole('link', { name: 'Onboard' }).click();
  await page.getByRole('button', { name: 'Remove' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove association' });
  await confirm.getByLabel(/Also unset it on the platform/).check();
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(confirm).toBeHidden();
  expect(standIn.records.get(FOLDER)).toEqual({
    group: FOLDER,
    google: { projectId: 'payments-prod', projectNumber: '123456789012' },
  });
});

/** `liaison check-aws <group>` against the web host's store, the platform stand-in and moto. */
async function checkAwsCli(group: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [CHECK_CLI, 'check-aws', group], {
      env: {
        PATH: host.env.PATH,
        HOME: host.home,
        LIAISON_DATA_DIR: host.dataDir,
        LIAISON_LOG_LEVEL: 'warn',
        AWS_ENDPOINT_URL: moto.url,
        // No CHAINGUARD_CONSOLE_API: the CLI reads the API URL saved in Settings from the data directory.
      },
      timeout: 60_000,
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}

test('done when: a platform folder is onboarded in the wizard, registered in its own step, and Ready everywhere', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  // Pick a real folder from the platform's tree.
  await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click();
  const tree = page.getByRole('list', { name: 'Groups on the platform' });
  await tree.getByRole('button', { name: 'Use checkout in Liaison' }).click();
  await expect(tree.getByRole('listitem').filter({ hasText: 'checkout' }).getByText('In Liaison')).toBeVisible();

  // Onboard an AWS account (moto) onto it.
  await page.getByRole('navigation').getByRole('link', { name: 'Onboard' }).click();
  await page.getByRole('button', { name: 'Start onboarding' }).click();
  await page.getByRole('combobox', { name: 'Group' }).fill('checkout');
  await page.getByRole('option', { name: /checkout/ }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('radio', { name: 'AWS account' }).check();
  await page.getByRole('combobox', { name: 'AWS profile' }).fill('static-admin');
  await page.getByRole('option', { name: /static-admin/ }).click();
  await page.getByLabel('AWS account id').fill(MOTO_ACCOUNT);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Save to workspace' }).click();

  // Register: its own step between Review and Apply.
  await expect(stepHeading(page, 'Register')).toBeVisible();
  const register = page.getByRole('region', { name: 'Register on the platform' });
  await expect(register.getByRole('status')).toContainText(
    `Not registered. Registering creates the group's association record with AWS account ${MOTO_ACCOUNT}.`,
  );
  await expectNoSeriousA11yViolations(page, 'the wizard Register step');
  await register.getByRole('button', { name: 'Register' }).click();
  await expect(register.getByText('Registered — the platform says Ready')).toBeVisible();
  expect(standIn.records.get(CHECKOUT)).toEqual({ group: CHECKOUT, amazon: { account: MOTO_ACCOUNT } });
  await expect(page.locator('.MuiStepper-root')).toContainText('Register');
  await page.getByRole('button', { name: 'Continue to Apply' }).click();
  await expect(stepHeading(page, 'Apply')).toBeVisible();
  await expect(page.locator('.MuiStepper-root')).toContainText('Register, done');

  // Apply (the Terraform double), with the account seeded as the module creates it.
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await page.getByRole('button', { name: /^Apply \d+ changes?$/ }).click({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Applied' })).toBeVisible({ timeout: 30_000 });
  // The earlier test seeded this account for another group: start it afresh.
  await moto.reset();
  await seedAwsAssociation(moto.url, moduleSeed(CHECKOUT));

  // The wizard's check: Platform: Ready.
  await page.getByRole('button', { name: 'Check the association' }).click();
  await expect(stepHeading(page, 'Check')).toBeVisible();
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /^Success\s*the platform's own check is Ready/ }),
  ).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Done' }).click();

  // The dashboard: check all fills the Platform column.
  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('button', { name: 'Check all' }).click();
  await expect(page.getByTestId('run-status')).toContainText(/Finished: (\d+) of \1 checked/, { timeout: 60_000 });
  const row = page.getByRole('row', { name: `checkout on ${MOTO_ACCOUNT}` });
  const platformCell = row.getByRole('gridcell').nth(5);
  await expect(platformCell).toHaveText('Ready');
  await expectNoSeriousA11yViolations(page, 'the dashboard with the Platform column');

  // And from a terminal.
  const ready = await checkAwsCli(CHECKOUT);
  expect(ready.stdout).toContain('Platform: Ready');
  expect(ready.code).toBe(0);

  // NotReady: the platform's reason and message, verbatim, on the dashboard and from the CLI.
  standIn.setCheck(CHECKOUT, 'AMAZON', {
    ready: 'NotReady',
    reason: 'AssumeRoleFailed',
    message: 'not authorized to perform sts:AssumeRoleWithWebIdentity',
  });
  await page.getByRole('button', { name: 'Check all' }).click();
  await expect(platformCell).toHaveText('NotReady', { timeout: 60_000 });
  await expect(platformCell).toHaveAttribute(
    'title',
    'NotReady — AssumeRoleFailed: not authorized to perform sts:AssumeRoleWithWebIdentity',
  );
  await page.getByRole('combobox', { name: 'Platform' }).selectOption({ label: 'NotReady' });
  await expect(page.getByRole('row', { name: `checkout on ${MOTO_ACCOUNT}` })).toBeVisible();
  const notReady = await checkAwsCli(CHECKOUT);
  expect(notReady.stdout).toContain(
    'Platform: NotReady — AssumeRoleFailed: not authorized to perform sts:AssumeRoleWithWebIdentity',
  );
  expect(notReady.code).toBe(1);

  // After a destroy of the workspace, unsetting it on the platform is offered, keeping the GCP half.
  standIn.records.set(CHECKOUT, {
    group: CHECKOUT,
    amazon: { account: MOTO_ACCOUNT },
    google: { projectId: 'checkout-prod', projectNumber: '210987654321' },
  });
  await page.getByRole('navigation').getByRole('link', { name: 'Workspaces' }).click();
  const card = page.getByRole('region', { name: `aws-${MOTO_ACCOUNT}`, exact: true });
  await card.getByRole('button', { name: 'Destroy…' }).click();
  await card.getByRole('button', { name: 'Plan destroy' }).click();
  await card.getByRole('button', { name: /^Apply \d+ changes?$/ }).click({ timeout: 30_000 });
  await page
    .getByRole('dialog', { name: 'Destroy or replace resources?' })
    .getByRole('button', { name: /^Apply \d+ changes?$/ })
    .click();
  await expect(card.getByRole('heading', { name: 'Destroyed' })).toBeVisible({ timeout: 30_000 });
  const unset = card.getByRole('region', { name: 'Unset on the platform' });
  await expectNoSeriousA11yViolations(page, 'the workspace after a destroy, offering the unset');
  await unset.getByRole('button', { name: 'Unset checkout on the platform' }).click();
  await expect(unset.getByRole('status')).toContainText(
    `checkout: The platform no longer associates group ${CHECKOUT} with ${MOTO_ACCOUNT}; the other cloud's half is kept.`,
  );
  expect(standIn.records.get(CHECKOUT)).toEqual({
    group: CHECKOUT,
    google: { projectId: 'checkout-prod', projectNumber: '210987654321' },
  });
});
