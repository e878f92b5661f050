import { delimiter, join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { FleetRun } from '../shared/contract/fleet';
import { installAwsFixtureHome } from '../test-support/fakes/aws/aws-fixture-home';
import {
  createMotoUser,
  findMotoServer,
  MOTO_MISSING_REASON,
  startMoto,
  type MotoServer,
} from '../test-support/fakes/aws/moto';
import { installChainctlDouble } from '../test-support/fakes/platform/chainctl-double';
import { startPlatformStandIn, type PlatformStandIn } from '../test-support/fakes/platform/platform-stand-in';
import { buildEveryMotoBackend } from '../test-support/seeders/seed-moto-accounts';
import { seedOrganization, type SeededOrganization } from '../test-support/seeders/seed-organization';
import { seedGroupsOnSharedAccount } from '../test-support/seeders/seed-shared-account';
import { installTokenCommand } from '../test-support/seeders/token-command';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';

/*
 * Issue 17's Done-when: a new user onboards the 30 accounts of an OU in one pass from the Fleet board
 * (folders created on the platform stand-in from a name template, plans reviewed and approved, applied
 * in order through OrganizationAccountAccessRole, checked) and sees all 30 Success on the dashboard
 * with the platform Ready. moto serves the organization and the member accounts; the Terraform
 * double stands in for the provider, so the test seeds what the module would create after apply.
 */
const SUCCESS_DOUBLE = resolve(import.meta.dirname, '../test-support/fakes/terraform/double/success');
const SECRET = 'e2e-fleet-secret';
const ORG = '1f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c';
const PARENT = `${ORG}/a0a1a2a3a4a5a6a7`;
const UNIT = 'Workloads';
const ACCOUNTS = 30;

test.describe.configure({ mode: 'serial' });
test.skip(!findMotoServer(), MOTO_MISSING_REASON);

let moto: MotoServer;
let standIn: PlatformStandIn;
let host: WebHostProcess;
let organization: SeededOrganization;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  moto = await startMoto();
  const management = await createMotoUser(moto.url, 'org-admin');
  organization = await seedOrganization(moto.url, management, [UNIT], ACCOUNTS);
  await buildEveryMotoBackend(moto.url);
  standIn = await startPlatformStandIn({ secret: SECRET });
  standIn.addGroup({ id: ORG, name: 'acme.example', description: 'the organization' });
  standIn.addGroup({ id: PARENT, name: 'aws-accounts', description: 'one folder per AWS account' });
  host = new WebHostProcess({ AWS_ENDPOINT_URL: moto.url, CHAINGUARD_CONSOLE_API: standIn.url });
  const chainctl = installChainctlDouble(join(host.root, 'chainctl-bin'), { secret: SECRET });
  host.env.PATH = [chainctl.dir, SUCCESS_DOUBLE, process.env.PATH ?? ''].join(delimiter);
  installAwsFixtureHome(host.home, { staticKeys: management });
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

async function onlyFleet(page: Page): Promise<FleetRun> {
  const [summary] = await call<{ id: string }[]>(page, 'listFleetRuns', {});
  return call<FleetRun>(page, 'getFleetRun', { fleetId: summary!.id });
}

function accountName(run: FleetRun, index: number): string {
  const target = run.items[index]!.target;
  return target.cloud === 'aws' ? target.accountName : '';
}

test('onboard the 30 accounts of an OU in one pass: folders, plans, approval, ordered applies, check-all', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Fleet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fleet' })).toBeVisible();

  // Credentials: the management profile, reaching members through OrganizationAccountAccessRole.
  await page.getByRole('combobox', { name: 'Management or security profile' }).fill('static-admin');
  await page.getByRole('option', { name: /static-admin/ }).click();
  await expect(page.getByRole('combobox', { name: 'Role in the account' })).toHaveValue(
    'OrganizationAccountAccessRole',
  );

  // Select every active account of the OU.
  await page.getByRole('button', { name: 'Add from the organization…' }).click();
  const picker = page.getByRole('dialog', { name: 'Add accounts from the organization' });
  const unitSelect = picker.getByLabel('Organizational unit');
  await expect(unitSelect).toContainText(`${UNIT} (${ACCOUNTS} active)`, { timeout: 30_000 });
  const unit = organization.units.find((each) => each.name === UNIT)!;
  await unitSelect.selectOption(unit.id);
  await expectNoSeriousA11yViolations(page, 'the fleet organization dialog');
  await picker.getByRole('button', { name: 'Add all active accounts in this unit' }).click();
  await picker.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText(`${ACCOUNTS} accounts selected.`)).toBeVisible();

  // One new folder per account under the parent, from a template; a bad template is refused on its field.
  await expect(page.getByLabel('Parent of the new folders')).toContainText('aws-accounts');
  await page.getByLabel('Parent of the new folders').selectOption(PARENT);
  const template = page.getByLabel('Folder name template');
  await template.fill('{team}');
  await expect(page.getByText(/Unknown placeholder \{team\}/)).toBeVisible();
  await template.fill('{ou}-{accountName}');
  const mapping = page.getByRole('table', { name: 'Accounts and their groups' });
  await expect(mapping.getByRole('textbox', { name: 'New folder name for Workloads-0000' })).toHaveValue(
    'Workloads-Workloads-0000',
  );
  // A duplicate name is flagged on both rows before anything is created, and fixing it clears them.
  await mapping.getByRole('textbox', { name: 'New folder name for Workloads-0001' }).fill('Workloads-Workloads-0000');
  await expect(page.getByText('2 rows need a change before the fleet can be created.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Create the fleet run/ })).toBeDisabled();
  await mapping.getByRole('textbox', { name: 'New folder name for Workloads-0001' }).fill('Workloads-Workloads-0001');
  await expect(page.getByText(/rows? needs? a change/)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the fleet setup with its mapping table');

  await page.getByRole('button', { name: `Create the fleet run (${ACCOUNTS} accounts)` }).click();
  const totals = page.getByTestId('fleet-totals');
  await expect(totals).toContainText(`Not started · ${ACCOUNTS} accounts`);
  // Nothing is created before the board plans it.
  expect(standIn.groups.size).toBe(2);

  await page.getByRole('button', { name: `Plan all (${ACCOUNTS})` }).click();
  await expect(totals).toContainText(`${ACCOUNTS} to review · 0 failed`, { timeout: 300_000 });
  expect(standIn.groups.size).toBe(2 + ACCOUNTS);
  await expectNoSeriousA11yViolations(page, 'the fleet board, light theme');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page, 'the fleet board, dark theme');
  await page.emulateMedia({ colorScheme: 'light' });

  // Seed 003's order: the last account is applied first (keyboard: its Move up button, then the board's order).
  let run = await onlyFleet(page);
  const last = accountName(run, ACCOUNTS - 1);
  const board = page.getByRole('table', { name: 'Fleet accounts' });
  await page.getByLabel('Search accounts').fill(last);
  await expect(page.getByTestId('fleet-board-count')).toHaveText(`1 of ${ACCOUNTS} accounts`);
  for (let moves = 0; moves < ACCOUNTS - 1; moves += 1) {
    const up = board.getByRole('button', { name: `Move ${last} up` });
    await expect(up).toBeEnabled();
    await up.focus();
    await page.keyboard.press('Enter');
    await expect(board.getByRole('row').nth(1).getByRole('cell').first()).toContainText(String(ACCOUNTS - 1 - moves));
  }
  await expect(board.getByRole('button', { name: `Move ${last} up` })).toBeDisabled();

  // Keyboard only: open its plan review and approve it.
  await board.getByRole('button', { name: `Review the plan of ${last}` }).focus();
  await page.keyboard.press('Enter');
  const review = page.getByRole('dialog', { name: new RegExp(`^Plan for ${last}`) });
  await expect(review.getByRole('heading', { name: /^Plan: 3 to create/ })).toBeVisible({ timeout: 30_000 });
  const approveButton = review.getByRole('button', { name: 'Approve 3 changes' });
  for (
    let presses = 0;
    presses < 40 && !(await approveButton.evaluate((node) => node === document.activeElement));
    presses += 1
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(approveButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(review).toBeHidden();
  await page.getByLabel('Search accounts').fill('');
  await expect(totals).toContainText(`${ACCOUNTS - 1} to review`);

  // The other 29 have no destroy or replace: approve them at once, then apply in order.
  await page.getByRole('button', { name: `Approve every plan with no destroy or replace (${ACCOUNTS - 1})` }).click();
  await expect(totals).toContainText('0 to review');
  await page.getByRole('button', { name: `Apply approved (${ACCOUNTS})` }).click();
  await expect(totals).toContainText(/^Done · 30 accounts · 0 running · 0 to review · 0 failed/, { timeout: 300_000 });

  run = await onlyFleet(page);
  expect(accountName(run, 0)).toBe(last);
  expect(run.items.every((item) => item.stage === 'applied')).toBe(true);
  // Applied in order: with bounded concurrency, each apply starts no earlier than the one before it.
  const starts = run.items.map((item) => Date.parse(item.startedAt ?? ''));
  expect(starts.every((start, index) => index === 0 || start >= starts[index - 1]!)).toBe(true);
  // Every folder was registered with its account on the platform.
  for (const item of run.items) {
    expect(standIn.records.get(item.groupId!)?.amazon?.account).toBe(
      item.target.cloud === 'aws' && item.target.accountId,
    );
  }

  // What the module would have created in each member account (the Terraform double creates nothing),
  // and a token command so the check's live step runs.
  for (const item of run.items) {
    if (item.target.cloud === 'aws') {
      await seedGroupsOnSharedAccount(moto.url, [item.groupId!], 'enforce.dev', item.target.accountId);
    }
  }
  const command = installTokenCommand(join(host.root, 'tokens'), 'enforce.dev', {
    amazon: `canary:${run.items[0]!.groupId}`,
    google: `canary:${run.items[0]!.groupId}`,
  });
  await call(page, 'setTokenCommand', { environment: 'enforce.dev', command, launchToken: host.launchToken });

  await page.getByRole('button', { name: `Check all (${ACCOUNTS})` }).click();
  await expect
    .poll(async () => (await onlyFleet(page)).items.filter((item) => item.stage === 'checked').length, {
      timeout: 300_000,
    })
    .toBe(ACCOUNTS);
  run = await onlyFleet(page);
  expect(run.items.map((item) => item.verdict)).toEqual(Array.from({ length: ACCOUNTS }, () => 'success'));
  await expect(
    board.getByRole('row', { name: new RegExp(last) }).getByRole('cell', { name: 'Checked: Success' }),
  ).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('count-success')).toHaveText(`Success: ${ACCOUNTS}`, { timeout: 30_000 });
  const { rows } = await call<{ rows: { verdict?: string; platform?: string }[] }>(page, 'getHealthOverview', {});
  expect(rows).toHaveLength(ACCOUNTS);
  expect(rows.every((row) => row.verdict === 'success' && row.platform === 'ready')).toBe(true);
});

test('a killed app reopens to the stored fleet run, its saved plan marked stale until planned again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  const organizationView = await call<{ managementAccountId: string }>(page, 'listAwsOrganization', {
    profile: 'static-admin',
  });
  const groupId = `${ORG}/b0b1b2b3b4b5b6b7`;
  await call(page, 'createGroup', { mode: 'existing', id: groupId, name: 'management team' });
  const created = await call<FleetRun>(page, 'createFleetRun', {
    name: 'Restart fleet',
    environment: 'enforce.dev',
    registerOnPlatform: false,
    options: { awsModuleVersion: '0.1.0' },
    items: [
      {
        order: 0,
        target: {
          cloud: 'aws',
          accountId: organizationView.managementAccountId,
          accountName: 'management',
          profile: 'static-admin',
          accessPath: { kind: 'profile' },
        },
        group: { kind: 'existing', groupId },
      },
    ],
  });
  await page.getByRole('navigation').getByRole('link', { name: 'Fleet' }).click();
  await page.getByRole('button', { name: 'Plan all (1)' }).click();
  const totals = page.getByTestId('fleet-totals');
  await expect(totals).toContainText('1 account · 0 running · 1 to review', { timeout: 60_000 });
  const board = page.getByRole('table', { name: 'Fleet accounts' });
  await expect(board.getByRole('button', { name: 'Review the plan of management' })).toBeVisible();
  // The group column names the group as the operator knows it, its id beside it; the search finds it by name.
  const groupCell = board.getByRole('row', { name: /management/ }).getByRole('cell', { name: /^management team/ });
  // The id shortened as the dashboard shortens it (root start / own segment start), whole in the title.
  await expect(groupCell).toHaveText(`management team${ORG.slice(0, 6)}…/b0b1b2b3…`);
  await expect(groupCell).toHaveAttribute('title', `management team (${groupId})`);
  await page.getByLabel('Search accounts').fill('Management Team');
  await expect(board.getByRole('row', { name: /management/ })).toHaveCount(1);
  await page.getByLabel('Search accounts').fill('no such team');
  await expect(board.getByText('No account matches the filters.')).toBeVisible();
  await page.getByLabel('Search accounts').fill('');

  // Killed as a crash would, then started again on the same data.
  await host.stop('SIGKILL');
  await host.start();
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Fleet' }).click();
  await expect(page.getByRole('heading', { name: 'Restart fleet' })).toBeVisible();
  const row = board.getByRole('row', { name: /management/ });
  await expect(row.getByRole('cell', { name: 'Stale plan: plan again' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Review the plan of management' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Apply approved/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Plan all (1)' })).toBeEnabled();
  const stored = await call<FleetRun>(page, 'getFleetRun', { fleetId: created.id });
  expect(stored.items[0]).toMatchObject({ stage: 'planned', planStale: true });
  await expectNoSeriousA11yViolations(page, 'the fleet board after a restart');
});
