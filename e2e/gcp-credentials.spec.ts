import type { Page } from '@playwright/test';
import {
  createGcloudFixture,
  DEMO_PROJECT,
  SANDBOX_PROJECT,
  SERVICE_ACCOUNTS,
  USERS,
  type GcloudFixture,
} from '../test-support/fakes/gcp/gcloud-fixture';
import { startGoogleFake, type GoogleFake } from '../test-support/fakes/gcp/google-fake';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';

interface GcpWorld {
  fake: GoogleFake;
  fixture: GcloudFixture;
  host: WebHostProcess;
}

/** The real web host with HOME, gcloud's config dir and every Google endpoint pointed at fixtures. */
async function startWorld(env: NodeJS.ProcessEnv = {}): Promise<GcpWorld> {
  const fake = await startGoogleFake();
  const fixture = createGcloudFixture(fake);
  const host = new WebHostProcess({ CLOUDSDK_CONFIG: fixture.configDir, ...fake.env(), ...env });
  await host.start();
  return { fake, fixture, host };
}

async function stopWorld(world: GcpWorld | undefined): Promise<void> {
  if (!world) return;
  await world.host.dispose();
  await world.fake.stop();
  world.fixture.dispose();
}

async function openGcpTab(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('link', { name: 'Credentials' }).click();
  await expect(page.getByRole('heading', { name: 'Credentials', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'GCP' }).click();
}

let world: GcpWorld | undefined;
test.afterEach(async () => {
  await stopWorld(world);
  world = undefined;
});

test('a new user sees their gcloud configurations, verifies one, looks up a project, and gets clear errors', async ({
  page,
}) => {
  // Each configuration call runs the real gcloud (about 1.5 s a run), and there are several.
  test.setTimeout(150_000);
  world = await startWorld();
  const { fake } = world;
  await openGcpTab(page, world.host.url);

  // Configurations and ADC, with type, principal and project, read from disk without a network call.
  const table = page.getByRole('table', { name: 'Google Cloud credentials' });
  const defaultRow = table.getByRole('row', { name: /^default active/ });
  await expect(defaultRow).toContainText(USERS.alice);
  await expect(defaultRow).toContainText(DEMO_PROJECT.projectId);
  await expect(table.getByRole('row', { name: /^terraform/ })).toContainText(
    `impersonating ${SERVICE_ACCOUNTS.terraform}`,
  );
  await expect(table.getByRole('row', { name: /^Application default credentials/ })).toContainText('User credentials');
  await expect(table.getByRole('row')).toHaveCount(1 + 1 + 6);
  expect(fake.requests).toEqual([]);
  await expectNoSeriousA11yViolations(page, 'the GCP credentials tab');

  // Verify: a fresh token through gcloud, and whose it is.
  await page.getByRole('button', { name: 'Verify Configuration default' }).click();
  await expect(defaultRow).toContainText(`Verified as ${USERS.alice}`);
  await page.getByRole('button', { name: 'Verify Configuration stale' }).click();
  const staleRow = table.getByRole('row', { name: /^stale/ });
  await expect(staleRow).toContainText('has expired or was revoked');
  await expect(staleRow).toContainText(`gcloud auth login ${USERS.bob}`);
  await page.getByRole('button', { name: 'Verify Application default credentials' }).click();
  await expect(table.getByRole('row', { name: /^Application default credentials/ })).toContainText(
    `Verified as ${USERS.alice}`,
  );

  // Project lookup: the active configuration and its project are pre-filled; Look up fills the number.
  const lookup = page.getByRole('region', { name: 'Look up a project' });
  await expect(lookup.getByRole('combobox', { name: 'Project ID' })).toHaveValue(DEMO_PROJECT.projectId);
  await lookup.getByRole('button', { name: 'Look up' }).click();
  await expect(lookup.getByRole('textbox', { name: 'Project number' })).toHaveValue(DEMO_PROJECT.projectNumber);
  await expect(lookup.getByText(`${DEMO_PROJECT.displayName} · ACTIVE`)).toBeVisible();

  // A mistyped id: a field-level error, the text kept, and no call made.
  const before = fake.requests.length;
  const projectId = lookup.getByRole('combobox', { name: 'Project ID' });
  await projectId.fill('My_Project');
  await lookup.getByRole('button', { name: 'Look up' }).click();
  await expect(lookup.getByText('Project ID uses lowercase letters only')).toBeVisible();
  await expect(projectId).toHaveValue('My_Project');
  await expect(projectId).toHaveAttribute('aria-invalid', 'true');
  await expect(lookup.getByRole('textbox', { name: 'Project number' })).toHaveValue('');
  expect(fake.requests.length).toBe(before);
  await expectNoSeriousA11yViolations(page, 'the project lookup with a field error');

  // An API that is not enabled: which one, where, and how to enable it.
  await lookup.getByRole('combobox', { name: 'Credentials' }).click();
  await page.getByRole('option', { name: /Configuration sandbox/ }).click();
  await projectId.fill(SANDBOX_PROJECT.projectId);
  await projectId.press('Enter');
  const alert = lookup.getByRole('alert');
  await expect(alert).toContainText(
    'The Cloud Resource Manager API (cloudresourcemanager.googleapis.com) is not enabled',
  );
  await expect(alert).toContainText(
    `gcloud services enable cloudresourcemanager.googleapis.com --project=${SANDBOX_PROJECT.projectNumber}`,
  );
  await expect(projectId).toHaveValue(SANDBOX_PROJECT.projectId);

  // Impersonation: a denied service account names the permission and the role to grant.
  await page.getByRole('button', { name: 'Check impersonation with Configuration default' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check impersonation' });
  const email = dialog.getByRole('textbox', { name: 'Service account email' });
  await email.fill(USERS.alice);
  await dialog.getByRole('button', { name: 'Check' }).click();
  await expect(dialog.getByText(/ends in \.gserviceaccount\.com/)).toBeVisible();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await email.fill(SERVICE_ACCOUNTS.auditor);
  await dialog.getByRole('button', { name: 'Check' }).click();
  await expect(dialog).toContainText(
    `${USERS.alice} lacks the permission iam.serviceAccounts.getAccessToken needed to impersonate ${SERVICE_ACCOUNTS.auditor}`,
  );
  await expect(dialog.getByRole('alert')).toContainText('roles/iam.serviceAccountTokenCreator');
  await expect(email).toHaveValue(SERVICE_ACCOUNTS.auditor);
  await expectNoSeriousA11yViolations(page, 'the impersonation dialog showing a denial');
  await email.fill(SERVICE_ACCOUNTS.terraform);
  await dialog.getByRole('button', { name: 'Check' }).click();
  await expect(dialog.getByRole('status')).toContainText(
    `Impersonation works: Google issued a token for ${SERVICE_ACCOUNTS.terraform}`,
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // No token or key reached the page.
  const html = await page.content();
  for (const secret of [...world.fixture.secrets, ...fake.state.accessTokens.keys()])
    expect(html).not.toContain(secret);
});

test('without gcloud installed, configurations are still listed and Verify says gcloud is needed', async ({ page }) => {
  world = await startWorld({ PATH: '/nonexistent-bin' });
  await openGcpTab(page, world.host.url);
  await expect(page.getByText(/gcloud is not installed/)).toBeVisible();
  const table = page.getByRole('table', { name: 'Google Cloud credentials' });
  await expect(table.getByRole('row', { name: /^default active/ })).toContainText(USERS.alice);
  await page.getByRole('button', { name: 'Verify Configuration default' }).click();
  await expect(table.getByRole('row', { name: /^default active/ })).toContainText(
    'gcloud is needed to use configuration default, and it is not on PATH.',
  );
  await expectNoSeriousA11yViolations(page, 'the GCP tab without gcloud');
});
