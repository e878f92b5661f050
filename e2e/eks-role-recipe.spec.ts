import { findMotoServer, MOTO_MISSING_REASON, startMoto, type MotoServer } from '../test-support/fakes/aws/moto';
import { MOTO_ACCOUNT } from '../test-support/seeders/seed-association';
import { seedEksCluster, seedEksServiceAccountRole } from '../test-support/seeders/seed-eks-service-account-role';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { startAwsHostWithDouble } from './fixtures/terraform-double-host';
import type { WebHostProcess } from './fixtures/web-host';

/*
 * Issue 18's EKS service-account role through the wizard: details (Kubernetes-name and issuer errors
 * at their fields), the cluster picked from the account's clusters (its issuer filled in), review
 * (the trust, the provider), save, Apply with the Terraform double, the
 * annotate command, and the static Check against moto (Failing until the role exists, then
 * Configured), then the dashboard.
 */
const ROLE = 'ledger-writer-role';
const MANAGED = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';

test.describe.configure({ mode: 'serial' });
test.skip(!findMotoServer(), MOTO_MISSING_REASON);

let moto: MotoServer;
let host: WebHostProcess;

test.beforeAll(async () => {
  moto = await startMoto();
  host = await startAwsHostWithDouble(moto.url);
});

test.afterAll(async () => {
  await host?.dispose();
  await moto?.stop();
});

test('an EKS service-account role: details, review, apply, annotate, check and the dashboard', async ({ page }) => {
  test.setTimeout(240_000);
  const issuer = await seedEksCluster(moto.url, 'eu-west-1', 'prod-eu');
  const HOST = issuer.replace(/^https:\/\//, '');
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Onboard' }).click();
  await page.getByRole('button', { name: 'Set up an EKS service-account role' }).click();
  await expect(page.getByRole('heading', { name: 'EKS service-account role' })).toBeVisible();

  // Bad input stays where it is, with the reason beside its field.
  await page.getByLabel('OIDC issuer URL').fill('http://oidc.example.com/id/X');
  await page.getByLabel('Service account', { exact: true }).fill('Ledger_Writer');
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByLabel('OIDC issuer URL')).toHaveAccessibleDescription(/^An issuer is an https URL/);
  await expect(page.getByLabel('Service account', { exact: true })).toHaveAccessibleDescription(/lower-case letters/);
  await expect(page.getByLabel('Service account', { exact: true })).toHaveValue('Ledger_Writer');
  await expectNoSeriousA11yViolations(page, 'EKS role: field errors');

  await page.getByLabel('Your AWS account id').fill(MOTO_ACCOUNT);
  await page.getByLabel('AWS profile').fill('static-admin');
  await page.getByLabel('Region').fill('eu-west-1');
  await page.getByRole('button', { name: 'Find clusters' }).click();
  await page.getByLabel('Cluster in the region').click();
  await page.getByRole('option', { name: 'prod-eu' }).click();
  await expect(page.getByLabel('Cluster name (optional)')).toHaveValue('prod-eu');
  await expect(page.getByLabel('OIDC issuer URL')).toHaveValue(issuer);
  await expect(page.getByRole('checkbox', { name: /already has the IAM OIDC provider/ })).not.toBeChecked();
  await page.getByLabel('Namespace').fill('payments');
  await page.getByLabel('Service account', { exact: true }).fill('ledger-writer');
  await page.getByLabel('Role name').fill(ROLE);
  await page.getByLabel('Managed policy ARNs').fill(MANAGED);
  await page.getByRole('button', { name: 'Review' }).click();

  const main = page.getByLabel('main.tf', { exact: true });
  await expect(main).toContainText('"sts:AssumeRoleWithWebIdentity"');
  await expect(main).toContainText(`"${HOST}:sub"`);
  await expect(main).toContainText('"system:serviceaccount:payments:ledger-writer"');
  await expect(main).toContainText('aws_iam_openid_connect_provider');
  const annotate = page.getByLabel('kubectl annotate command');
  await expect(annotate).toHaveText(
    `kubectl annotate serviceaccount -n payments ledger-writer eks.amazonaws.com/role-arn=arn:aws:iam::${MOTO_ACCOUNT}:role/${ROLE}`,
  );
  await expectNoSeriousA11yViolations(page, 'EKS role: review');

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/terraform 1\.11\.4/)).toBeVisible();
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Plan: / })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /^Apply \d+ changes?$/ }).click();
  await expect(page.getByRole('heading', { name: 'Applied' })).toBeVisible({ timeout: 30_000 });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download ServiceAccount manifest' }).click();
  expect((await download).suggestedFilename()).toBe('payments-ledger-writer-serviceaccount.yaml');

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText(/This check is static/)).toBeVisible();
  await page.getByRole('button', { name: 'Run check' }).click();
  // The double applied nothing in moto: provider and role are missing, and the check says so.
  await expect(page.getByRole('status').filter({ hasText: /^Failing/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(`The role ${ROLE} does not exist.`, { exact: true })).toBeVisible();

  await seedEksServiceAccountRole(moto.url, {
    accountId: MOTO_ACCOUNT,
    roleName: ROLE,
    issuerHostPath: HOST,
    namespace: 'payments',
    serviceAccount: 'ledger-writer',
    managedPolicyArns: [MANAGED],
  });
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Configured/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Refuses another service account in payments/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'EKS role: check');

  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  const row = page.getByRole('row', { name: `EKS service-account role ${ROLE} on ${MOTO_ACCOUNT}` });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Configured');
  await expectNoSeriousA11yViolations(page, 'dashboard with an EKS service-account role');
});

test('the Onboard page names the saved role by its kind and role, and Edit opens its own wizard with its values', async ({
  page,
}) => {
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Onboard' }).click();
  const saved = page
    .getByRole('listitem')
    .filter({ hasText: `EKS service-account role ${ROLE} → AWS account ${MOTO_ACCOUNT}` });
  await expect(saved).toBeVisible();
  await saved.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'EKS service-account role' })).toBeVisible();
  await expect(page.getByLabel('Role name')).toHaveValue(ROLE);
  await expect(page.getByLabel('Service account', { exact: true })).toHaveValue('ledger-writer');
  await expect(page.getByLabel('OIDC issuer URL')).toHaveValue(/^https:\/\//);
});
