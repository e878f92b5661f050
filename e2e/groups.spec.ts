import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';

/** The app opens on the dashboard; groups are one navigation entry away. */
async function openGroups(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click();
}

const ROOT_NAME = 'Platform team';
const CHILD_NAME = 'Payments';
const RENAMED = 'Payments (production)';
const ROOT_ID = '3f2a9c1be0d4475a8e6b1f0c2d3e4a5b6c7d8e9f';
const CHILD_ID = `${ROOT_ID}/9c1b2d3e4f5a6b7c`;

test('a new user creates, nests, renames and validates groups, and finds them after a restart', async ({
  page,
  liaison,
}) => {
  // Two dialogs, four axe runs and a restart of the host: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  await openGroups(page, liaison.url);
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/(#.*)?$/);
  await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Groups — Liaison');
  await expectNoSeriousA11yViolations(page, 'the empty groups page');

  // A root group: without a platform connection, registered by pasting its id, never made up here.
  // Without a sign-in the only way in is pasting an id: there is no New folder to confuse it with.
  await expect(page.getByRole('button', { name: 'New folder' })).toHaveCount(0);
  await expect(page.getByText('New folders are created on the platform: sign in')).toBeVisible();
  await page.getByRole('button', { name: 'Register existing id' }).first().click();
  const create = page.getByRole('dialog', { name: 'Register existing group' });
  await expect(create).toContainText('not checked against the platform');
  await create.getByLabel('Group ID').fill(ROOT_ID.toUpperCase());
  await create.getByLabel('Name').fill(ROOT_NAME);
  await create.getByLabel('Description').fill('Owns the shared AWS accounts');
  await expectNoSeriousA11yViolations(page, 'the new group dialog');
  await expect(create.getByRole('button', { name: 'Create' })).toHaveCount(0);
  await create.getByRole('button', { name: 'Register' }).click();
  await expect(create).toBeHidden();
  await expect(page.getByText('Group registered — not checked against the platform')).toBeVisible();
  const table = page.getByRole('table', { name: 'Groups' });
  await expect(table.getByRole('row', { name: new RegExp(ROOT_NAME) })).toBeVisible();

  // A child of it.
  await page.getByRole('button', { name: `Add child group to ${ROOT_NAME}` }).click();
  const child = page.getByRole('dialog', { name: 'New child group' });
  // An id under another group is a field error; the parent's id plus one segment is accepted.
  await child.getByLabel('Group ID').fill(`${'a'.repeat(40)}/00112233aabbccdd`);
  await child.getByLabel('Name').fill(CHILD_NAME);
  await child.getByRole('button', { name: 'Register' }).click();
  await expect(child.getByLabel('Group ID')).toHaveAttribute('aria-invalid', 'true');
  await expect(child.getByText(`A child of this group has an id that starts with ${ROOT_ID}/`)).toBeVisible();
  await child.getByLabel('Group ID').fill(CHILD_ID);
  await child.getByRole('button', { name: 'Register' }).click();
  await expect(child).toBeHidden();
  await expect(table.getByRole('row', { name: new RegExp(CHILD_NAME) })).toBeVisible();

  // The API agrees: the child's id is the root's id plus one 16-hex segment.
  const listed = await page.request.post(`${new URL(liaison.url).origin}/api/call/listGroups`, {
    data: {},
    headers: { origin: new URL(liaison.url).origin },
  });
  const groups = ((await listed.json()) as { value: { id: string; name: string }[] }).value;
  const root = groups.find((g) => g.name === ROOT_NAME);
  const kid = groups.find((g) => g.name === CHILD_NAME);
  expect(root?.id).toBe(ROOT_ID);
  expect(kid?.id).toBe(CHILD_ID);

  // Rename the child.
  await page.getByRole('button', { name: `Edit ${CHILD_NAME}` }).click();
  const edit = page.getByRole('dialog', { name: 'Edit group' });
  await edit.getByLabel('Name').fill(RENAMED);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(table.getByRole('row', { name: new RegExp(RENAMED.replace(/[()]/g, '\\$&')) })).toBeVisible();

  // A bad pasted id: a field-level error, the dialog stays open with what was typed, nothing is written.
  await page.getByRole('button', { name: 'Register existing id' }).first().click();
  const register = page.getByRole('dialog', { name: 'Register existing group' });
  await register.getByLabel('Group ID').fill('3f2a-not-a-uidp');
  await register.getByLabel('Name').fill('Pasted');
  await register.getByRole('button', { name: 'Register' }).click();
  await expect(register.getByText(/40 hex characters/).first()).toBeVisible();
  await expect(register.getByLabel('Group ID')).toHaveValue('3f2a-not-a-uidp');
  await expect(register.getByLabel('Group ID')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page, 'the register dialog showing an error');
  await register.getByRole('button', { name: 'Cancel' }).click();
  await expect(table.getByRole('row')).toHaveCount(3); // header + two groups

  // The API refuses the same input even without the form.
  const refused = await page.request.post(`${new URL(liaison.url).origin}/api/call/createGroup`, {
    data: { mode: 'existing', id: '3f2a-not-a-uidp', name: 'Pasted' },
    headers: { origin: new URL(liaison.url).origin },
  });
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'id' } });
  await expectNoSeriousA11yViolations(page, 'the groups table');

  // Stop the host as Ctrl+C would, start it again on the same data, and find both groups.
  expect(await liaison.stop('SIGINT')).toBe(0);
  await liaison.start();
  await openGroups(page, liaison.url);
  await expect(table.getByRole('row', { name: new RegExp(ROOT_NAME) })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(RENAMED.replace(/[()]/g, '\\$&')) })).toBeVisible();
});

test('the host refuses a browser that did not come through the launch URL', async ({ page, liaison }) => {
  const response = await page.goto(`http://127.0.0.1:${liaison.port}/`);
  expect(response?.status()).toBe(401);
  await expect(page.getByText(/Open Liaison with the URL it printed/)).toBeVisible();
});

test('groups can be managed with the keyboard alone', async ({ page, liaison }) => {
  await openGroups(page, liaison.url);
  await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
  // Tab from the top of the page until the primary action has focus, then drive the dialog by keys.
  const newGroup = page.getByRole('button', { name: 'Register existing id' });
  for (let presses = 0; presses < 15 && !(await newGroup.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(newGroup).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Register existing group' });
  await expect(dialog.getByLabel('Group ID')).toBeFocused();
  await page.keyboard.type('c0ffee'.padEnd(40, '0'));
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Keyboard team');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Groups' }).getByRole('row', { name: /Keyboard team/ })).toBeVisible();

  // Escape closes a dialog without writing anything.
  await page.getByRole('button', { name: 'Edit Keyboard team' }).focus();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit group' });
  await expect(edit).toBeVisible();
  await page.keyboard.type(' (draft)');
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  await expect(page.getByRole('row', { name: /Keyboard team \(draft\)/ })).toHaveCount(0);
});

test('the theme follows the system colour scheme', async ({ page, liaison }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openGroups(page, liaison.url);
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(dark);
  await expectNoSeriousA11yViolations(page, 'the groups page in the light theme');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page, 'the groups page in the dark theme');
});

test('with reduced motion the theme switches at once and axe passes without waiting', async ({ page, liaison }) => {
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await openGroups(page, liaison.url);
  await expect(page.getByRole('button', { name: 'Register existing id' }).first()).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    // Read in the very next task: no transition may be running, or even declared, on the page.
    const motion = await page.evaluate(() => ({
      running: document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => (animation instanceof CSSTransition ? animation.transitionProperty : String(animation))),
      buttonTransition: getComputedStyle(document.querySelector('.MuiButton-root') ?? document.body).transition,
    }));
    expect(motion.running, `animations right after switching to ${colorScheme}`).toEqual([]);
    expect(motion.buttonTransition).not.toMatch(/[1-9]\d*m?s/);
    await expectNoSeriousA11yViolations(page, `the groups page in the ${colorScheme} theme, reduced motion`, {
      settle: false,
    });
  }
});

test('a group that a workspace still trusts cannot be deleted until its association is removed', async ({
  page,
  liaison,
}) => {
  const origin = new URL(liaison.url).origin;
  const call = async <T>(method: string, data: unknown): Promise<T> => {
    const response = await page.request.post(`${origin}/api/call/${method}`, { data, headers: { origin } });
    expect(response.ok(), `${method}: ${await response.text()}`).toBe(true);
    return ((await response.json()) as { value: T }).value;
  };
  await page.goto(liaison.url);
  const group = await call<{ id: string }>('createGroup', { mode: 'root', name: 'Trusted team' });
  const { association } = await call<{ association: { id: string } }>('saveAssociation', {
    cloud: 'aws',
    groupId: group.id,
    environment: 'enforce.dev',
    accountId: '111122223333',
    profile: 'admin',
    moduleVersion: '0.1.0',
  });

  await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click();
  await page.getByRole('button', { name: 'Delete Trusted team' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete group' });
  await expect(dialog.getByRole('alert')).toContainText('Still trusted by a workspace');
  await expect(dialog.getByRole('alert')).toContainText('AWS account 111122223333');
  await expect(dialog.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await expectNoSeriousA11yViolations(page, 'the delete dialog of a trusted group');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The core refuses too, with the field and the way out, whatever the client.
  const refused = await page.request.post(`${origin}/api/call/deleteGroup`, {
    data: { id: group.id },
    headers: { origin },
  });
  expect(refused.status()).toBe(409);
  const body = (await refused.json()) as { error: { code: string; field: string; remediation: string } };
  expect(body.error).toMatchObject({ code: 'CONFLICT', field: 'id' });
  expect(body.error.remediation).toContain('Remove the association');

  // Removing the association (its workspace's main.tf drops the group) lets the group go.
  await call('deleteAssociation', { id: association.id });
  await page.getByRole('button', { name: 'Delete Trusted team' }).click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Trusted team/ })).toHaveCount(0);
});
