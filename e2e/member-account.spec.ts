import { startFaultProxy, type FaultProxy, type ProxiedRequest } from '../test-support/fakes/aws/fault-proxy';
import {
  createMotoUser,
  findMotoServer,
  MOTO_MISSING_REASON,
  startMoto,
  type MotoServer,
} from '../test-support/fakes/aws/moto';
import { seedOrganization, type SeededOrganization } from '../test-support/seeders/seed-organization';
import { buildEveryMotoBackend } from '../test-support/seeders/seed-moto-accounts';
import { seedGroupsOnSharedAccount } from '../test-support/seeders/seed-shared-account';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { findGroupNamed } from './fixtures/host-api';
import { startAwsHostWithDouble } from './fixtures/terraform-double-host';
import type { WebHostProcess } from './fixtures/web-host';
import {
  checkIsConfigured,
  chooseStaticAdminProfile,
  passRegisterStep,
  planAndApplyThree,
  startWithNewGroup,
  stepHeading,
} from './fixtures/wizard-flow';

/*
 * A new user whose only profile is the management account's: pick a member account from the
 * organization tree, review the assume_role the workspace gets, save, and check it through the role.
 * moto serves the organization and cross-account AssumeRole.
 */
test.describe.configure({ mode: 'serial' });
test.skip(!findMotoServer(), MOTO_MISSING_REASON);

let moto: MotoServer;
let proxy: FaultProxy;
let host: WebHostProcess;
let organization: SeededOrganization;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  moto = await startMoto();
  const management = await createMotoUser(moto.url, 'org-admin');
  // Small on purpose: moto builds every account's IAM (all managed policies) on the first call signed
  // by assumed-role keys, ~4 s per account; the 30-account organization is the Vitest suite's.
  organization = await seedOrganization(moto.url, management, ['Prod', 'Staging'], 3);
  await buildEveryMotoBackend(moto.url);
  // moto cannot invite an account into an organization: the proxy answers Prod's account listing as
  // AWS does when Prod-0001 was invited (everything else passes through to moto).
  proxy = await startFaultProxy({ target: moto.url, fault: invitedProdAccount });
  host = await startAwsHostWithDouble(proxy.url, { staticKeys: management });
});

test.afterAll(async () => {
  await host?.dispose();
  await proxy?.close();
  await moto?.stop();
});

const INVITED = 'Prod-0001';

/** ListAccountsForParent for the Prod unit, in the Organizations JSON protocol, with INVITED marked. */
function invitedProdAccount(request: ProxiedRequest) {
  if (request.headers['x-amz-target'] !== 'AWSOrganizationsV20161128.ListAccountsForParent') return undefined;
  const prod = organization.units.find((unit) => unit.name === 'Prod');
  if (!prod || (JSON.parse(request.body) as { ParentId?: string }).ParentId !== prod.id) return undefined;
  const accounts = organization.accounts
    .filter((account) => account.unitId === prod.id)
    .map((account) => ({
      Id: account.id,
      Arn: `arn:aws:organizations::000000000000:account/o-invited/${account.id}`,
      Email: account.email,
      Name: account.name,
      Status: 'ACTIVE',
      JoinedMethod: account.name === INVITED ? 'INVITED' : 'CREATED',
      JoinedTimestamp: 1_700_000_000,
    }));
  return {
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: JSON.stringify({ Accounts: accounts }),
  };
}

test('onboard a member account picked from the organization, through OrganizationAccountAccessRole', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const member = organization.accounts.find((account) => account.name === 'Staging-0002')!;

  await startWithNewGroup(page, host.url, 'Member team');

  await chooseStaticAdminProfile(page);
  await page.getByRole('radio', { name: /assume a role in the account/ }).check();
  await expect(page.getByRole('combobox', { name: 'Role in the account' })).toHaveValue(
    'OrganizationAccountAccessRole',
  );

  // A bad External ID is refused under its own field, and fixing it clears the message.
  await page.getByLabel('External ID (optional)').fill('x');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByText('An External ID is at least 2 characters')).toBeVisible();
  await page.getByLabel('External ID (optional)').fill('liaison-e2e');

  await page.getByRole('button', { name: 'Pick from the organization' }).click();
  const picker = page.getByRole('dialog', { name: 'Pick an account from the organization' });
  await expect(picker.getByText(/of 7 accounts in organization/)).toBeVisible({ timeout: 30_000 });
  await expectNoSeriousA11yViolations(page, 'the organization picker');
  await picker.getByLabel('Filter by name, id, email or unit').fill('staging-0002');
  await expect(picker.getByText(/^1 of 7 accounts/)).toBeVisible();
  await expect(picker.getByText('Staging · 1 account')).toBeVisible();
  await picker.getByRole('button', { name: new RegExp(`^Staging-0002, account ${member.id}`) }).click();
  await expect(picker).toBeHidden();
  await expect(page.getByLabel('AWS account id')).toHaveValue(member.id);

  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(stepHeading(page, 'Options')).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(stepHeading(page, 'Review and export')).toBeVisible();
  const review = page.getByRole('main');
  await expect(review.getByText('assume_role {').first()).toBeVisible();
  await expect(
    review.getByText(`"arn:aws:iam::${member.id}:role/OrganizationAccountAccessRole"`).first(),
  ).toBeVisible();
  await expect(review.getByText('"liaison-e2e"').first()).toBeVisible();
  await expect(review.getByText('static-admin')).toHaveCount(0);

  await page.getByRole('button', { name: 'Save to workspace' }).click();
  await passRegisterStep(page);

  // Plan and apply through the role: the preflight (AssumeRole + GetCallerIdentity in the member
  // account, against moto) runs before each; the Terraform double stands in for the provider.
  await planAndApplyThree(page);

  // What terraform apply would create in the member account, for this group.
  const group = await findGroupNamed(page, host.url, 'Member team');
  await seedGroupsOnSharedAccount(moto.url, [group!.id], 'enforce.dev', member.id);

  await checkIsConfigured(page);
  await expect(
    page.getByText(`acting as arn:aws:sts::${member.id}:assumed-role/OrganizationAccountAccessRole/`, { exact: false }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the check through a role');

  // The dashboard's row for it checks through the same role.
  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const row = page
    .getByRole('grid', { name: 'Associations' })
    .getByRole('row', { name: `Member team on ${member.id}` });
  await expect(row).toBeVisible();
  await page.getByRole('button', { name: 'Check all' }).click();
  await expect(page.getByTestId('run-status')).toContainText('Finished: 1 of 1 checked', { timeout: 60_000 });
  await expect(page.getByTestId('count-configured')).toHaveText('Configured: 1');
  await row.getByRole('link', { name: 'Member team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Association' })).toBeVisible();
  await expect(
    page
      .getByText(`acting as arn:aws:sts::${member.id}:assumed-role/OrganizationAccountAccessRole/`, { exact: false })
      .first(),
  ).toBeVisible();
});

test('an invited account is marked in the tree, and picking it with OrganizationAccountAccessRole warns', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await startWithNewGroup(page, host.url, 'Invited team');
  await chooseStaticAdminProfile(page);
  await page.getByRole('radio', { name: /assume a role in the account/ }).check();

  await page.getByRole('button', { name: 'Pick from the organization' }).click();
  const picker = page.getByRole('dialog', { name: 'Pick an account from the organization' });
  await picker.getByLabel('Filter by name, id, email or unit').fill('prod-000');
  await expect(picker.getByText(/^3 of 7 accounts/)).toBeVisible({ timeout: 30_000 });
  const invited = organization.accounts.find((account) => account.name === INVITED)!;
  const note = 'invited: has no OrganizationAccountAccessRole unless created';
  await expect(picker.getByText(note)).toHaveCount(1);
  await picker.getByRole('button', { name: new RegExp(`^${INVITED}, account ${invited.id}, .*, ${note}$`) }).click();
  await expect(picker).toBeHidden();
  await expect(page.getByLabel('AWS account id')).toHaveValue(invited.id);
  const warning = page
    .getByRole('alert')
    .filter({ hasText: `${INVITED} was invited into the organization, so it has no OrganizationAccountAccessRole` });
  await expect(warning).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the invited-account warning');

  // Another role that exists in invited accounts: no warning.
  const role = page.getByRole('combobox', { name: 'Role in the account' });
  await role.fill('AWSControlTowerExecution');
  await expect(warning).toBeHidden();
});

test('import an accounts.json: good rows can be picked, broken rows say what is wrong', async ({ page }) => {
  await startWithNewGroup(page, host.url, 'Imported team');
  await page.getByRole('radio', { name: 'AWS account' }).check();

  await page.getByRole('button', { name: 'Import a list of accounts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a list of accounts' });
  await dialog.getByRole('textbox', { name: 'Accounts' }).fill(
    JSON.stringify({
      logs: { id: '000000000042', email: 'logs@example.com', deploy_order: 0 },
      security: { id: '210987654321', email: 'security@example.com', deploy_order: 1 },
      shared: { id: '1234' },
      sandbox: { id: 42 },
    }),
  );
  const problems = dialog.getByRole('list', { name: 'Rows not imported' });
  await expect(dialog.getByText('2 rows were not imported')).toBeVisible();
  await expect(problems).toContainText('"shared": "id" "1234" is not a 12-digit AWS account id');
  await expect(problems).toContainText('"sandbox": "id" is the number 42: write it as a string');
  const imported = dialog.getByRole('list', { name: 'Imported accounts' });
  await expect(imported.getByRole('button')).toHaveText([/^logs · 000000000042/, /^security · 210987654321/]);
  await expectNoSeriousA11yViolations(page, 'the accounts import');
  await imported.getByRole('button', { name: /^security · 210987654321/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('AWS account id')).toHaveValue('210987654321');
});

test('the Credentials page shows the organization a management profile sees', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Credentials' }).click();
  await page.getByLabel('Filter profiles').fill('static-admin');
  const profileRow = page
    .getByRole('grid', { name: 'AWS profiles' })
    .getByRole('row', { name: 'static-admin', exact: true });
  await profileRow.getByRole('button', { name: 'Details of static-admin' }).click();
  const details = page.getByRole('dialog', { name: 'static-admin' });
  await details.getByRole('button', { name: 'Show organization' }).click();
  const shown = page.getByRole('dialog', { name: 'The organization “static-admin” sees' });
  await expect(shown.getByText(/^7 of 7 accounts in organization o-/)).toBeVisible({ timeout: 30_000 });
  await expect(shown.getByText('Prod · 3 accounts')).toBeVisible();
  await expect(shown.getByText('Staging-0001', { exact: true })).toBeVisible();
  // Shown, not picked: no account is a button here.
  await expect(shown.getByRole('button', { name: /Staging-0001/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the organization on the Credentials page');
  await shown.getByRole('button', { name: 'Close' }).click();
  await expect(shown).toBeHidden();
});
