import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { installAwsFixtureHome } from './fixtures/aws/aws-fixture-home';
import { findMotoServer, MOTO_MISSING_REASON, startMoto, type MotoServer } from './fixtures/aws/moto';
import { moduleSeed, MOTO_ACCOUNT, seedAwsAssociation } from './fixtures/aws/seed-association';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';
import { onboardToOptions, stepHeading } from './fixtures/wizard-flow';

/*
 * Issue 19, part 6: an account that already has an IAM OIDC provider for the issuer (an earlier
 * manual setup) gets it adopted through an `import` block the Review step shows and explains, instead
 * of an apply that fails with EntityAlreadyExists. The lookup is the real AWS SDK against moto.
 */
const SUCCESS_DOUBLE = resolve(import.meta.dirname, 'fixtures/terraform/double/success');
const ARN = `arn:aws:iam::${MOTO_ACCOUNT}:oidc-provider/issuer.enforce.dev`;
const IMPORT_TO = 'to = module.aws-impersonation.aws_iam_openid_connect_provider.chainguard_idp';

test.describe.configure({ mode: 'serial' });
test.skip(!findMotoServer(), MOTO_MISSING_REASON);

let moto: MotoServer;
let host: WebHostProcess;

test.beforeAll(async () => {
  moto = await startMoto();
  host = new WebHostProcess({ PATH: `${SUCCESS_DOUBLE}:${process.env.PATH ?? ''}`, AWS_ENDPOINT_URL: moto.url });
  installAwsFixtureHome(host.home);
  await host.start();
});

test.afterAll(async () => {
  await host?.dispose();
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
  await expect(stepHeading(page, 'Apply')).toBeVisible();
  const main = readFileSync(join(host.dataDir, 'workspaces', `aws-${MOTO_ACCOUNT}`, 'main.tf'), 'utf8');
  expect(main).toContain(IMPORT_TO);
  expect(main).toContain(`id = "${ARN}"`);
});
