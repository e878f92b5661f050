import { join } from 'node:path';
import { installFailingTokenCommand, installTokenCommand } from '../test-support/seeders/token-command';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';

/*
 * Issue 19, part 5 (Settings): saving a token command says so, and a saved command can be tested —
 * run once as a live check runs it — showing whose token it printed, or why it failed.
 */
test('a token command is confirmed on save and tested from Settings', async ({ page, liaison }) => {
  const good = installTokenCommand(join(liaison.root, 'tokens'), 'enforce.dev', {
    amazon: 'canary:0123456789abcdef0123456789abcdef01234567',
    google: 'canary:0123456789abcdef0123456789abcdef01234567',
  });
  await page.goto(liaison.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Set a token command' });
  await form.getByLabel('Token command', { exact: true }).fill(good);
  await form.getByLabel('Launch token').fill(liaison.launchToken);
  await form.getByRole('button', { name: 'Save token command' }).click();
  await expect(page.getByText('Token command for enforce.dev saved: live checks use it from now on')).toBeVisible();

  const list = page.getByRole('list', { name: 'Token commands' });
  await list.getByRole('button', { name: 'Test the token command for enforce.dev' }).click();
  const result = list.getByRole('status');
  await expect(result).toContainText(
    'It printed a token for canary:0123456789abcdef0123456789abcdef01234567 from https://issuer.enforce.dev (asked for audience amazon).',
  );
  await expectNoSeriousA11yViolations(page, 'settings: a token command tested');

  // A command that fails says why, in the same place.
  const failing = installFailingTokenCommand(join(liaison.root, 'failing'));
  await form.getByLabel('Platform domain (environment)').fill('chainops.dev');
  await form.getByLabel('Token command', { exact: true }).fill(failing);
  await form.getByLabel('Launch token').fill(liaison.launchToken);
  await form.getByRole('button', { name: 'Save token command' }).click();
  await list.getByRole('button', { name: 'Test the token command for chainops.dev' }).click();
  await expect(list.getByRole('alert')).toContainText(
    'The token command for chainops.dev exited with code 3; its stderr: error: not signed in; run chainctl auth login',
  );
});
