import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { installAwsFixtureHome } from '../test-support/fakes/aws/aws-fixture-home';
import { expect, test } from './fixtures/test';
import { WebHostProcess } from './fixtures/web-host';
import { onboardToApply } from './fixtures/wizard-flow';

/*
 * Cancel through the UI: the Terraform test double replays the recorded apply slowly (one line every
 * LIAISON_DOUBLE_DELAY_MS) and writes each signal it receives to a file. Cancel must interrupt it as
 * Ctrl-C does (SIGINT, nothing harsher), and the run ends as cancelled in the step and in the history.
 */
const DOUBLE = resolve(import.meta.dirname, '../test-support/fakes/terraform/terraform-double.mjs');
const ACCOUNT = '123456789012';

let host: WebHostProcess;
let slowDouble: string;
let signals: string;

test.beforeAll(async () => {
  slowDouble = mkdtempSync(join(tmpdir(), 'liaison-slow-double-'));
  signals = join(slowDouble, 'signals');
  const script = join(slowDouble, 'terraform');
  writeFileSync(
    script,
    `#!/bin/sh\nLIAISON_DOUBLE_DELAY_MS=2000 LIAISON_DOUBLE_SIGNAL_FILE='${signals}' exec node '${DOUBLE}' success "$@"\n`,
  );
  chmodSync(script, 0o755);
  host = new WebHostProcess({
    PATH: `${slowDouble}:${process.env.PATH ?? ''}`,
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  });
  installAwsFixtureHome(host.home);
  await host.start();
});

test.afterAll(async () => {
  await host?.dispose();
  if (slowDouble) rmSync(slowDouble, { recursive: true, force: true });
});

test('Cancel interrupts a slow apply with SIGINT; the run ends cancelled in the step and the history', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await onboardToApply(page, host.url, 'Platform team', ACCOUNT);
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await page.getByRole('button', { name: 'Apply 3 changes' }).click({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Applying' })).toBeVisible({ timeout: 30_000 });
  // The apply is under way (a resource has started) and far from done when Cancel is pressed.
  await expect(page.getByRole('list', { name: 'Resources' }).getByRole('listitem').first()).toBeVisible({
    timeout: 15_000,
  });
  await page.getByRole('button', { name: 'Cancel' }).click();

  await expect(page.getByRole('heading', { name: 'Apply did not finish' })).toBeVisible({ timeout: 30_000 });
  const problem = page.getByRole('alert').filter({ hasText: 'The run was cancelled' });
  await expect(problem).toContainText('Cancelled during apply. Terraform stopped after the interrupt.');
  await expect(page.getByText('3 of 3 done')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  expect(readFileSync(signals, 'utf8')).toBe('SIGINT\n');

  await page.goto(host.url);
  await page.getByRole('link', { name: 'Workspaces' }).click();
  const runs = page.getByRole('table', { name: `Runs in aws-${ACCOUNT}` });
  await expect(runs.getByRole('row')).toHaveCount(3);
  await expect(runs.getByRole('row').nth(1)).toContainText('applycancelled');
  await expect(runs.getByRole('row').nth(2)).toContainText('plansucceeded');
});
