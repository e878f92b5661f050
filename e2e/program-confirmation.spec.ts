import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';

/** A program that leaves a mark when it runs (so a test can tell it never ran). */
function markingProgram(dir: string, name: string): { path: string; ran: () => boolean } {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\ntouch '${path}.ran'\necho '{"terraform_version":"1.11.4"}'\n`);
  chmodSync(path, 0o755);
  return { path, ran: () => existsSync(`${path}.ran`) };
}

test('Settings: a token command is saved only with the launch token re-entered', async ({ page, liaison }) => {
  await page.goto(liaison.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Set a token command' });
  const launchToken = form.getByLabel('Launch token');
  await form.getByLabel('Token command', { exact: true }).fill('chainctl auth token --audience {audience}');

  await form.getByRole('button', { name: 'Save token command' }).click();
  await expect(launchToken).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Enter the launch token to confirm this program.', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'settings: the launch token asked for');

  await launchToken.fill('not-the-token');
  await form.getByRole('button', { name: 'Save token command' }).click();
  await expect(form.getByText("That is not this launch's token; nothing was saved.", { exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Token commands' })).toHaveCount(0);

  await launchToken.fill(liaison.launchToken);
  await form.getByRole('button', { name: 'Save token command' }).click();
  await expect(page.getByRole('list', { name: 'Token commands' })).toContainText(
    'chainctl auth token --audience {audience}',
  );
  await expect(launchToken).toHaveValue('');
  await expectNoSeriousA11yViolations(page, 'settings: a confirmed token command');
});

test('Settings: shell syntax needs the shell opt-in, and the opt-in is confirmed too', async ({ page, liaison }) => {
  await page.goto(liaison.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Set a token command' });
  const command = form.getByLabel('Token command', { exact: true });
  await command.fill('chainctl auth token | tee /tmp/token');
  await form.getByLabel('Launch token').fill(liaison.launchToken);
  await form.getByRole('button', { name: 'Save token command' }).click();
  await expect(command).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText(/"\|" needs a shell/)).toBeVisible();

  await form.getByLabel(/Run through the shell/).check();
  await form.getByRole('button', { name: 'Save token command' }).click();
  await expect(page.getByRole('list', { name: 'Token commands' })).toContainText('through the shell');
});

test('Settings: a Terraform path runs only once confirmed; the API alone cannot set one', async ({ page, liaison }) => {
  const binary = markingProgram(join(liaison.root, 'bin'), 'terraform');
  const origin = `http://127.0.0.1:${liaison.port}`;
  await page.goto(liaison.url);

  // What a script in the page could send: the session cookie rides along, the launch token does not.
  const forged = await page.request.post(`${origin}/api/call/setTerraformBinaryPath`, {
    data: { path: binary.path },
    headers: { origin },
  });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ ok: false, error: { code: 'PROGRAM_NOT_CONFIRMED' } });
  expect(binary.ran()).toBe(false);

  await page.getByRole('link', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Set the Terraform path' });
  await form.getByLabel('Custom Terraform path').fill(binary.path);
  await form.getByLabel('Launch token').fill('guess');
  await form.getByRole('button', { name: 'Save path' }).click();
  await expect(form.getByLabel('Launch token')).toHaveAttribute('aria-invalid', 'true');
  expect(binary.ran()).toBe(false);

  await form.getByLabel('Launch token').fill(liaison.launchToken);
  await form.getByRole('button', { name: 'Save path' }).click();
  await expect(page.getByText(binary.path).first()).toBeVisible();
  expect(binary.ran()).toBe(true);
  await expectNoSeriousA11yViolations(page, 'settings: a confirmed Terraform path');
});
