import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';

test('a page whose code is still loading says so, accessibly, inside the app frame', async ({ page, liaison }) => {
  await page.goto(liaison.url);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByText('No associations yet.')).toBeVisible();

  // Everything the dashboard needs has loaded; hold any further script (a page loading on demand).
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click();

  const loading = page.getByRole('main').getByRole('status');
  await expect(loading).toHaveText('Loading Groups…');
  // The frame stays: the page's heading and the navigation, with the new page marked current.
  await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Groups' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expectNoSeriousA11yViolations(page, 'a page loading on demand');

  release();
  await expect(loading).toBeHidden();
  await expect(page.getByRole('button', { name: 'Register existing id' }).first()).toBeVisible();
});
