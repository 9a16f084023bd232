// Journeys of daily use (issue 17): due dates typed into the quick add, hide completed and
// undo; Home's Today and live counts; picker banners that stay on their screen, password
// reveal and Caps Lock, the tile menu, restore showing the archive first; Settings as a
// page that nothing clips at 1280×800 or 200 % zoom; the theme switch. Each runs in the
// light theme in English and again in the dark theme in German.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import * as steps from '../profile-steps.js';
import { screenshot, startHarness, type Harness } from '../harness/harness.js';

let harness: Harness;

// Each journey is long (several unlocks, an export and a restore); on a loaded machine the
// defaults cut them short. Generous limits, not sleeps: every step still waits on the UI.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

test.beforeEach(async ({ context }, info) => {
  harness = await startHarness(context, `daily-${info.workerIndex}`);
});
test.afterEach(async () => {
  await harness.close();
});

// Tuesday 1 December 2026, 10:00 UTC (the project's zone).
const NOW = new Date('2026-12-01T10:00:00Z');

async function createProfile(page: Page, name: string, password?: string) {
  await steps.createProfile(page, name, password);
  await expect(steps.shellName(page)).toHaveText(name);
}

for (const variant of [
  { id: 'light-en', colorScheme: 'light' as const, locale: 'en-US' },
  { id: 'dark-de', colorScheme: 'dark' as const, locale: 'de-DE' },
]) {
  const de = variant.locale === 'de-DE';
  const shot = (page: Page, name: string) => screenshot(page, `${name}-${variant.id}`);

  test.describe(variant.id, () => {
    test.use({ colorScheme: variant.colorScheme, locale: variant.locale });

    test('tasks: a due date typed in the quick add, hide completed, undo', async () => {
      const page = await harness.openWindow();
      await page.clock.setFixedTime(NOW);
      await createProfile(page, 'Dana');
      await expect(page.locator('html')).toHaveAttribute('data-theme', variant.colorScheme);
      await page.getByTestId('nav-tasks').click();

      const input = page.getByTestId('task-quick-add-input');
      await input.fill('Call Bob fri 5pm');
      const preview = page.getByTestId('task-quick-add-due');
      await expect(preview).toContainText('Call Bob');
      // Friday 4 December, 17:00, in the locale's words and clock.
      await expect(page.getByTestId('task-quick-add-due-label')).toHaveText(de ? /Fr\.?, 4\. Dez\.?, 17:00/ : /Fri, Dec 4, 5:00\sPM/);
      await shot(page, 'tasks-quick-add-due');
      await input.press('Enter');
      const bob = page.getByTestId('task-row').filter({ hasText: 'Call Bob' });
      await expect(bob.getByTestId('task-title')).toHaveText('Call Bob');
      await expect(bob.getByTestId('task-due')).toContainText(de ? '17:00' : '5:00');

      // × keeps the words in the title.
      await input.fill('Read chapter tomorrow');
      await expect(preview).toBeVisible();
      await page.getByTestId('task-quick-add-keep').click();
      await expect(preview).toBeHidden();
      await input.press('Enter');
      const read = page.getByTestId('task-row').filter({ hasText: 'Read chapter tomorrow' });
      await expect(read).toBeVisible();
      await expect(read.getByTestId('task-due')).toHaveCount(0);

      await input.fill('Pay rent in 3 days');
      await input.press('Enter');
      await expect(page.getByTestId('task-row').filter({ hasText: 'Pay rent' }).getByTestId('task-due')).toContainText(de ? '4. Dez' : 'Dec 4');

      // The grip is drawn on every row in manual order, not only on hover.
      await expect(page.getByTestId('task-grip')).toHaveCount(3);
      await expect(page.getByTestId('task-grip').first()).toBeVisible();

      // Completing offers an undo; with "Hide completed" the task leaves the list.
      await page.getByTestId('task-hide-done').check();
      await read.getByTestId('task-toggle').click();
      await expect(page.getByTestId('task-undo')).toContainText('marked as done');
      await expect(read).toBeHidden();
      await shot(page, 'tasks-undo-complete');
      await page.getByTestId('task-undo-button').click();
      await expect(read).toBeVisible();
      await expect(read).toHaveAttribute('data-status', 'todo');

      await read.getByTestId('task-toggle').click();
      await expect(read).toBeHidden();
      await page.getByTestId('task-hide-done').uncheck();
      await expect(read).toHaveAttribute('data-status', 'done');
      await expect(page.getByTestId('task-row')).toHaveCount(3);
      // The choice outlives a reload of the view.
      await page.getByTestId('task-hide-done').check();
      await page.getByTestId('nav-home').click();
      await page.getByTestId('nav-tasks').click();
      await expect(page.getByTestId('task-hide-done')).toBeChecked();
      await expect(page.getByTestId('task-row')).toHaveCount(2);
      await shot(page, 'tasks-hide-completed');
    });

    test('tags: chips with suggestions, filter tasks and notes, rename and merge', async () => {
      const page = await harness.openWindow();
      await createProfile(page, 'Tess');
      await page.evaluate(async () => {
        await window.api.createTask({ title: 'Quarterly report', tags: ['work', 'q3'] });
        await window.api.createTask({ title: 'Buy paint', tags: ['home'] });
        await window.api.createNote({ title: 'Meeting notes', body: 'x', tags: ['work'] });
      });
      await page.getByTestId('nav-tasks').click();
      await page.getByTestId('task-quick-add-input').fill('Fix the fence');
      await page.getByTestId('task-quick-add-input').press('Enter');
      const fence = page.getByTestId('task-row').filter({ hasText: 'Fix the fence' });
      await fence.getByTestId('task-open').click();

      // Typing suggests the profile's tags, most used first; Enter takes the highlighted one.
      const tagField = page.getByTestId('task-edit-tags');
      await tagField.fill('wo');
      await expect(page.getByTestId('tag-suggestion')).toHaveText([/#work/]);
      await shot(page, 'tags-suggestions');
      await tagField.press('ArrowDown');
      await tagField.press('Enter');
      await tagField.fill('garden');
      await tagField.press('Enter');
      await expect(page.getByTestId('tag-chip')).toHaveText(['#work', '#garden']);
      await tagField.press('Backspace');
      await expect(page.getByTestId('tag-chip')).toHaveText(['#work']);
      await tagField.fill('home, outside');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(fence.getByText('#outside')).toBeVisible();
      await expect(fence).toContainText('#work');
      await expect(fence).toContainText('#home');

      // Filter by tag.
      await page.getByTestId('tasks-tag-filter').selectOption('work');
      await expect(page.getByTestId('task-title')).toHaveText(['Quarterly report', 'Fix the fence']);
      await shot(page, 'tags-filter-tasks');

      // Rename q3 to Q3; merge home into work.
      await page.getByTestId('manage-tags').click();
      const manager = page.getByTestId('tag-manager');
      await expect(manager.locator('[data-tag="work"]')).toContainText('2 tasks');
      await expect(manager.locator('[data-tag="work"]')).toContainText('1 note');
      await manager.locator('[data-tag="home"]').getByTestId('tag-rename').click();
      await manager.getByTestId('tag-rename-input').fill('work');
      await expect(manager.getByTestId('tag-merge-hint')).toContainText('#work exists');
      await shot(page, 'tags-manager-merge');
      await manager.getByTestId('tag-rename-submit').click();
      await expect(manager.getByTestId('tag-manager-done')).toContainText('Merged #home into #work on 2 items');
      await expect(manager.locator('[data-tag="home"]')).toHaveCount(0);
      await expect(manager.locator('[data-tag="work"]')).toContainText('3 tasks');
      await manager.getByRole('button', { name: 'Close' }).click();
      await expect(page.getByTestId('task-title')).toHaveText(['Quarterly report', 'Buy paint', 'Fix the fence']);

      // Notes: the same tags, their own filter.
      await page.getByTestId('nav-notes').click();
      await page.getByTestId('note-new').click();
      await page.getByTestId('note-title').fill('Shopping');
      await page.getByTestId('note-tags').fill('errands');
      await page.getByTestId('note-tags').press('Enter');
      await expect(page.getByTestId('note-editor').getByTestId('tag-chip')).toHaveText(['#errands']);
      await page.getByTestId('notes-tag-filter').selectOption('work');
      await expect(page.getByTestId('notes-view')).toContainText('Meeting notes');
      await expect(page.getByTestId('notes-view').getByText('Shopping')).toHaveCount(0);
      await shot(page, 'tags-notes');
    });

    test('home: getting started only when empty, then Today; counts follow other windows', async () => {
      const page = await harness.openWindow();
      await createProfile(page, 'Erin');
      await expect(page.getByTestId('home-getting-started')).toBeVisible();
      await expect(page.getByTestId('home-today')).toHaveCount(0);
      await expect(page.getByTestId('profile-overview')).not.toContainText('schema');
      await expect(page.locator('body')).not.toContainText('SQLite schema');
      await shot(page, 'home-empty');

      // Something due yesterday, today, later; an event today; a pinned note.
      await page.evaluate(async () => {
        const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
        await window.api.createTask({ title: 'Renew the passport', due: day(-2) });
        await window.api.createTask({ title: 'Water the plants', due: day(0) });
        await window.api.createTask({ title: 'Plan the trip', due: day(5) });
        await window.api.createNote({ title: 'Door codes', body: 'Front 1234', pinned: true });
        await window.api.createNote({ title: 'Unpinned idea', body: 'x' });
        await window.api.createEvent({ title: 'Standup', start: `${day(0)}T12:00:00Z`, end: `${day(0)}T12:30:00Z`, timeZone: 'UTC' });
      });
      // A second window of the same profile adds a task: the first one's count follows.
      const other = await harness.openWindow();
      await steps.unlock(other, 'Erin');
      await page.getByTestId('nav-tasks').click();
      await page.getByTestId('nav-home').click();
      await expect(page.getByTestId('overview-tasks')).toContainText('3');
      await other.evaluate(() => window.api.createTask({ title: 'From the other window' }));
      await expect(page.getByTestId('overview-tasks')).toContainText('4');

      await expect(page.getByTestId('home-getting-started')).toHaveCount(0);
      const today = page.getByTestId('home-today');
      await expect(today.getByTestId('today-tasks')).toContainText('Renew the passport');
      await expect(today.getByTestId('today-tasks')).toContainText('Water the plants');
      await expect(today.getByTestId('today-tasks')).not.toContainText('Plan the trip');
      await expect(today.getByTestId('today-events')).toContainText('Standup');
      await expect(today.getByTestId('today-notes')).toContainText('Door codes');
      await expect(today.getByTestId('today-notes')).not.toContainText('Unpinned idea');
      await shot(page, 'home-today');

      // An item opens where it lives.
      await today.getByTestId('today-note').click();
      await expect(page.getByTestId('note-editor')).toBeVisible();
    });

    test('picker: the lock notice stays on the list, password reveal and Caps Lock, tile menu', async () => {
      const page = await harness.openWindow();
      await createProfile(page, 'Bob', 'bob password 1');
      await page.getByTestId('lock-button').click();
      await expect(page.getByTestId('locked-notice')).toContainText('Bob is locked');
      await shot(page, 'picker-locked-notice');

      // Going to another screen of the picker leaves the notice behind for good.
      await page.getByTestId('add-profile-button').click();
      await expect(page.getByTestId('create-profile-form')).toBeVisible();
      await expect(page.getByTestId('locked-notice')).toHaveCount(0);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByTestId('locked-notice')).toHaveCount(0);

      // Password: shown on request, and a warning while Caps Lock is on.
      await page.getByRole('button', { name: 'Bob', exact: true }).click();
      const field = page.getByLabel('Password for Bob');
      await field.fill('secret');
      await expect(field).toHaveAttribute('type', 'password');
      await page.getByTestId('unlock-password-reveal').click();
      await expect(field).toHaveAttribute('type', 'text');
      await expect(page.getByTestId('unlock-password-reveal')).toHaveAttribute('aria-pressed', 'true');
      await field.dispatchEvent('keydown', { key: 'A', modifierCapsLock: true });
      await expect(page.getByTestId('unlock-password-caps')).toContainText('Caps Lock is on');
      await shot(page, 'picker-unlock-reveal-caps');
      await field.dispatchEvent('keyup', { key: 'a', modifierCapsLock: false });
      await expect(page.getByTestId('unlock-password-caps')).toHaveCount(0);
      await page.getByTestId('unlock-password-reveal').click();
      await expect(field).toHaveAttribute('type', 'password');

      // The tile menu: "Open in new window" opens a window on Bob's password.
      await field.press('Escape');
      const card = page.getByTestId('profile-card').filter({ hasText: 'Bob' });
      await card.getByTestId('profile-menu-button').click();
      await expect(card.getByTestId('profile-menu')).toBeVisible();
      await shot(page, 'picker-tile-menu');
      await card.getByTestId('profile-menu-window').click();
      await expect.poll(() => harness.openedWindows.length).toBe(1);
      const second = harness.openedWindows[0]!;
      await expect(second.getByLabel('Password for Bob')).toBeVisible();
      await expect(second.getByLabel('Password for Bob')).toBeFocused();
      await shot(second, 'picker-new-window');
      await second.close();

      // "Settings…" unlocks straight into Settings.
      await card.getByTestId('profile-menu-button').click();
      await card.getByTestId('profile-menu-settings').click();
      await page.getByLabel('Password for Bob').fill('bob password 1');
      await page.getByTestId('unlock-submit').click();
      await expect(page.getByTestId('profile-settings')).toBeVisible();
      await page.getByTestId('lock-button').click();

      // "Remove…" asks for the password; a wrong one is refused, the right one removes Bob.
      await card.getByTestId('profile-menu-button').click();
      await card.getByTestId('profile-menu-remove').click();
      await card.getByTestId('remove-profile-confirm').fill('wrong password');
      await card.getByTestId('remove-profile-submit').click();
      await expect(card.getByTestId('error-message')).toBeVisible();
      await shot(page, 'picker-tile-remove');
      await card.getByTestId('remove-profile-confirm').fill('bob password 1');
      await card.getByTestId('remove-profile-submit').click();
      await expect(page.getByTestId('profile-card')).toHaveCount(0);
    });

    test('restore: the archive’s name, date, counts and size come before name and password', async () => {
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-daily-archive-'));
      try {
        const page = await harness.openWindow();
        await createProfile(page, 'Alice');
        await page.evaluate(async () => {
          await window.api.createTask({ title: 'One' });
          await window.api.createTask({ title: 'Two' });
          await window.api.createNote({ title: 'A note', body: 'x' });
        });
        const archive = path.join(outside, 'alice.enclave');
        harness.dialogs.answers.push(archive);
        await page.getByTestId('profile-settings-button').click();
        await page.getByTestId('export-profile').click();
        await expect(page.getByTestId('export-done')).toContainText('alice.enclave');
        await page.getByTestId('lock-button').click();

        harness.dialogs.answers.push(archive);
        await page.getByTestId('restore-archive').click();
        const summary = page.getByTestId('archive-summary');
        await expect(summary.getByTestId('archive-summary-name')).toHaveText('Alice');
        await expect(summary.getByTestId('archive-summary-counts')).toContainText('2 tasks');
        await expect(summary.getByTestId('archive-summary-counts')).toContainText('1 note');
        await expect(summary).toContainText(/KB|MB|bytes/);
        // The name is free to take: the archive's, marked as restored.
        const form = page.getByTestId('create-profile-form');
        await expect(form.getByLabel('Name')).toHaveValue('Alice (restored)');
        await shot(page, 'picker-restore-summary');
        await form.getByTestId('create-profile-submit').click();
        await expect(steps.shellName(page)).toHaveText('Alice (restored)');
        await expect(page.getByTestId('overview-tasks')).toContainText('2');
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
    });

    test('settings: a page with sections, nothing clipped at 1280×800 or 200 % zoom; theme and clock', async () => {
      const page = await harness.openWindow();
      await createProfile(page, 'Carol', 'carol password');
      await page.getByTestId('profile-settings-button').click();
      const settings = page.getByTestId('profile-settings');
      for (const name of ['General', 'Security', 'Storage & backups', 'Activity', 'Danger zone']) {
        await expect(settings.getByRole('heading', { name, exact: true, level: 2 })).toBeVisible();
      }

      // 1280×800, then what 200 % zoom of it lays out (640×400 CSS pixels).
      for (const size of [
        { width: 1280, height: 800, name: 'settings-page-1280' },
        { width: 640, height: 400, name: 'settings-page-zoom-200' },
      ]) {
        await page.setViewportSize(size);
        const overflow = await page.evaluate(() => {
          const main = document.querySelector('main')!;
          const clipped = Array.from(document.querySelectorAll('[data-testid="profile-settings"] *')).filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.right > main.getBoundingClientRect().right + 1;
          });
          return { scrolls: main.scrollWidth > main.clientWidth + 1, clipped: clipped.map((el) => el.outerHTML.slice(0, 80)) };
        });
        expect(overflow).toEqual({ scrolls: false, clipped: [] });
        // A late layout change (fonts, the storage figures arriving) can move the button
        // again after one scroll: scroll until it stays in view.
        const deleteButton = settings.getByTestId('delete-profile-open');
        await expect(async () => {
          await deleteButton.scrollIntoViewIfNeeded();
          await expect(deleteButton).toBeInViewport({ timeout: 1_000 });
        }).toPass({ timeout: 30_000 });
        await screenshot(page, `${size.name}-${variant.id}`);
      }
      await page.setViewportSize({ width: 1200, height: 800 });

      // The in-app theme overrides the system's.
      const other = variant.colorScheme === 'dark' ? 'light' : 'dark';
      await settings.getByTestId(`theme-${other}`).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', other);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(other === 'dark' ? 'rgb(17, 17, 19)' : 'rgb(246, 246, 247)');
      await shot(page, `settings-theme-${other}`);
      await settings.getByTestId('theme-system').click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', variant.colorScheme);

      // The clock follows the locale until chosen otherwise.
      await expect(settings.getByTestId('clock-sample')).toContainText(de ? '17:30' : '5:30');
      await settings.getByTestId('hour-cycle').selectOption(de ? 'h12' : 'h23');
      await expect(settings.getByTestId('clock-sample')).toContainText(de ? '5:30' : '17:30');
      await settings.getByTestId('hour-cycle').selectOption('auto');
      await expect(settings.getByTestId('week-start')).toContainText(de ? 'Montag' : 'Sunday');
    });
  });
}
