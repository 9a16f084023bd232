// Journey: two profiles open in two windows; A's host process dies (SIGKILL, as a
// crash or the OS's out-of-memory killer would). A's window says A stopped and offers
// Reopen; B's window keeps working; Reopen brings A back with its data, no password.
import { expect, test } from '@playwright/test';
import { screenshot, startHarness, type Harness } from '../harness/harness.js';
import { createProfile, shellName, unlock } from '../profile-steps.js';

let harness: Harness;
/** Steps that start a profile's process (create, unlock, reopen) on a slow, shared machine. */
const STARTS = { timeout: 30_000 };

test.beforeEach(async ({ context }, info) => {
  harness = await startHarness(context, `profile-crash-${info.workerIndex}`);
});
test.afterEach(async () => {
  await harness.close();
});

const addTask = async (page: import('@playwright/test').Page, title: string) => {
  await page.getByTestId('nav-tasks').click();
  await page.getByTestId('task-quick-add-input').fill(title);
  await page.getByTestId('task-quick-add-input').press('Enter');
  await expect(page.getByTestId('task-title').filter({ hasText: title })).toBeVisible();
};

test("a profile whose process dies shows 'stopped — Reopen' in its window only; the other window carries on", async () => {
  const a = await harness.openWindow();
  await createProfile(a, 'Alice', 'alice password 1');
  await expect(shellName(a)).toHaveText('Alice', STARTS);
  await addTask(a, 'Saved before the crash');

  const b = await harness.openWindow();
  await createProfile(b, 'Bob');
  await expect(shellName(b)).toHaveText('Bob', STARTS);
  await addTask(b, 'Bob keeps working');

  const alice = harness.enclave.profiles.list().find((p) => p.name === 'Alice')!;
  harness.killHost(alice.id);

  const stopped = a.getByTestId('profile-stopped');
  await expect(stopped).toBeVisible(STARTS);
  await expect(stopped).toContainText('Alice stopped');
  await expect(stopped.getByRole('button', { name: 'Reopen' })).toBeVisible();
  // B's window is untouched and still works.
  await expect(b.getByTestId('profile-stopped')).toHaveCount(0);
  await expect(shellName(b)).toHaveText('Bob');
  await addTask(b, 'Bob after the crash');
  await screenshot(a, 'profile-stopped-window-a');
  await screenshot(b, 'profile-stopped-window-b-still-working');

  // A's data calls answer the typed error until it is reopened.
  const meanwhile = await a.evaluate(() => window.api.listTasks({}));
  expect(meanwhile).toMatchObject({ ok: false, error: { code: 'PROFILE_CRASHED' } });

  await stopped.getByRole('button', { name: 'Reopen' }).click();
  await expect(shellName(a)).toHaveText('Alice', STARTS);
  await a.getByTestId('nav-tasks').click();
  await expect(a.getByTestId('task-title').filter({ hasText: 'Saved before the crash' })).toBeVisible();
  await screenshot(a, 'profile-reopened-window-a');

  // Lock from the stopped state goes back to the picker.
  harness.killHost(alice.id);
  await expect(stopped).toBeVisible();
  await stopped.getByRole('button', { name: 'Lock' }).click();
  await expect(a.getByTestId('profile-picker')).toBeVisible(STARTS);
  await unlock(a, 'Alice', 'alice password 1');
  await expect(shellName(a)).toHaveText('Alice', STARTS);
});
