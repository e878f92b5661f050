import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  FIXTURE_PROFILES,
  installAwsFixtureHome,
  type AwsFixtureHome,
} from '../test-support/fakes/aws/aws-fixture-home';
import {
  createMotoUser,
  findMotoServer,
  MOTO_MISSING_REASON,
  startMoto,
  type MotoServer,
} from '../test-support/fakes/aws/moto';
import { startSsoFake, type SsoFake } from '../test-support/fakes/aws/sso-fake';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';

// One host, one fixture ~/.aws, for the whole file: the last test proves nothing in it was written.
test.describe.configure({ mode: 'serial' });

const hasMoto = findMotoServer() !== undefined;
let moto: MotoServer | undefined;
let sso: SsoFake | undefined;
let host: WebHostProcess;
let fixture: AwsFixtureHome;
let hashesBefore: { config: string; credentials: string };

test.beforeAll(async () => {
  if (hasMoto) {
    moto = await startMoto();
    sso = await startSsoFake({ motoUrl: moto.url });
  }
  host = new WebHostProcess({
    // Cloud endpoints on loopback, exactly as an operator would redirect the SDK.
    ...(moto ? { AWS_ENDPOINT_URL: moto.url } : { AWS_ENDPOINT_URL: 'http://127.0.0.1:9' }),
    ...(sso ? { AWS_ENDPOINT_URL_SSO: sso.url, AWS_ENDPOINT_URL_SSO_OIDC: sso.url } : {}),
  });
  fixture = installAwsFixtureHome(host.home, {
    ...(moto
      ? {
          staticKeys: await createMotoUser(moto.url, 'e2e-static'),
          processKeys: await createMotoUser(moto.url, 'e2e-process'),
        }
      : {}),
  });
  hashesBefore = fixture.hashes();
  await host.start();
});

test.afterAll(async () => {
  await host?.dispose();
  await sso?.close();
  await moto?.stop();
});

async function openProfiles(page: Page): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Credentials' }).click();
  await expect(page.getByRole('heading', { name: 'Credentials', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'AWS profiles' })).toHaveAttribute('aria-selected', 'true');
  await expect(grid(page)).toBeVisible();
}

const grid = (page: Page) => page.getByRole('grid', { name: 'AWS profiles' });
const row = (page: Page, name: string) => grid(page).getByRole('row', { name, exact: true });

/** The table is virtualized: the operator finds a row by typing its name, as a test does. */
async function findRow(page: Page, name: string) {
  await page.getByLabel('Filter profiles').fill(name);
  await expect(row(page, name)).toBeVisible();
  return row(page, name);
}

test('a new user finds every profile classified, with its warnings', async ({ page }) => {
  await openProfiles(page);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(FIXTURE_PROFILES.length + 1));
  await expect(page.getByText(`${FIXTURE_PROFILES.length} profiles`)).toBeVisible();
  await expect(row(page, 'bad-credential-source')).toContainText('1 warning');
  await expect(await findRow(page, 'static-admin')).toContainText('Static keys');
  const chain = await findRow(page, 'chain-hop2');
  await expect(chain).toContainText('Role');
  await expect(chain).toContainText('222222222222');
  await expect(chain).toContainText('via chain-hop1 → static-admin');
  await expect(await findRow(page, 'mfa-role')).toContainText('MFA');
  await expect(await findRow(page, 'sso-dev')).toContainText('session corp');
  await expect(await findRow(page, 'loop-a')).toContainText('1 warning');
  await page.getByLabel('Filter profiles').fill('');
  // Whole-file problems are listed once.
  await expect(page.getByText(/\[not-a-profile\] .* is ignored by the SDK/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the AWS profiles table');

  // Type-to-filter over name, account, type and region.
  const filter = page.getByLabel('Filter profiles');
  await filter.fill('555555555555');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '2');
  await expect(row(page, 'sso-dev')).toBeVisible();
  await filter.fill('web identity');
  await expect(row(page, 'web-id')).toBeVisible();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '2');
  await filter.fill('eu-central-1');
  await expect(row(page, 'chain-hop2')).toBeVisible();
  await filter.fill('');

  // Type chips.
  await page.getByRole('button', { name: 'Process', exact: true, pressed: false }).click();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '4');
  await page.getByRole('button', { name: 'Process', exact: true, pressed: true }).click();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(FIXTURE_PROFILES.length + 1));

  // The details say what is wrong and what to do.
  await (await findRow(page, 'missing-source')).getByRole('button', { name: 'Details of missing-source' }).click();
  const details = page.getByRole('dialog', { name: 'missing-source' });
  await expect(details.getByText('source_profile "does-not-exist" does not exist')).toBeVisible();
  await expect(details.getByText(/Add a \[profile does-not-exist\] section/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the profile details');
  await details.getByRole('button', { name: 'Close details' }).click();
  await expect(details).toBeHidden();
});

test('the table works from the keyboard', async ({ page }) => {
  await openProfiles(page);
  await page.getByLabel('Filter profiles').fill('chain');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '3');
  await row(page, 'chain-hop1').focus();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 'chain-hop2')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(row(page, 'chain-hop2')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Verify selected (1)' })).toBeEnabled();
  await page.keyboard.press('Home');
  await expect(row(page, 'chain-hop1')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'chain-hop1' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'chain-hop1' })).toBeHidden();
  // Tab from the current row reaches its own controls.
  await row(page, 'chain-hop2').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Select chain-hop2' })).toBeFocused();
  await page.getByRole('checkbox', { name: 'Select chain-hop2' }).press('Space');
  await expect(row(page, 'chain-hop2')).toHaveAttribute('aria-selected', 'false');
});

test('"select all" selects the rows shown, and says when only some are', async ({ page }) => {
  await openProfiles(page);
  await page.getByLabel('Filter profiles').fill('chain');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '3');
  const selectAll = page.getByRole('checkbox', { name: 'Select all shown profiles' });
  await expect(selectAll).not.toBeChecked();
  await page.getByRole('checkbox', { name: 'Select chain-hop1' }).check();
  await expect(selectAll).toBeChecked({ indeterminate: true });
  await selectAll.click();
  await expect(row(page, 'chain-hop1')).toHaveAttribute('aria-selected', 'true');
  await expect(row(page, 'chain-hop2')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Verify selected (2)' })).toBeEnabled();
  const deselectAll = page.getByRole('checkbox', { name: 'Deselect all shown profiles' });
  await expect(deselectAll).toBeChecked();
  await deselectAll.click();
  await expect(row(page, 'chain-hop1')).toHaveAttribute('aria-selected', 'false');
  await expect(page.getByRole('button', { name: 'Verify selected' })).toBeDisabled();
});

test.describe('against moto', () => {
  test.skip(!hasMoto, MOTO_MISSING_REASON);

  test('verifies a static and a chained profile, showing account and ARN', async ({ page }) => {
    await openProfiles(page);
    await (await findRow(page, 'static-admin')).getByRole('button', { name: 'Verify static-admin' }).click();
    await expect(row(page, 'static-admin')).toContainText('arn:aws:iam::123456789012:user/e2e-static');
    await expect(row(page, 'static-admin')).toContainText('Account 123456789012');
    await (await findRow(page, 'chain-hop2')).getByRole('button', { name: 'Verify chain-hop2' }).click();
    await expect(row(page, 'chain-hop2')).toContainText(
      'arn:aws:sts::222222222222:assumed-role/hop2-role/liaison-hop2',
    );
    await expectNoSeriousA11yViolations(page, 'verified profiles');
  });

  test('verifies an MFA profile after the code is entered; cancelling ends it cleanly', async ({ page }) => {
    await openProfiles(page);
    await (await findRow(page, 'mfa-role')).getByRole('button', { name: 'Verify mfa-role' }).click();
    const dialog = page.getByRole('dialog', { name: 'MFA code' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('arn:aws:iam::123456789012:mfa/operator');
    const code = dialog.getByLabel('MFA code');
    await code.fill('12a4');
    await expect(code).toHaveValue('124');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await expect(dialog.getByText('Enter the 6-digit code from your MFA device')).toBeVisible();
    await expect(code).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page, 'the MFA dialog with an error');
    await code.fill('123456');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page, 'mfa-role')).toContainText('arn:aws:sts::333333333333:assumed-role/mfa-role/liaison-mfa');

    // Again (Verify always re-resolves), and cancel this time.
    await row(page, 'mfa-role').getByRole('button', { name: 'Verify mfa-role' }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page, 'mfa-role')).toContainText('MFA code entry for "mfa-role" was cancelled');
  });

  test('signs in to SSO through the device flow, then verifies without signing in again', async ({ page }) => {
    await openProfiles(page);
    await (await findRow(page, 'sso-dev')).getByRole('button', { name: 'Verify sso-dev' }).click();
    await expect(row(page, 'sso-dev')).toContainText('needs an SSO sign-in');
    await row(page, 'sso-dev').getByRole('button', { name: 'Sign in for sso-dev' }).click();

    const dialog = page.getByRole('dialog', { name: 'Sign in to AWS SSO' });
    await expect(dialog).toBeVisible();
    const shownCode = (await dialog.getByLabel('Sign-in code').textContent())?.trim();
    expect(sso!.pendingUserCodes()).toEqual([shownCode]);
    await expectNoSeriousA11yViolations(page, 'the SSO sign-in dialog');

    // The verification page opens in a new tab; the operator approves there.
    const popupPromise = page.waitForEvent('popup');
    await dialog.getByRole('button', { name: 'Open sign-in page' }).click();
    const popup = await popupPromise;
    await expect(popup.getByLabel('Code')).toHaveValue(shownCode!);
    await popup.getByRole('button', { name: 'Allow access' }).click();
    await expect(popup.getByText('Request approved')).toBeVisible();
    await popup.close();

    await expect(dialog).toBeHidden({ timeout: 15_000 });
    await expect(row(page, 'sso-dev')).toContainText('arn:aws:sts::555555555555:assumed-role/Developer/sso-operator');
    const cacheFile = join(fixture.ssoCacheDir, `${createHash('sha1').update('corp').digest('hex')}.json`);
    expect(existsSync(cacheFile)).toBe(true);
    expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toMatchObject({
      startUrl: 'https://corp.awsapps.com/start',
      region: 'us-east-1',
    });

    // A second verify (re-resolving, not from Liaison's cache) needs no sign-in.
    const registrations = sso!.calls.filter((c) => c === 'register').length;
    await page.reload();
    await page.getByRole('link', { name: 'Credentials' }).click();
    await (await findRow(page, 'sso-dev')).getByRole('button', { name: 'Verify sso-dev' }).click();
    await expect(row(page, 'sso-dev')).toContainText('arn:aws:sts::555555555555:assumed-role/Developer/sso-operator');
    await expect(page.getByRole('dialog', { name: 'Sign in to AWS SSO' })).toBeHidden();
    expect(sso!.calls.filter((c) => c === 'register').length).toBe(registrations);
  });

  test('verifies the selected profiles with progress; failures stay on their row', async ({ page }) => {
    await openProfiles(page);
    for (const name of ['ci-process', 'web-id', 'broken-process', 'chain-hop1']) {
      await (await findRow(page, name)).getByRole('checkbox', { name: `Select ${name}` }).check();
    }
    // Selection survives filtering; show the four together.
    await page.getByLabel('Filter profiles').fill('');
    await page.getByRole('button', { name: 'Process', exact: true, pressed: false }).click();
    await page.getByRole('button', { name: 'Web identity', exact: true, pressed: false }).click();
    await page.getByRole('button', { name: 'Verify selected (4)' }).click();
    await expect(page.getByText(/Verified \d of 4/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Verify selected (4)' })).toBeVisible({ timeout: 15_000 });
    await expect(row(page, 'ci-process')).toContainText('arn:aws:iam::123456789012:user/e2e-process');
    await expect(row(page, 'web-id')).toContainText('assumed-role/web-identity-role/liaison-web');
    await expect(row(page, 'broken-process')).toContainText('exited with code 3');
    await expect(row(page, 'broken-process')).toContainText('the session for operator has expired');
    await expect(row(page, 'broken-process')).not.toContainText('wJalrXUtnFEMI');
    await page.getByRole('button', { name: 'Process', exact: true, pressed: true }).click();
    await page.getByRole('button', { name: 'Web identity', exact: true, pressed: true }).click();
    await expect(await findRow(page, 'chain-hop1')).toContainText('assumed-role/hop1-role/liaison-hop1');
  });
});

test('Liaison never wrote ~/.aws/config or ~/.aws/credentials', () => {
  expect(fixture.hashes()).toEqual(hashesBefore);
});
