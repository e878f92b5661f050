import { join } from 'node:path';
import { findMotoServer, MOTO_MISSING_REASON, startMoto, type MotoServer } from '../test-support/fakes/aws/moto';
import { moduleSeed, MOTO_ACCOUNT, seedAwsAssociation } from '../test-support/seeders/seed-association';
import { installTokenCommand } from '../test-support/seeders/token-command';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { findGroupNamed } from './fixtures/host-api';
import { startAwsHostWithDouble } from './fixtures/terraform-double-host';
import type { WebHostProcess } from './fixtures/web-host';
import { onboardToApply, stepHeading } from './fixtures/wizard-flow';

/*
 * The wizard's last step, against moto: moto does not evaluate trust policies, so only the static
 * inspection tells a missing association from a correct one — exactly what this walks through.
 */

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

test('the check step says Failing before the association exists, Configured once it does, and Success live', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await onboardToApply(page, host.url, 'Checked team', MOTO_ACCOUNT);
  await page.getByRole('button', { name: 'Check the association' }).click();
  await expect(stepHeading(page, 'Check')).toBeVisible();

  // Nothing was applied in the account yet: the OIDC provider is missing, and the check says how to fix it.
  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Failing\s*OIDC provider/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText(/Run Apply/).first()).toBeVisible();

  // Seed the account exactly as the 0.1.0 module would, for this group.
  const group = await findGroupNamed(page, host.url, 'Checked team');
  expect(group?.id).toMatch(/^[0-9a-f]{40}$/);
  await seedAwsAssociation(moto.url, moduleSeed(group!.id));

  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Configured\s*every static check passed/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText(/role impersonation was successful/)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the wizard check step');

  // A token command for the environment turns on the live step.
  const command = installTokenCommand(join(host.root, 'tokens'), 'enforce.dev', {
    amazon: `canary:${group!.id}`,
    google: `canary:${group!.id}`,
  });
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Token command', { exact: true }).fill(command);
  // The web host runs a new program only once its operator re-enters the launch token.
  await page.getByRole('form', { name: 'Set a token command' }).getByLabel('Launch token').fill(host.launchToken);
  await page.getByRole('button', { name: 'Save token command' }).click();
  await expect(page.getByRole('list', { name: 'Token commands' })).toContainText('enforce.dev');
  await expectNoSeriousA11yViolations(page, 'the settings page with a token command');

  const origin = new URL(host.url).origin;
  const associations = await page.request.post(`${origin}/api/call/listAssociations`, {
    data: {},
    headers: { origin },
  });
  const association = (
    (await associations.json()) as { value: { id: string; values: { groupId?: string } }[] }
  ).value.find((a) => a.values.groupId === group!.id);
  const checked = await page.request.post(`${origin}/api/call/runAssociationCheck`, {
    data: { associationId: association!.id },
    headers: { origin },
  });
  const result = ((await checked.json()) as { value: { verdict: string; successLine?: string } }).value;
  expect(result.verdict).toBe('success');
  expect(result.successLine).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d AWS role impersonation was successful!$/);
});
