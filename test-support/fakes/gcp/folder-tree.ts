import { FAKE_ORGANIZATION, type FakeFolder, type GoogleFakeState } from './google-fake';
import { SERVICE_ACCOUNTS, USERS } from './gcloud-fixture';

/**
 * An organization with folders and projects for the "pick a project under a folder" tests:
 *
 *   example.com (organizations/301234567890)      Browser: alice
 *   ├── Platform (folders/510000000001)
 *   │   └── Prod (folders/510000000002)            25 team projects + Payments prod
 *   └── Sandboxes (folders/510000000003)           Browser: deployer@; 3 projects, 1 being deleted
 *
 * Prod holds more projects than the fake's default page, so every listing of it paginates.
 */
export const GCP_ORGANIZATION = {
  name: FAKE_ORGANIZATION,
  displayName: 'example.com',
  directoryCustomerId: 'C01fak3',
} as const;

export const GCP_FOLDERS = {
  platform: { name: 'folders/510000000001', displayName: 'Platform', parent: FAKE_ORGANIZATION, state: 'ACTIVE' },
  prod: { name: 'folders/510000000002', displayName: 'Prod', parent: 'folders/510000000001', state: 'ACTIVE' },
  sandboxes: { name: 'folders/510000000003', displayName: 'Sandboxes', parent: FAKE_ORGANIZATION, state: 'ACTIVE' },
} as const satisfies Record<string, FakeFolder>;

/** The project the e2e picks from the tree. */
export const FOLDER_PROJECT = {
  projectId: 'payments-prod-4711',
  projectNumber: '471100000001',
  displayName: 'Payments prod',
} as const;

export const PROD_TEAM_PROJECTS = 25;

export function seedGcpFolderTree(state: GoogleFakeState): void {
  state.organizations.set(GCP_ORGANIZATION.name, { ...GCP_ORGANIZATION });
  for (const folder of Object.values(GCP_FOLDERS)) state.folders.set(folder.name, { ...folder });
  state.browsers.set(GCP_ORGANIZATION.name, new Set([USERS.alice]));
  state.browsers.set(GCP_FOLDERS.sandboxes.name, new Set([SERVICE_ACCOUNTS.deployer]));
  const viewers = new Set<string>([USERS.alice, SERVICE_ACCOUNTS.deployer, SERVICE_ACCOUNTS.terraform]);
  state.projects.set(FOLDER_PROJECT.projectId, {
    ...FOLDER_PROJECT,
    state: 'ACTIVE',
    viewers,
    parent: GCP_FOLDERS.prod.name,
  });
  for (let team = 1; team <= PROD_TEAM_PROJECTS; team += 1) {
    const suffix = String(team).padStart(2, '0');
    state.projects.set(`team-${suffix}-prod`, {
      projectId: `team-${suffix}-prod`,
      projectNumber: `5200000000${suffix}`,
      displayName: `Team ${suffix} prod`,
      state: 'ACTIVE',
      viewers,
      parent: GCP_FOLDERS.prod.name,
    });
  }
  for (const [index, name] of ['alpha', 'beta', 'gamma'].entries()) {
    state.projects.set(`sandbox-${name}`, {
      projectId: `sandbox-${name}`,
      projectNumber: `53000000000${index}`,
      displayName: `Sandbox ${name}`,
      state: 'ACTIVE',
      viewers,
      parent: GCP_FOLDERS.sandboxes.name,
    });
  }
  state.projects.set('sandbox-retired', {
    projectId: 'sandbox-retired',
    projectNumber: '530000000009',
    displayName: 'Sandbox retired',
    state: 'DELETE_REQUESTED',
    viewers,
    parent: GCP_FOLDERS.sandboxes.name,
  });
}
