import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { installAwsFixtureHome } from '../test-support/fakes/aws/aws-fixture-home';
import {
  createMotoUser,
  findMotoServer,
  MOTO_MISSING_REASON,
  startMoto,
  type MotoServer,
} from '../test-support/fakes/aws/moto';
import { createGcloudFixture, DEMO_PROJECT, type GcloudFixture } from '../test-support/fakes/gcp/gcloud-fixture';
import { startGoogleFake, type GoogleFake } from '../test-support/fakes/gcp/google-fake';
import {
  installWorkloadIdentityRoutes,
  seedGcpAssociation,
  type WorkloadIdentityState,
} from '../test-support/fakes/gcp/workload-identity-fake';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';
import { passRegisterStep, stepHeading } from './fixtures/wizard-flow';
import { registerNewGroup } from './fixtures/group-ids';

// moto's default account: the identity GetCallerIdentity returns for users it creates.
const MOTO_ACCOUNT = '123456789012';
const hasMoto = findMotoServer() !== undefined;

let moto: MotoServer | undefined;
let fake: GoogleFake;
let workloadIdentity: WorkloadIdentityState;
let gcloud: GcloudFixture;
let host: WebHostProcess;
let scratch: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  moto = hasMoto ? await startMoto() : undefined;
  fake = await startGoogleFake();
  workloadIdentity = installWorkloadIdentityRoutes(fake);
  gcloud = createGcloudFixture(fake);
  host = new WebHostProcess({
    AWS_ENDPOINT_URL: moto?.url ?? 'http://127.0.0.1:9',
    CLOUDSDK_CONFIG: gcloud.configDir,
    ...fake.env(),
  });
  installAwsFixtureHome(host.home, moto ? { staticKeys: await createMotoUser(moto.url, 'e2e-wizard') } : {});
  await host.start();
  scratch = mkdtempSync(join(tmpdir(), 'liaison-wizard-'));
});

test.afterAll(async () => {
  await host?.dispose();
  await fake?.stop();
  gcloud?.dispose();
  await moto?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const next = (page: Page) => page.getByRole('button', { name: 'Next', exact: true }).click();

async function openWizard(page: Page): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Onboard' }).click();
  await expect(page.getByRole('heading', { name: 'Onboard', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Start onboarding' }).click();
  await expect(stepHeading(page, 'Group')).toBeVisible();
}

async function createGroupInline(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New group' }).click();
  const dialog = page.getByRole('dialog', { name: 'New group' });
  await registerNewGroup(dialog, name);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Group' })).toHaveValue(new RegExp(`^${name} \\(`));
}

async function pickAwsAccount(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'AWS account' }).check();
  const profile = page.getByRole('combobox', { name: 'AWS profile' });
  await profile.fill('static-admin');
  await page.getByRole('option', { name: /static-admin/ }).click();
  if (moto) {
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(page.getByLabel('AWS account id')).toHaveValue(MOTO_ACCOUNT);
  } else {
    test.info().annotations.push({ type: 'skip', description: `identity from moto: ${MOTO_MISSING_REASON}` });
    await page.getByLabel('AWS account id').fill(MOTO_ACCOUNT);
  }
}

const mainTfOnDisk = () => readFileSync(join(host.dataDir, 'workspaces', `aws-${MOTO_ACCOUNT}`, 'main.tf'), 'utf8');

test('a new user onboards an AWS account and then a second group to the same account', async ({ page }) => {
  // Two whole onboardings, each through Review (which looks for an existing OIDC provider in moto) and
  // the Register step, with five axe runs: over a minute on a busy machine.
  test.setTimeout(120_000);
  await openWizard(page);
  await expectNoSeriousA11yViolations(page, 'wizard step 1');
  // Next checks the step: no group chosen is a field error, and the values stay.
  await next(page);
  await expect(page.getByRole('combobox', { name: 'Group' })).toHaveAttribute('aria-invalid', 'true');
  await createGroupInline(page, 'Platform team');
  await next(page);

  await expect(stepHeading(page, 'Cloud and credentials')).toBeVisible();
  await pickAwsAccount(page);
  await expectNoSeriousA11yViolations(page, 'wizard step 2 (AWS)');
  await next(page);

  await expect(stepHeading(page, 'Options')).toBeVisible();
  await expect(page.getByLabel('Platform domain (environment)')).toHaveValue('enforce.dev');
  await expectNoSeriousA11yViolations(page, 'wizard step 3');
  // Back and Next keep what was entered.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('AWS account id')).toHaveValue(MOTO_ACCOUNT);
  await next(page);
  await next(page);

  await expect(stepHeading(page, 'Review and export')).toBeVisible();
  const preview = page.getByTestId('file-content');
  await expect(preview).toContainText('version = "0.1.0"');
  await expect(preview).toContainText(`account     = "${MOTO_ACCOUNT}"`);
  await expectNoSeriousA11yViolations(page, 'wizard step 4');
  await page.getByRole('button', { name: 'Save to workspace' }).click();
  await passRegisterStep(page);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: 'Start onboarding' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Associations' })).toContainText('Platform team');
  const firstMain = mainTfOnDisk();
  expect(firstMain).toMatch(/^# Generated by Liaison/);

  // A second group on the same account: the review shows main.tf gaining it, and saving writes it.
  await page.getByRole('button', { name: 'Start onboarding' }).click();
  await createGroupInline(page, 'Payments');
  await next(page);
  await pickAwsAccount(page);
  await next(page);
  await next(page);
  const diff = page.getByLabel('Changes to main.tf');
  await expect(diff).toBeVisible();
  await expect(diff).toContainText(/\+ {5}"[0-9a-f]{40}",/);
  await expect(diff).toContainText(/- {3}group_ids {3}= \["[0-9a-f]{40}"\]/);
  await page.getByRole('button', { name: 'Save to workspace' }).click();
  await passRegisterStep(page);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: 'Start onboarding' })).toBeVisible();
  const secondMain = mainTfOnDisk();
  expect(secondMain.match(/module "aws-impersonation"/g)).toHaveLength(1);
  expect(secondMain.match(/^ {4}"[0-9a-f]{40}",$/gm)).toHaveLength(2);
  expect(secondMain).not.toBe(firstMain);
});

test('a GCP project gets its number from the lookup, the zip matches the preview, and the check step proves it', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openWizard(page);
  await page.getByRole('combobox', { name: 'Group' }).click();
  await page.getByRole('option', { name: /Platform team/ }).click();
  await next(page);
  await page.getByRole('radio', { name: 'Google Cloud project' }).check();
  await page.getByRole('combobox', { name: 'Credentials' }).click();
  await page.getByRole('option', { name: /Configuration default/ }).click();
  const projectId = page.getByRole('combobox', { name: 'Project ID' });
  await projectId.fill(DEMO_PROJECT.projectId);
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByLabel('Project number')).toHaveValue(DEMO_PROJECT.projectNumber);
  await expectNoSeriousA11yViolations(page, 'wizard step 2 (GCP)');
  await next(page);
  await next(page);

  await expect(stepHeading(page, 'Review and export')).toBeVisible();
  const shown: Record<string, string> = {};
  for (const path of ['main.tf', 'versions.tf', 'README.md']) {
    await page.getByRole('tab', { name: path }).click();
    shown[path] = (await page.getByTestId('file-content').textContent()) ?? '';
  }
  expect(shown['main.tf']).toContain(`project_id  = "${DEMO_PROJECT.projectId}"`);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export zip' }).click();
  const download = await downloading;
  const zipFile = join(scratch, download.suggestedFilename());
  await download.saveAs(zipFile);
  expect(download.suggestedFilename()).toBe(`liaison-gcp-${DEMO_PROJECT.projectId}.zip`);
  const unzipped = join(scratch, 'unzipped');
  const unzip = spawnSync('unzip', ['-q', '-o', zipFile, '-d', unzipped], { encoding: 'utf8' });
  expect(unzip.status, unzip.stderr).toBe(0);
  for (const [path, text] of Object.entries(shown)) {
    expect(readFileSync(join(unzipped, `gcp-${DEMO_PROJECT.projectId}`, path), 'utf8'), path).toBe(text);
  }

  // The last step proves the association: failing while nothing exists in the project, then
  // Configured once the fake holds what applying the module creates for this group.
  await page.getByRole('button', { name: 'Save to workspace' }).click();
  await passRegisterStep(page);
  await page.getByRole('button', { name: 'Check the association' }).click();
  await expect(stepHeading(page, 'Check')).toBeVisible();
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Failing/ })).toBeVisible({ timeout: 30_000 });
  const origin = new URL(host.url).origin;
  const listed = await page.request.post(`${origin}/api/call/listGroups`, { data: {}, headers: { origin } });
  const groups = ((await listed.json()) as { value: { id: string; name: string }[] }).value;
  const groupId = groups.find((group) => group.name === 'Platform team')?.id;
  expect(groupId).toMatch(/^[0-9a-f]{40}$/);
  seedGcpAssociation(fake, workloadIdentity, { ...DEMO_PROJECT, groupId: groupId ?? '' });
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Configured\s*every static check passed/ })).toBeVisible({
    timeout: 30_000,
  });
  await expectNoSeriousA11yViolations(page, 'wizard check step (GCP)');
});

test('the wizard can be driven from the keyboard alone', async ({ page }) => {
  await page.goto(host.url);
  // A group of its own: the earlier tests' groups already hold an AWS account, and a group holds one.
  const origin = new URL(host.url).origin;
  const created = await page.request.post(`${origin}/api/call/createGroup`, {
    data: { mode: 'root', name: 'Keyboard team' },
    headers: { origin },
  });
  expect(created.ok(), await created.text()).toBe(true);
  await page.getByRole('navigation').getByRole('link', { name: 'Onboard' }).focus();
  await page.keyboard.press('Enter');
  const start = page.getByRole('button', { name: 'Start onboarding' });
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Group')).toBeFocused();

  // Group: type into the combobox and choose with the arrow keys.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Group' })).toBeFocused();
  await page.keyboard.type('Keyboard');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Group' })).toHaveValue(/^Keyboard team \(/);
  await tabTo(page, 'button', 'Next');
  await page.keyboard.press('Enter');

  // Cloud: arrow keys move between the radios; then the profile and account fields by typing.
  await expect(stepHeading(page, 'Cloud and credentials')).toBeFocused();
  await tabTo(page, 'radio', 'AWS account');
  await page.keyboard.press('Space');
  await tabTo(page, 'combobox', 'AWS profile');
  await page.keyboard.type('static-admin');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await tabTo(page, 'textbox', 'AWS account id');
  await page.keyboard.type('210987654321');
  await tabTo(page, 'button', 'Next');
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Options')).toBeFocused();
  await tabTo(page, 'button', 'Next');
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Review and export')).toBeFocused();
  await tabTo(page, 'button', 'Save to workspace');
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Register')).toBeFocused();
  await tabTo(page, 'button', 'Continue to Apply');
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Apply')).toBeFocused();
  await tabTo(page, 'button', 'Done');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Start onboarding' })).toBeVisible();
  expect(readFileSync(join(host.dataDir, 'workspaces', 'aws-210987654321', 'main.tf'), 'utf8')).toContain(
    'account     = "210987654321"',
  );
});

/** Presses Tab until the named control has focus (at most 40 times), as a keyboard user would. */
async function tabTo(page: Page, role: 'button' | 'radio' | 'combobox' | 'textbox', name: string): Promise<void> {
  const target = page.getByRole(role, { name, exact: true });
  for (let presses = 0; presses < 40; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${role} "${name}"`);
}
