import { IAMClient, paginateListRoles } from '@aws-sdk/client-iam';
import { LIST_ROLES_PAGE_SIZE, listAccountRoles } from '../../electron/core/aws/roles/list-account-roles';
import { installAwsFixtureHome, type StaticKeys } from '../../test-support/fakes/aws/aws-fixture-home';
import { startFaultProxy, type FaultProxy } from '../../test-support/fakes/aws/fault-proxy';
import { createMotoUser, startMoto, type MotoServer } from '../../test-support/fakes/aws/moto';
import { MOTO_DEFAULT_ACCOUNT, seedManyRoles } from '../../test-support/seeders/seed-roles';
import { WebHostProcess } from '../fixtures/web-host';
import {
  launchBenchChromium,
  filterKeystrokeFigure,
  measureFilterKeystrokes,
  median,
  time,
  type Figure,
} from './measure';

const ROLES = 1000;
const LATENCY_MS = 20;

interface SeededMoto {
  moto: MotoServer;
  proxy: FaultProxy;
  keys: StaticKeys;
}

/** moto with an account of 1,000 roles, behind a proxy adding 20 ms per call, for the length of `work`. */
async function withRolesMoto<T>(work: (seeded: SeededMoto) => Promise<T>): Promise<T> {
  const moto = await startMoto({ managedPolicies: false });
  const proxy = await startFaultProxy({ target: moto.url, latencyMs: LATENCY_MS });
  try {
    const keys = await createMotoUser(moto.url, 'bench-inspector');
    await seedManyRoles(moto.url, ROLES);
    return await work({ moto, proxy, keys });
  } finally {
    await proxy.close();
    await moto.stop();
  }
}

/** The baseline: the SDK's paginator over ListRoles with the same page size, counting roles and nothing more. */
async function barePaginator(iam: IAMClient): Promise<number> {
  let roles = 0;
  for await (const page of paginateListRoles({ client: iam, pageSize: LIST_ROLES_PAGE_SIZE }, {})) {
    roles += page.Roles?.length ?? 0;
  }
  return roles;
}

/**
 * Inspecting an account of 1,000 roles (moto at +20 ms per call): Liaison's listAccountRoles — every
 * page, every trust decoded, parsed and evaluated for findings — against the bare paginator making
 * the same calls. Alternating runs, medians.
 */
export function benchRoleInspectorListing(): Promise<Figure> {
  return withRolesMoto(async ({ proxy, keys }) => {
    const iam = new IAMClient({ region: 'us-east-1', endpoint: proxy.url, credentials: keys, maxAttempts: 4 });
    const ours: number[] = [];
    const bare: number[] = [];
    try {
      // Warm-up, and proof both saw every role (and that the findings were computed).
      const listed = await listAccountRoles(iam, MOTO_DEFAULT_ACCOUNT);
      if (listed.length !== ROLES) throw new Error(`listed ${listed.length}, seeded ${ROLES}`);
      const flagged = listed.filter((role) => role.findings.some((f) => f.code === 'no-external-id')).length;
      if (flagged !== ROLES / 10)
        throw new Error(`${flagged} roles flagged, ${ROLES / 10} seeded without an External ID`);
      if ((await barePaginator(iam)) !== ROLES) throw new Error('the bare paginator missed roles');
      for (let run = 0; run < 9; run += 1) {
        ours.push(await time(() => listAccountRoles(iam, MOTO_DEFAULT_ACCOUNT)));
        bare.push(await time(() => barePaginator(iam)));
      }
    } finally {
      iam.destroy();
    }
    const value = median(ours);
    const baseline = median(bare);
    return {
      name: `Inspect an account of ${ROLES} roles: list and evaluate every trust (moto, +${LATENCY_MS} ms per call)`,
      value,
      baselineName: 'the bare SDK paginator over ListRoles (same page size)',
      baseline,
      ratio: value / baseline,
      maxRatio: 1.2,
      details: `9 alternating runs each; Liaison ${ours.map((ms) => ms.toFixed(0)).join('/')} ms, bare ${bare.map((ms) => ms.toFixed(0)).join('/')} ms`,
    };
  });
}

const QUERY = 'role-042';

/** Type-to-filter on the Roles page with 1,000 roles, in Chromium: keystroke → painted rows, p95. */
export function benchRoleInspectorFilter(): Promise<Figure> {
  return withRolesMoto(async ({ moto, keys }) => {
    const host = new WebHostProcess({ AWS_ENDPOINT_URL: moto.url });
    installAwsFixtureHome(host.home, { staticKeys: keys });
    await host.start();
    const browser = await launchBenchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(host.url);
      await page.getByRole('navigation').getByRole('link', { name: 'Roles' }).click();
      await page.getByRole('combobox', { name: 'AWS profile of the account' }).fill('static-admin');
      await page.getByRole('option', { name: /static-admin/ }).click();
      await page.getByRole('button', { name: 'Read roles' }).click();
      await page.getByText(new RegExp(`^${ROLES} of ${ROLES} roles`)).waitFor({ timeout: 120_000 });
      await page.getByLabel('Filter by name or path').focus();
      const measured = await measureFilterKeystrokes(page, QUERY, {
        // The virtual list's height changes with the number of roles shown.
        selector: '[data-testid="role-list"] > div',
        attribute: 'style',
      });
      return filterKeystrokeFigure(`Filter the Roles page, ${ROLES} roles (Chromium), p95 keystroke`, QUERY, measured, {
        shown: 'list',
        seen: 'list heights',
      });
    } finally {
      await browser.close();
      await host.dispose();
    }
  });
}
