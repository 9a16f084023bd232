// Journey: tasks (add, complete, edit, filter, reorder, search, Trash), a Markdown
// note with autosave and a conflict, an event created in the month grid — and push
// events reaching the other window of the same profile but never another profile's.
import { expect, test, type Page } from '@playwright/test';
import * as steps from '../profile-steps.js';
import { harnessForEachTest, screenshot } from '../harness/harness.js';

const harness = harnessForEachTest('tne');

async function createProfile(page: Page, name: string) {
  await steps.createProfile(page, name);
  await expect(steps.shellName(page)).toHaveText(name);
}

async function unlock(page: Page, name: string) {
  await steps.unlock(page, name);
  await expect(steps.shellName(page)).toHaveText(name);
}

async function addTask(page: Page, title: string) {
  const input = page.getByTestId('task-quick-add-input');
  await input.fill(title);
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(row(page, title)).toBeVisible();
}

const row = (page: Page, title: string) => page.getByTestId('task-row').filter({ hasText: title });
const titles = (page: Page) => page.getByTestId('task-title').allTextContents();

/** Counts push events of one kind that reach a page. */
async function countPushes(page: Page, event: 'onTasksChanged' | 'onNotesChanged' | 'onEventsChanged') {
  await page.evaluate((name) => {
    const w = window as unknown as { pushes?: number };
    w.pushes = 0;
    window.api[name](() => {
      w.pushes = (w.pushes ?? 0) + 1;
    });
  }, event);
}
const pushes = (page: Page) => page.evaluate(() => (window as unknown as { pushes?: number }).pushes ?? 0);

test('tasks: add, complete, edit, filter, reorder, search, Trash', async () => {
  const page = await harness().openWindow();
  await createProfile(page, 'Dana');
  await page.getByTestId('nav-tasks').click();
  await expect(page.getByTestId('tasks-empty')).toContainText('No tasks yet');
  await screenshot(page, 'tasks-empty');

  await addTask(page, 'Buy oat milk');
  await addTask(page, 'Write quarterly report');
  await addTask(page, 'Call the plumber');
  expect(await titles(page)).toEqual(['Buy oat milk', 'Write quarterly report', 'Call the plumber']);
  await expect(page.getByTestId('task-filter-all')).toContainText('3');

  // Complete one with its toggle.
  await row(page, 'Buy oat milk').getByTestId('task-toggle').click();
  await expect(row(page, 'Buy oat milk')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('task-filter-done')).toContainText('1');
  await expect(page.getByTestId('task-filter-todo')).toContainText('2');

  // Edit every field inline.
  const today = await steps.pageToday(page);
  await row(page, 'Write quarterly report').getByTestId('task-open').click();
  const editor = page.getByTestId('task-editor');
  await expect(editor).toBeVisible();
  await editor.getByTestId('task-edit-priority').selectOption('high');
  await editor.getByTestId('task-edit-status').selectOption('doing');
  await steps.fillIn(editor, {
    'task-edit-title': 'Write the quarterly report',
    'task-edit-details': 'Numbers from finance, then the summary for the board.',
    'task-edit-due': today,
    'task-edit-tags': 'work, q3',
  });
  await screenshot(page, 'tasks-editing');
  await editor.getByTestId('task-save').click();
  await expect(editor).toBeHidden();
  const report = row(page, 'Write the quarterly report');
  await expect(report).toContainText('High');
  await expect(report).toContainText('#work');
  await expect(report).toContainText('In progress');
  await expect(report.getByTestId('task-due')).toHaveText('Today');

  // Filters: due today, then status.
  await page.getByTestId('task-due-today').click();
  await expect(page.getByTestId('task-row')).toHaveCount(1);
  await expect(page.getByTestId('task-row')).toContainText('Write the quarterly report');
  await page.getByTestId('task-due-any').click();
  await page.getByTestId('task-filter-done').click();
  await expect(page.getByTestId('task-row')).toHaveCount(1);
  await expect(page.getByTestId('task-row')).toContainText('Buy oat milk');
  await page.getByTestId('task-filter-all').click();
  await expect(page.getByTestId('task-row')).toHaveCount(3);

  // Manual order by keyboard (Alt+↑) and by drag; it is the backend's order, so it survives a reload.
  await row(page, 'Call the plumber').getByTestId('task-open').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => titles(page)).toEqual(['Buy oat milk', 'Call the plumber', 'Write the quarterly report']);
  await row(page, 'Write the quarterly report').dragTo(row(page, 'Buy oat milk'), { targetPosition: { x: 200, y: 4 } });
  await expect.poll(() => titles(page)).toEqual(['Write the quarterly report', 'Buy oat milk', 'Call the plumber']);
  await page.reload();
  await page.getByTestId('nav-tasks').click();
  await expect.poll(() => titles(page)).toEqual(['Write the quarterly report', 'Buy oat milk', 'Call the plumber']);

  // Sort by priority puts the high one first whatever the manual order.
  await page.getByTestId('task-sort').selectOption('priority');
  await expect(page.getByTestId('task-title').first()).toHaveText('Write the quarterly report');
  await page.getByTestId('task-sort').selectOption('manual');
  await screenshot(page, 'tasks-list');

  // Global search: Ctrl+K, highlighted snippet, Enter opens the task.
  await page.keyboard.press('Control+k');
  const palette = page.getByTestId('search-palette');
  await expect(palette).toBeVisible();
  await page.getByTestId('search-input').fill('financ');
  const hit = palette.getByTestId('search-hit').first();
  await expect(hit).toContainText('Write the quarterly report');
  await expect(hit.locator('mark').first()).toHaveText(/^financ/i);
  await screenshot(page, 'search-palette');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByTestId('task-editor').getByTestId('task-edit-title')).toHaveValue('Write the quarterly report');

  // Trash from the editor, undo, then Trash again and restore from the Trash view.
  await page.getByTestId('task-delete').click();
  await expect(page.getByTestId('task-undo')).toBeVisible();
  await expect(page.getByTestId('task-row')).toHaveCount(2);
  await page.getByTestId('task-undo').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('task-row')).toHaveCount(3);
  await row(page, 'Call the plumber').getByTestId('task-open').click();
  await page.getByTestId('task-delete').click();
  await expect(page.getByTestId('task-row')).toHaveCount(2);
  await page.getByTestId('nav-trash').click();
  await expect(page.getByTestId('trash-item')).toHaveCount(1);
  await expect(page.getByTestId('trash-item')).toContainText('Call the plumber');
  await screenshot(page, 'trash');
  await page.getByTestId('trash-restore').click();
  await expect(page.getByTestId('trash-empty-state')).toBeVisible();
  await page.getByTestId('nav-tasks').click();
  await expect(page.getByTestId('task-row')).toHaveCount(3);

  // Home counts come from the same databases.
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('overview-tasks')).toContainText('3');
  await screenshot(page, 'home-with-tasks');
});

test('notes: Markdown preview, autosave, conflict with another window', async () => {
  const a = await harness().openWindow();
  await createProfile(a, 'Dana');
  await a.getByTestId('nav-notes').click();
  await expect(a.getByTestId('notes-empty')).toBeVisible();

  await a.getByTestId('note-new').click();
  await expect(a.getByTestId('note-title')).toBeFocused();
  await a.getByTestId('note-title').fill('Trip packing list');
  await a
    .getByTestId('note-body')
    .fill('# Packing\n\nDo not forget the **passport** and *both* chargers.\n\n- [x] Tickets\n- [ ] Sunscreen\n- `itinerary.pdf`\n\n> Leave by 7.\n\nMap: [old town](https://example.com/map)');
  await expect(a.getByTestId('note-save-state')).toHaveAttribute('data-state', 'saved');
  const preview = a.getByTestId('markdown-preview');
  await expect(preview.locator('h1')).toHaveText('Packing');
  await expect(preview.locator('strong')).toHaveText('passport');
  await expect(preview.locator('em')).toHaveText('both');
  await expect(preview.locator('code')).toHaveText('itinerary.pdf');
  await expect(preview.locator('a')).toHaveCount(0); // links are text, the sandbox opens nothing
  await expect(a.getByTestId('note-item').first()).toContainText('Trip packing list');

  // Pin a second note: pinned notes come first.
  await a.getByTestId('note-new').click();
  await a.getByTestId('note-title').fill('Door code');
  await a.getByTestId('note-body').fill('4711, then the green button.');
  await a.getByTestId('note-pin').click();
  await expect(a.getByTestId('note-save-state')).toHaveAttribute('data-state', 'saved');
  await expect(a.getByTestId('note-item').first()).toContainText('Door code');
  await expect(a.getByTestId('note-item').first()).toHaveAttribute('data-pinned', 'true');
  await a.getByTestId('note-item').filter({ hasText: 'Trip packing list' }).click();
  await expect(a.getByTestId('note-title')).toHaveValue('Trip packing list');
  await screenshot(a, 'notes-editor');

  // List search with highlights.
  await a.getByTestId('note-search').fill('sunscr');
  await expect(a.getByTestId('note-item')).toHaveCount(1);
  await expect(a.getByTestId('note-item').locator('mark').first()).toHaveText(/sunscr/i);
  await a.getByTestId('note-search').fill('');

  // A second window of the same profile sees the text saved here (push event)…
  const b = await harness().openWindow();
  await unlock(b, 'Dana');
  await b.getByTestId('nav-notes').click();
  await b.getByTestId('note-item').filter({ hasText: 'Trip packing list' }).click();
  await expect(b.getByTestId('note-title')).toHaveValue('Trip packing list');
  await a.getByTestId('note-title').fill('Trip packing list (Lisbon)');
  await expect(a.getByTestId('note-save-state')).toHaveAttribute('data-state', 'saved');
  await expect(b.getByTestId('note-title')).toHaveValue('Trip packing list (Lisbon)');

  // …and when both change it, the stale save is a conflict with a choice.
  await a.getByTestId('note-body').press('End');
  await a.getByTestId('note-body').pressSequentially(' Typed in A.');
  await b.evaluate(async () => {
    const list = await window.api.listNotes({});
    if (!list.ok) throw new Error(list.error.message);
    const note = list.value.items.find((n) => n.title.includes('Lisbon'))!;
    const saved = await window.api.updateNote({ id: note.id, version: note.version, body: 'Rewritten in window B.' });
    if (!saved.ok) throw new Error(saved.error.message);
  });
  await expect(a.getByTestId('note-conflict')).toBeVisible();
  await expect(a.getByTestId('note-save-state')).toHaveAttribute('data-state', 'conflict');
  await screenshot(a, 'notes-conflict');
  await a.getByTestId('note-conflict-reload').click();
  await expect(a.getByTestId('note-conflict')).toBeHidden();
  await expect(a.getByTestId('note-body')).toHaveValue('Rewritten in window B.');
  await expect(a.getByTestId('note-save-state')).toHaveAttribute('data-state', 'saved');
});

test('events: create in the month grid, validate, agenda', async () => {
  const page = await harness().openWindow();
  await createProfile(page, 'Dana');
  await page.getByTestId('nav-events').click();
  await expect(page.getByTestId('month-grid')).toBeVisible();
  const today = await steps.pageToday(page);

  await page.locator(`[data-testid="month-day"][data-date="${today}"]`).click({ position: { x: 60, y: 80 } });
  const dialog = page.getByTestId('event-dialog');
  await expect(dialog).toBeVisible();
  await steps.fillIn(dialog, { 'event-title': 'Dentist', 'event-start-time': '16:00', 'event-end-time': '15:00', 'event-location': 'Main Street 4' });
  await dialog.getByTestId('event-save').click();
  await expect(dialog.getByTestId('error-message')).toContainText('cannot end before it starts');
  // The keyboard is taken to the end that needs fixing.
  await expect(dialog.getByTestId('event-end-date')).toBeFocused();
  await screenshot(page, 'events-dialog-error');

  // The core enforces the same rule and names the field.
  const rejected = await page.evaluate(() =>
    window.api.createEvent({ title: 'Backwards', start: '2030-01-02T10:00:00Z', end: '2030-01-02T09:00:00Z', timeZone: 'UTC' }),
  );
  expect(rejected).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'end' } });

  await dialog.getByTestId('event-end-time').fill('17:00');
  await dialog.getByTestId('event-save').click();
  await expect(dialog).toBeHidden();
  const cell = page.locator(`[data-testid="month-day"][data-date="${today}"]`);
  await expect(cell.getByTestId('month-event')).toContainText('Dentist');

  // An all-day event over three days, from the New event button.
  await page.getByTestId('event-new').click();
  await dialog.getByTestId('event-title').fill('Team offsite');
  await dialog.getByTestId('event-all-day').check();
  const end = await steps.pageToday(page, 2);
  await dialog.getByTestId('event-end-date').fill(end);
  await dialog.getByTestId('event-save').click();
  await expect(dialog).toBeHidden();
  // One bar across its days (split only where a week row ends), never a chip per day.
  const offsite = page.getByTestId('month-bar').filter({ hasText: 'Team offsite' });
  await expect(offsite.first()).toHaveAttribute('data-from', today);
  await expect(offsite.last()).toHaveAttribute('data-to', end);
  await expect(page.getByTestId('month-event').filter({ hasText: 'Team offsite' })).toHaveCount(0);
  await screenshot(page, 'events-month');

  // Edit: the dialog opens with the event's local time.
  await cell.getByTestId('month-event').filter({ hasText: 'Dentist' }).click();
  await expect(dialog.getByTestId('event-start-time')).toHaveValue('16:00');
  await dialog.getByTestId('event-title').fill('Dentist (check-up)');
  await dialog.getByTestId('event-save').click();
  await expect(cell.getByTestId('month-event').filter({ hasText: 'Dentist (check-up)' })).toBeVisible();

  await page.getByTestId('events-layout-agenda').click();
  await expect(page.getByTestId('agenda-event')).toHaveCount(2);
  await expect(page.getByTestId('agenda-event').filter({ hasText: 'Dentist (check-up)' })).toContainText('Main Street 4');
  await screenshot(page, 'events-agenda');
});

test('changes reach the other window of the same profile, never another profile', async () => {
  const a = await harness().openWindow();
  await createProfile(a, 'Dana');
  const b = await harness().openWindow();
  await unlock(b, 'Dana');
  const c = await harness().openWindow();
  await createProfile(c, 'Eve');

  for (const page of [a, b, c]) await page.getByTestId('nav-tasks').click();
  await countPushes(b, 'onTasksChanged');
  await countPushes(c, 'onTasksChanged');

  await addTask(a, 'Pushed from window A');
  await expect(row(b, 'Pushed from window A')).toBeVisible();
  await screenshot(b, 'push-second-window');

  await row(b, 'Pushed from window A').getByTestId('task-toggle').click();
  await expect(row(a, 'Pushed from window A')).toHaveAttribute('data-status', 'done');

  expect(await pushes(b)).toBeGreaterThan(0);
  expect(await pushes(c)).toBe(0);
  await expect(c.getByTestId('tasks-empty')).toBeVisible();
  await screenshot(c, 'push-other-profile');

  // Events too: B's open month grid shows what A creates.
  for (const page of [a, b]) await page.getByTestId('nav-events').click();
  await a.getByTestId('event-new').click();
  await a.getByTestId('event-dialog').getByTestId('event-title').fill('Shared calendar entry');
  await a.getByTestId('event-dialog').getByTestId('event-save').click();
  await expect(b.getByTestId('month-event').filter({ hasText: 'Shared calendar entry' })).toBeVisible();
});

// All-day events are dates: one entered in a zone a day ahead of the viewer's (or behind it)
// still sits on its own date, at the grid's edge days and in the agenda.
for (const [viewer, other] of [
  ['Pacific/Honolulu', 'Pacific/Kiritimati'],
  ['Pacific/Kiritimati', 'Pacific/Honolulu'],
] as const) {
  test.describe(`viewed in ${viewer}`, () => {
    test.use({ timezoneId: viewer });

    test(`all-day events entered in ${other} keep their dates`, async () => {
      const page = await harness().openWindow();
      await createProfile(page, 'Zed');
      await page.getByTestId('nav-events').click();
      const days = page.getByTestId('month-day');
      await expect(days).toHaveCount(42);
      const first = (await days.first().getAttribute('data-date'))!;
      const last = (await days.last().getAttribute('data-date'))!;
      const today = await steps.pageToday(page);
      const created = await page.evaluate(
        ([zone, dates]) =>
          Promise.all(
            dates.map(([title, date]) => window.api.createEvent({ title, start: date, end: date, timeZone: zone, allDay: true })),
          ),
        [other, [['Grid start', first], ['Grid end', last], ['Today far away', today]]] as const,
      );
      expect(created.map((r) => r.ok)).toEqual([true, true, true]);
      // Each is one bar on its own date only.
      for (const [title, date] of [['Grid start', first], ['Grid end', last], ['Today far away', today]]) {
        const bar = page.getByTestId('month-bar').filter({ hasText: title });
        await expect(bar).toHaveCount(1);
        await expect(bar).toHaveAttribute('data-from', date!);
        await expect(bar).toHaveAttribute('data-to', date!);
      }
      await screenshot(page, `events-month-all-day-${viewer.split('/')[1]}`);

      await page.getByTestId('events-layout-agenda').click();
      const agendaToday = page.getByTestId('agenda').locator('section').first();
      await expect(agendaToday.getByTestId('agenda-event').filter({ hasText: 'Today far away' })).toContainText('All day');
      await expect(agendaToday.locator('h3')).toContainText('Today');
      await screenshot(page, `events-agenda-all-day-${viewer.split('/')[1]}`);
    });
  });
}
