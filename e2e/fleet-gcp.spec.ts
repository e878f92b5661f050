import { delimiter, join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { FleetRun } from '../shared/contract/fleet';
import { GCP_FOLDERS, seedGcpFolderTree } from '../test-support/fakes/gcp/folder-tree';
import { createGcloudFixture, type GcloudFixture } from '../test-support/fakes/gcp/gcloud-fixture';
import { startGoogleFake, type GoogleFake } from '../test-support/fakes/gcp/google-fake';
import {
  installWorkloadIdentityRoutes,
  seedGcpAssociation,
  type WorkloadIdentityState,
} from '../test-support/fakes/gcp/workload-identity-fake';
import { installChainctlDouble, type ChainctlDouble } from '../test-support/fakes/platform/chainctl-double';
import { startPlatformStandIn, type PlatformStandIn } from '../test-support/fakes/platform/platform-stand-in';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';

/*
 * Issue 17's selection from a GCP folder: the Sandboxes folder's active projects (Cloud Resource
 * Manager served by the Google fake) get a platform folder each from a template, are planned,
 * approved, applied (Terraform double) and checked from the board; each row's Terraform log opens.
 * The one-project-per-group rule is fed from the platform stand-in's records. Offline (chainctl
 * signed out) the mapping offers the local groups instead, and the run skips the platform.
 */
const SUCCESS_DOUBLE = resolve(import.meta.dirname, '../test-support/fakes/terraform/double/success');
const SECRET = 'e2e-fleet-gcp-secret';
const ORG = '2f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c';
const PARENT = `${ORG}/c0c1c2c3c4c5c6c7`;
/** A folder whose platform record holds another project already. */
const HOLDING = `${PARENT}/d0d1d2d3d4d5d6d7`;
const SANDBOXES = ['sandbox-alpha', 'sandbox-beta', 'sandbox-gamma'];

test.describe.configure({ mode: 'serial' });

let fake: GoogleFake;
let workloadIdentity: WorkloadIdentityState;
let gcloud: GcloudFixture;
let standIn: PlatformStandIn;
let chainctl: ChainctlDouble;
let host: WebHostProcess;

test.beforeAll(async () => {
  fake = await startGoogleFake();
  workloadIdentity = installWorkloadIdentityRoutes(fake);
  gcloud = createGcloudFixture(fake);
  seedGcpFolderTree(fake.state);
  standIn = await startPlatformStandIn({ secret: SECRET });
  standIn.addGroup({ id: ORG, name: 'acme.example', description: 'the organization' });
  standIn.addGroup({ id: PARENT, name: 'gcp-projects', description: 'one folder per project' });
  standIn.addGroup({ id: HOLDING, name: 'taken', description: 'holds another project' });
  standIn.records.set(HOLDING, { group: HOLDING, google: { projectId: 'other-project', projectNumber: '99' } });
  host = new WebHostProcess({ CLOUDSDK_CONFIG: gcloud.configDir, CHAINGUARD_CONSOLE_API: standIn.url, ...fake.env() });
  chainctl = installChainctlDouble(join(host.root, 'chainctl-bin'), { secret: SECRET });
  host.env.PATH = [chainctl.dir, SUCCESS_DOUBLE, process.env.PATH ?? ''].join(delimiter);
  await host.start();
});

test.afterAll(async () => {
  await host?.dispose();
  await standIn?.close();
  await fake?.stop();
  gcloud?.dispose();
});

async function call<T>(page: Page, method: string, data: unknown): Promise<T> {
  const origin = new URL(host.url).origin;
  const response = await page.request.post(`${origin}/api/call/${method}`, { data, headers: { origin } });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  expect(body.ok, JSON.stringify(body.error)).toBe(true);
  return body.value;
}

async function newestFleet(page: Page): Promise<FleetRun> {
  const runs = await call<{ id: string; createdAt: string }[]>(page, 'listFleetRuns', {});
  const newest = runs.toSorted((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return call<FleetRun>(page, 'getFleetRun', { fleetId: newest!.id });
}

/** Fleet → GCP projects with Configuration default → every active project of the Sandboxes folder. */
async function selectSandboxes(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'Google Cloud projects' }).check();
  await page.getByRole('combobox', { name: 'Credentials' }).click();
  await page.getByRole('option', { name: /Configuration default/ }).click();
  await page.getByRole('button', { name: 'Add from a GCP organization or folder…' }).click();
  const picker = page.getByRole('dialog', { name: 'Add projects from a GCP organization or folder' });
  await picker.getByRole('combobox', { name: 'Organization or folder' }).fill(GCP_FOLDERS.sandboxes.name);
  await picker.getByRole('button', { name: 'List projects' }).click();
  const folder = picker.getByLabel('Folder', { exact: true });
  await expect(folder).toContainText('(3 active)', { timeout: 30_000 });
  await expectNoSeriousA11yViolations(page, 'the fleet GCP folder dialog');
  // Keyboard: the add-all button after the folder select.
  await folder.focus();
  await page.keyboard.press('Tab');
  await expect(picker.getByRole('button', { name: 'Add all active projects in this folder' })).toBeFocused();
  await expect(picker.getByRole('status')).toHaveText('Selected: 0 projects');
  await page.keyboard.press('Enter');
  // The picker itself says what adding did.
  await expect(picker.getByRole('status')).toHaveText('Selected: 3 projects');
  await picker.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('3 projects selected.')).toBeVisible();
}

test('a GCP folder fleet: select the folder, create folders, plan all, approve, apply, check all', async ({ page }) => {
  test.setTimeout(540_000);
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Fleet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fleet' })).toBeVisible();
  await selectSandboxes(page);

  await page.getByLabel('Parent of the new folders').selectOption(PARENT);
  await page.getByLabel('Folder name template').fill('{accountId}');
  const mapping = page.getByRole('table', { name: 'Accounts and their groups' });
  await expect(mapping.getByRole('textbox', { name: 'New folder name for Sandbox alpha' })).toHaveValue(
    'sandbox-alpha',
  );
  // A group whose platform record holds another project is refused on its row.
  await mapping.getByRole('combobox', { name: 'Group for Sandbox beta' }).selectOption(HOLDING);
  await expect(mapping.getByText(/The group already holds GCP project other-project/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Create the fleet run/ })).toBeDisabled();
  await mapping.getByRole('combobox', { name: 'Group for Sandbox beta' }).selectOption('New folder…');
  await expect(page.getByText(/rows? needs? a change/)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the GCP fleet setup, light theme');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page, 'the GCP fleet setup, dark theme');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: 'Create the fleet run (3 projects)' }).click();
  const totals = page.getByTestId('fleet-totals');
  await expect(totals).toContainText('Not started · 3 projects');
  // The board speaks of projects throughout, its concurrency field too.
  await expect(page.getByLabel('Projects at once')).toHaveValue('4');
  expect(standIn.groups.size).toBe(3);
  await page.getByRole('button', { name: 'Plan all (3)' }).click();
  await expect(totals).toContainText('3 to review · 0 failed', { timeout: 120_000 });
  expect(standIn.groups.size).toBe(3 + SANDBOXES.length);

  // A row's Terraform log, opened from the board by keyboard.
  const board = page.getByRole('table', { name: 'Fleet projects' });
  await board.getByRole('button', { name: 'Show the Terraform log of Sandbox alpha' }).focus();
  await page.keyboard.press('Enter');
  const log = page.getByRole('dialog', { name: 'Terraform log of Sandbox alpha' });
  await expect(log.getByLabel('Log lines')).toContainText('Plan: 3 to add', { timeout: 30_000 });
  await expectNoSeriousA11yViolations(page, 'a fleet row’s Terraform log');
  await log.getByRole('button', { name: 'Close' }).click();
  await expect(log).toBeHidden();

  await page.getByRole('button', { name: 'Approve every plan with no destroy or replace (3)' }).click();
  await expect(totals).toContainText('0 to review');
  await page.getByRole('button', { name: 'Apply approved (3)' }).click();
  await expect(totals).toContainText(/^Done · 3 projects · 0 running · 0 to review · 0 failed/, { timeout: 120_000 });

  let run = await newestFleet(page);
  expect(run.items.map((item) => item.target.cloud === 'gcp' && item.target.projectId).sort()).toEqual(SANDBOXES);
  for (const item of run.items) {
    if (item.target.cloud !== 'gcp') continue;
    // Registered on the platform with its project, in a folder of its own.
    expect(standIn.records.get(item.groupId!)?.google?.projectId).toBe(item.target.projectId);
    // What applying the module creates in the project (the Terraform double creates nothing).
    seedGcpAssociation(fake, workloadIdentity, {
      projectId: item.target.projectId,
      projectNumber: item.target.projectNumber,
      groupId: item.groupId!,
    });
  }

  await page.getByRole('button', { name: 'Check all (3)' }).click();
  await expect
    .poll(async () => (await newestFleet(page)).items.filter((item) => item.stage === 'checked').length, {
      timeout: 240_000,
    })
    .toBe(SANDBOXES.length);
  run = await newestFleet(page);
  // Every static step and the platform's own check (the stand-in says Ready) passed.
  expect(run.items.map((item) => item.verdict)).toEqual(['success', 'success', 'success']);

  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('count-success')).toHaveText('Success: 3', { timeout: 30_000 });
  for (const projectId of SANDBOXES) {
    await expect(
      page.getByRole('grid', { name: 'Associations' }).getByRole('row', { name: new RegExp(` on ${projectId}`) }),
    ).toBeVisible();
  }
});

test('offline, the mapping offers the local groups and the run skips the platform', async ({ page }) => {
  test.setTimeout(120_000);
  chainctl.set({ mode: 'signed-out' });
  const local = `${ORG}/e0e1e2e3e4e5e6e7`;
  await page.goto(host.url);
  await call(page, 'createGroup', { mode: 'existing', id: local, name: 'sandbox team' });
  await page.getByRole('navigation').getByRole('link', { name: 'Fleet' }).click();
  await page.getByRole('button', { name: 'New fleet run' }).click();
  await selectSandboxes(page);

  await expect(page.getByText('Not signed in to the platform: pick a local group for each row')).toBeVisible();
  await expect(page.getByLabel('Folder name template')).toHaveCount(0);
  await expect(page.getByText('3 rows need a change before the fleet can be created.')).toBeVisible();
  const mapping = page.getByRole('table', { name: 'Accounts and their groups' });
  // No new folder offline: only the local groups (the first test's folders were saved locally too).
  const alphaGroup = mapping.getByRole('combobox', { name: 'Group for Sandbox alpha' });
  await expect(alphaGroup.getByRole('option').first()).toHaveText('Pick a group…');
  await expect(alphaGroup.getByRole('option', { name: 'sandbox team' })).toHaveCount(1);
  await expect(alphaGroup.getByRole('option', { name: 'New folder…' })).toHaveCount(0);
  // Offline, the local associations still feed the one-project-per-group rule.
  await alphaGroup.selectOption({ label: 'Sandbox beta' });
  await expect(mapping.getByText(/The group already holds GCP project sandbox-beta/)).toBeVisible();
  await mapping.getByRole('button', { name: 'Exclude Sandbox beta (sandbox-beta)' }).click();
  await mapping.getByRole('button', { name: 'Exclude Sandbox gamma (sandbox-gamma)' }).click();
  await mapping.getByRole('combobox', { name: 'Group for Sandbox alpha' }).selectOption(local);
  await expect(page.getByText(/rows? needs? a change/)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the offline fleet mapping');

  await page.getByRole('button', { name: 'Create the fleet run (1 project)' }).click();
  await expect(page.getByTestId('fleet-totals')).toContainText('Not started · 1 project');
  const run = await newestFleet(page);
  expect(run.registerOnPlatform).toBe(false);
  expect(run.items).toMatchObject([
    { group: { kind: 'existing', groupId: local }, target: { cloud: 'gcp', projectId: 'sandbox-alpha' } },
  ]);
});
