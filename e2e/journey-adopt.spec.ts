import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { installAwsFixtureHome } from '../test-support/fakes/aws/aws-fixture-home';
import { findMotoServer, MOTO_MISSING_REASON, startMoto, type MotoServer } from '../test-support/fakes/aws/moto';
import { moduleSeed, MOTO_ACCOUNT, seedAwsAssociation } from '../test-support/seeders/seed-association';
import { createGcloudFixture, DEMO_PROJECT, type GcloudFixture } from '../test-support/fakes/gcp/gcloud-fixture';
import { startGoogleFake, type GoogleFake } from '../test-support/fakes/gcp/google-fake';
import {
  installWorkloadIdentityRoutes,
  seedGcpAssociation,
  softDeletePool,
  type WorkloadIdentityState,
} from '../test-support/fakes/gcp/workload-identity-fake';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';
import { registerNewGroup } from './fixtures/group-ids';
import { onboardToOptions, passRegisterStep, stepHeading } from './fixtures/wizard-flow';

/*
 * Issue 19, part 6: an account that already has an IAM OIDC provider for the issuer (an earlier
 * manual setup) gets it adopted through an `import` block the Review step shows and explains, instead
 * of an apply that fails with EntityAlreadyExists; a project whose pool was destroyed (Google keeps it
 * soft-deleted for 30 days) gets it undeleted. The real AWS SDK against moto, google-auth-library
 * against the Google fake.
 */
const SUCCESS_DOUBLE = resolve(import.meta.dirname, '../test-support/fakes/terraform/double/success');
const ARN = `arn:aws:iam::${MOTO_ACCOUNT}:oidc-provider/issuer.enforce.dev`;
const IMPORT_TO = 'to = module.aws-impersonation.aws_iam_openid_connect_provider.chainguard_idp';

test.describe.configure({ mode: 'serial' });
test.skip(!findMotoServer(), MOTO_MISSING_REASON);

let moto: MotoServer;
let fake: GoogleFake;
let workloadIdentity: WorkloadIdentityState;
let gcloud: GcloudFixture;
let host: WebHostProcess;

test.beforeAll(async () => {
  moto = await startMoto();
  fake = await startGoogleFake();
  workloadIdentity = installWorkloadIdentityRoutes(fake);
  gcloud = createGcloudFixture(fake);
  host = new WebHostProcess({
    PATH: `${SUCCESS_DOUBLE}:${process.env.PATH ?? ''}`,
    AWS_ENDPOINT_URL: moto.url,
    CLOUDSDK_CONFIG: gcloud.configDir,
    ...fake.env(),
  });
  installAwsFixtureHome(host.home);
  await host.start();
});

test.afterAll(async () => {
  await host?.dispose();
  await fake?.stop();
  gcloud?.dispose();
  await moto?.stop();
});

test('an existing OIDC provider is adopted through an import block shown in Review, or declined', async ({ page }) => {
  test.setTimeout(120_000);
  // Before anything exists, Review says the module will create the provider, and main.tf imports nothing.
  await onboardToOptions(page, host.url, 'Fresh team', MOTO_ACCOUNT);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(stepHeading(page, 'Review and export')).toBeVisible();
  await expect(
    page.getByText(`Account ${MOTO_ACCOUNT} has no OIDC provider for https://issuer.enforce.dev yet`),
  ).toBeVisible({
    timeout: 30_000,
  });
  const code = page.getByLabel('main.tf as it will be written');
  await expect(code).toContainText('module "aws-impersonation"');
  await expect(code).not.toContainText('import {');
  await page.getByRole('main').getByRole('button', { name: 'Close', exact: true }).click();

  // An earlier manual setup left the issuer's provider in the account.
  await seedAwsAssociation(moto.url, { ...moduleSeed('0'.repeat(40)), roles: [] });
  await onboardToOptions(page, host.url, 'Adopting team', MOTO_ACCOUNT);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  const offer = page.getByRole('alert', {
    name: `An OIDC provider for https://issuer.enforce.dev already exists in account ${MOTO_ACCOUNT}`,
  });
  await expect(offer).toBeVisible({ timeout: 30_000 });
  await expect(offer).toContainText(ARN);
  await expect(offer).toContainText('EntityAlreadyExists');
  const adopt = offer.getByRole('checkbox', { name: /Adopt the existing provider/ });
  await expect(adopt).toBeChecked();
  await expect(code).toContainText('import {');
  await expect(code).toContainText(IMPORT_TO);
  await expect(code).toContainText(`id = "${ARN}"`);
  await expect(code).toContainText('AWS allows');
  await page.getByRole('tab', { name: 'versions.tf' }).click();
  await expect(page.getByLabel('versions.tf as it will be written')).toContainText('required_version = ">= 1.5.0"');
  await page.getByRole('tab', { name: 'main.tf' }).click();
  await expectNoSeriousA11yViolations(page, 'review: adopt the existing OIDC provider');

  // Declining takes the import out; adopting again puts it back.
  await adopt.uncheck();
  await expect(code).not.toContainText('import {');
  await expect(adopt).not.toBeChecked();
  await adopt.check();
  await expect(code).toContainText(IMPORT_TO);

  // Saved with the import block: the workspace's main.tf on disk is the one reviewed.
  await page.getByRole('button', { name: 'Save to workspace' }).click();
  await passRegisterStep(page);
  const main = readFileSync(join(host.dataDir, 'workspaces', `aws-${MOTO_ACCOUNT}`, 'main.tf'), 'utf8');
  expect(main).toContain(IMPORT_TO);
  expect(main).toContain(`id = "${ARN}"`);
});

test('a soft-deleted workload identity pool is found before the plan and undeleted', async ({ page }) => {
  test.setTimeout(120_000);
  // What a destroy leaves: the module's pool, soft-deleted for 30 days.
  seedGcpAssociation(fake, workloadIdentity, { ...DEMO_PROJECT, groupId: '0'.repeat(40) });
  softDeletePool(workloadIdentity, DEMO_PROJECT.projectNumber, new Date());

  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Onboard' }).click();
  await page.getByRole('button', { name: 'Start onboarding' }).click();
  await page.getByRole('button', { name: 'New group' }).click();
  const dialog = page.getByRole('dialog', { name: 'New group' });
  await registerNewGroup(dialog, 'Restored team');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('radio', { name: 'Google Cloud project' }).check();
  await page.getByRole('combobox', { name: 'Credentials' }).click();
  await page.getByRole('option', { name: /Configuration default/ }).click();
  await page.getByRole('combobox', { name: 'Project ID' }).fill(DEMO_PROJECT.projectId);
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByLabel('Project number')).toHaveValue(DEMO_PROJECT.projectNumber);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(stepHeading(page, 'Review and export')).toBeVisible();

  const deleted = page.getByRole('alert', { name: 'The workload identity pool chainguard-pool was deleted' });
  await expect(deleted).toBeVisible({ timeout: 30_000 });
  await expect(deleted).toContainText('30 days');
  await expect(deleted).toContainText('409');
  await expectNoSeriousA11yViolations(page, 'review: undelete the pool');
  await deleted.getByRole('button', { name: 'Undelete the pool' }).click();
  await expect(page.getByText('The workload identity pool chainguard-pool is restored')).toBeVisible();
  await expect(
    page.getByText(`Project ${DEMO_PROJECT.projectId} has the workload identity pool chainguard-pool.`),
  ).toBeVisible();
  expect(
    workloadIdentity.pools.get(
      `projects/${DEMO_PROJECT.projectNumber}/locations/global/workloadIdentityPools/chainguard-pool`,
    )?.state,
  ).toBe('ACTIVE');
});
