import {
  DescribeOrganizationCommand,
  OrganizationsClient,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
} from '@aws-sdk/client-organizations';
import { listAwsOrganization } from '../../electron/core/aws/organizations/list-aws-organization';
import { installAwsFixtureHome, type StaticKeys } from '../../test-support/fakes/aws/aws-fixture-home';
import { createMotoUser, startMoto, type MotoServer } from '../../test-support/fakes/aws/moto';
import { seedOrganization } from '../../test-support/seeders/seed-organization';
import { WebHostProcess } from '../fixtures/web-host';
import {
  launchBenchChromium,
  filterKeystrokeFigure,
  measureFilterKeystrokes,
  median,
  time,
  type Figure,
} from './measure';
import { registerNewGroup } from '../fixtures/group-ids';

const UNITS = 10;
const PER_UNIT = 100;
const ACCOUNTS = UNITS * PER_UNIT + 1;

interface SeededMoto {
  moto: MotoServer;
  keys: StaticKeys;
}

/** A moto with an organization of 1,000 member accounts in 10 OUs, for the length of `work`. */
async function withOrganizationMoto<T>(work: (seeded: SeededMoto) => Promise<T>): Promise<T> {
  // No managed policies: nothing here attaches one, and loading them per account is most of moto's cost.
  const moto = await startMoto({ managedPolicies: false });
  try {
    const keys = await createMotoUser(moto.url, 'bench-org-admin');
    const units = Array.from({ length: UNITS }, (_, index) => `Unit${index}`);
    await seedOrganization(moto.url, keys, units, PER_UNIT);
    return await work({ moto, keys });
  } finally {
    await moto.stop();
  }
}

function client(url: string, keys: StaticKeys): OrganizationsClient {
  return new OrganizationsClient({ region: 'us-east-1', endpoint: url, credentials: keys, maxAttempts: 8 });
}

/** The baseline: the same calls with the bare SDK paginators, one after another, collecting nothing but counts. */
async function barePaginatorWalk(organizations: OrganizationsClient): Promise<number> {
  await organizations.send(new DescribeOrganizationCommand({}));
  let parents: string[] = [];
  for await (const page of paginateListRoots({ client: organizations }, {})) {
    parents.push(...(page.Roots ?? []).map((root) => root.Id ?? ''));
  }
  let accounts = 0;
  while (parents.length > 0) {
    const next: string[] = [];
    for (const parentId of parents) {
      for await (const page of paginateListOrganizationalUnitsForParent(
        { client: organizations },
        { ParentId: parentId },
      )) {
        next.push(...(page.OrganizationalUnits ?? []).map((unit) => unit.Id ?? ''));
      }
      for await (const page of paginateListAccountsForParent({ client: organizations }, { ParentId: parentId })) {
        accounts += page.Accounts?.length ?? 0;
      }
    }
    parents = next;
  }
  return accounts;
}

/**
 * Listing an organization of 1,000 accounts (moto, loopback): Liaison's listAwsOrganization (the
 * tree with every account's details, errors wrapped) against a bare SDK paginator walk making the same
 * calls. Alternating runs, medians.
 */
export function benchOrganizationListing(): Promise<Figure> {
  return withOrganizationMoto(listingFigure);
}

async function listingFigure({ moto, keys }: SeededMoto): Promise<Figure> {
  const ours: number[] = [];
  const bare: number[] = [];
  const organizations = client(moto.url, keys);
  try {
    // Warm-up: connections and moto's first-call costs.
    const listed = await listAwsOrganization(organizations, 'bench');
    if (listed.accounts.length !== ACCOUNTS) throw new Error(`listed ${listed.accounts.length}, seeded ${ACCOUNTS}`);
    if ((await barePaginatorWalk(organizations)) !== ACCOUNTS) throw new Error('the bare walk missed accounts');
    for (let run = 0; run < 5; run += 1) {
      ours.push(await time(() => listAwsOrganization(organizations, 'bench')));
      bare.push(await time(() => barePaginatorWalk(organizations)));
    }
  } finally {
    organizations.destroy();
  }
  const value = median(ours);
  const baseline = median(bare);
  return {
    name: `List an AWS organization of ${ACCOUNTS} accounts in ${UNITS} OUs (moto)`,
    value,
    baselineName: 'the bare SDK paginators making the same calls, sequentially',
    baseline,
    ratio: value / baseline,
    maxRatio: 1.2,
    details: `5 alternating runs each; Liaison ${ours.map((ms) => ms.toFixed(0)).join('/')} ms, bare ${bare.map((ms) => ms.toFixed(0)).join('/')} ms`,
  };
}

const QUERY = 'unit3-00';

/**
 * Type-to-filter in the wizard's organization tree with 1,000 accounts, in Chromium: from the
 * keystroke to the frame that shows the updated rows, p95 (as the Profiles filter figure measures it).
 */
export function benchOrganizationFilter(): Promise<Figure> {
  return withOrganizationMoto(filterFigure);
}

async function filterFigure({ moto, keys }: SeededMoto): Promise<Figure> {
  const host = new WebHostProcess({ AWS_ENDPOINT_URL: moto.url });
  installAwsFixtureHome(host.home, { staticKeys: keys });
  await host.start();
  const browser = await launchBenchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Onboard' }).click();
    await page.getByRole('button', { name: 'Start onboarding' }).click();
    await page.getByRole('button', { name: 'New group' }).click();
    const dialog = page.getByRole('dialog', { name: 'New group' });
    await registerNewGroup(dialog, 'Bench');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('radio', { name: 'AWS account' }).check();
    await page.getByRole('combobox', { name: 'AWS profile' }).fill('static-admin');
    await page.getByRole('option', { name: /static-admin/ }).click();
    await page.getByRole('radio', { name: /assume a role in the account/ }).check();
    await page.getByRole('button', { name: 'Pick from the organization' }).click();
    const picker = page.getByRole('dialog', { name: 'Pick an account from the organization' });
    await picker.getByText(new RegExp(`^${ACCOUNTS} of ${ACCOUNTS} accounts`)).waitFor({ timeout: 120_000 });
    const filter = picker.getByLabel('Filter by name, id, email or unit');
    await filter.focus();

    const measured = await measureFilterKeystrokes(page, QUERY, {
      // The virtual list's height changes with the number of rows the tree shows.
      selector: '[data-testid="organization-tree"] ul',
      attribute: 'style',
    });
    return filterKeystrokeFigure(
      `Filter the organization tree, ${ACCOUNTS} accounts (Chromium), p95 keystroke`,
      QUERY,
      measured,
      { shown: 'tree', seen: 'tree heights' },
    );
  } finally {
    await browser.close();
    await host.dispose();
  }
}
