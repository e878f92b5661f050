import type { Page } from '@playwright/test';
import {
  FOLDER_PROJECT,
  GCP_FOLDERS,
  GCP_ORGANIZATION,
  seedGcpFolderTree,
} from '../test-support/fakes/gcp/folder-tree';
import { createGcloudFixture, type GcloudFixture } from '../test-support/fakes/gcp/gcloud-fixture';
import { startGoogleFake, type GoogleFake } from '../test-support/fakes/gcp/google-fake';
import {
  installWorkloadIdentityRoutes,
  seedGcpAssociation,
  type WorkloadIdentityState,
} from '../test-support/fakes/gcp/workload-identity-fake';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { findGroupNamed } from './fixtures/host-api';
import { pathWith, SUCCESS_DOUBLE } from './fixtures/terraform-double-host';
import { WebHostProcess } from './fixtures/web-host';
import {
  checkIsConfigured,
  passRegisterStep,
  planAndApplyThree,
  startWithNewGroup,
  stepHeading,
} from './fixtures/wizard-flow';

/*
 * Issue 16's "done when" for GCP: pick a project under a folder from the tree (Cloud Resource Manager
 * served by the Google fake, paginated), generate, apply (Terraform double), and see its check and
 * its dashboard row pass.
 */
let fake: GoogleFake;
let workloadIdentity: WorkloadIdentityState;
let gcloud: GcloudFixture;
let host: WebHostProcess;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  fake = await startGoogleFake();
  workloadIdentity = installWorkloadIdentityRoutes(fake);
  gcloud = createGcloudFixture(fake);
  seedGcpFolderTree(fake.state);
  host = new WebHostProcess({
    PATH: pathWith(SUCCESS_DOUBLE),
    CLOUDSDK_CONFIG: gcloud.configDir,
    ...fake.env(),
  });
  await host.start();
});

test.afterAll(async () => {
  await host?.dispose();
  await fake?.stop();
  gcloud?.dispose();
});

const next = (page: Page) => page.getByRole('button', { name: 'Next', exact: true }).click();

test('onboard a GCP project picked under a folder: generate, apply, check, dashboard', async ({ page }) => {
  test.setTimeout(180_000);
  await startWithNewGroup(page, host.url, 'Folder team');

  await page.getByRole('radio', { name: 'Google Cloud project' }).check();
  await page.getByRole('combobox', { name: 'Credentials' }).click();
  await page.getByRole('option', { name: /Configuration default/ }).click();
  await page.getByRole('button', { name: 'Pick from an organization or folder' }).click();
  const picker = page.getByRole('dialog', { name: 'Pick a project from an organization or folder' });
  const parent = picker.getByRole('combobox', { name: 'Organization or folder' });

  // A project is not a parent: refused under the field, before any call.
  await parent.fill('projects/123');
  await picker.getByRole('button', { name: 'List projects' }).click();
  await expect(picker.getByText('Type organizations/NUMBER or folders/NUMBER')).toBeVisible();
  await expect(parent).toHaveAttribute('aria-invalid', 'true');

  await parent.fill(GCP_FOLDERS.platform.name);
  await picker.getByRole('button', { name: 'List projects' }).click();
  // Prod holds 26 projects: more than one page of the fake's, so the listing went on to the end.
  await expect(picker.getByText(`26 of 26 projects in 1 folder under ${GCP_FOLDERS.platform.name}`)).toBeVisible({
    timeout: 30_000,
  });
  await expectNoSeriousA11yViolations(page, 'the GCP project tree');
  await picker.getByLabel('Filter by name, id, number or folder').fill('payments');
  await expect(picker.getByText(/^1 of 26 projects/)).toBeVisible();
  await expect(picker.getByText('Prod · 1 project')).toBeVisible();
  await picker
    .getByRole('button', {
      name: `Payments prod, project ${FOLDER_PROJECT.projectId}, number ${FOLDER_PROJECT.projectNumber}`,
    })
    .click();
  await expect(picker).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Project ID' })).toHaveValue(FOLDER_PROJECT.projectId);
  await expect(page.getByLabel('Project number')).toHaveValue(FOLDER_PROJECT.projectNumber);

  await next(page);
  await expect(stepHeading(page, 'Options')).toBeVisible();
  await next(page);
  await expect(stepHeading(page, 'Review and export')).toBeVisible();
  await expect(page.getByTestId('file-content')).toContainText(`project_id  = "${FOLDER_PROJECT.projectId}"`);

  await page.getByRole('button', { name: 'Save to workspace' }).click();
  await passRegisterStep(page);
  await planAndApplyThree(page);

  // What applying the module creates in the project, for this group (the double creates nothing).
  const group = await findGroupNamed(page, host.url, 'Folder team');
  seedGcpAssociation(fake, workloadIdentity, { ...FOLDER_PROJECT, groupId: group!.id });

  await checkIsConfigured(page);

  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(
    page
      .getByRole('grid', { name: 'Associations' })
      .getByRole('row', { name: `Folder team on ${FOLDER_PROJECT.projectId}` }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Check all' }).click();
  await expect(page.getByTestId('run-status')).toContainText('Finished: 1 of 1 checked', { timeout: 60_000 });
  await expect(page.getByTestId('count-configured')).toHaveText('Configured: 1');
});

test('the Credentials page shows the projects under an organization, and names a missing permission', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Credentials' }).click();
  await page.getByRole('tab', { name: 'GCP' }).click();

  await page
    .getByRole('button', { name: 'Show projects under an organization or folder with Configuration default' })
    .click();
  const shown = page.getByRole('dialog', { name: 'Projects that Configuration default sees' });
  // The organizations the credentials can see are offered.
  await shown.getByRole('combobox', { name: 'Organization or folder' }).click();
  // The options' list is a popper outside the dialog.
  await page.getByRole('option', { name: `${GCP_ORGANIZATION.displayName} (${GCP_ORGANIZATION.name})` }).click();
  await shown.getByRole('button', { name: 'List projects' }).click();
  await expect(shown.getByText(/^\d+ of \d+ projects in 3 folders under example\.com$/)).toBeVisible({
    timeout: 30_000,
  });
  // The list is virtualized: filter to bring the last folder into view.
  await shown.getByLabel('Filter by name, id, number or folder').fill('sandboxes');
  await expect(shown.getByText('Sandboxes · 3 projects')).toBeVisible();
  // Shown only: the projects are not buttons, the list scrolls by keyboard.
  await expect(shown.getByRole('region', { name: 'Projects, scrollable' })).toBeVisible();
  await expect(shown.getByRole('button', { name: /^Sandbox alpha/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the GCP projects shown from the Credentials page');
  await shown.getByRole('button', { name: 'Close' }).click();

  // The ci configuration's service account holds Browser on the Sandboxes folder only.
  await page
    .getByRole('button', { name: 'Show projects under an organization or folder with Configuration ci' })
    .click();
  const denied = page.getByRole('dialog', { name: 'Projects that Configuration ci sees' });
  await denied.getByRole('combobox', { name: 'Organization or folder' }).fill(GCP_ORGANIZATION.name);
  await denied.getByRole('button', { name: 'List projects' }).click();
  await expect(denied.getByRole('alert')).toContainText(
    /lacks the permission resourcemanager\.(folders|projects)\.list/,
    {
      timeout: 30_000,
    },
  );
  await expect(denied.getByRole('alert')).toContainText('roles/browser');
  await denied.getByRole('combobox', { name: 'Organization or folder' }).fill(GCP_FOLDERS.sandboxes.name);
  await denied.getByRole('button', { name: 'List projects' }).click();
  await expect(denied.getByText(`3 of 3 projects in 0 folders under ${GCP_FOLDERS.sandboxes.name}`)).toBeVisible({
    timeout: 30_000,
  });
});
