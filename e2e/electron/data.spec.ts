// Journey in the real Electron app: two profiles in two windows; a task, a note and an
// event in one, a task in the other; a CSV
// imported through the native open dialog (stubbed through electronApp.evaluate), a
// query, lock and unlock, then a restart: everything is still there and still apart.
// Needs the Electron binary; where it is missing the spec reports itself skipped.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addTask, createProfile, shellName, unlock } from '../profile-steps.js';
import { electronSpec, screenshot, type LaunchedApp } from './electron-app.js';

const spec = electronSpec();

/** File › New Window, as the menu does it. */
async function newWindow(app: LaunchedApp['app']): Promise<Page> {
  const [page] = await Promise.all([
    app.waitForEvent('window'),
    app.evaluate(({ Menu }) => {
      const file = Menu.getApplicationMenu()?.items.find((i) => i.label === 'File');
      file?.submenu?.items.find((i) => i.label === 'New Window')?.click();
    }),
  ]);
  return page;
}

test('two profiles in two windows: tasks, import, query, lock, restart — each keeps its own', async () => {
  let launched = await spec.launch();
  const first = await launched.app.firstWindow();
  await createProfile(first, 'Alice', 'correct horse battery');
  await expect(shellName(first)).toHaveText('Alice');
  await addTask(first, 'Alice’s task');

  // A note with autosave, and an event created from the month grid.
  await first.getByTestId('nav-notes').click();
  await first.getByTestId('note-new').click();
  await first.getByTestId('note-title').fill('Alice’s note');
  await first.getByTestId('note-body').fill('# Plans\n\nOnly **Alice** sees this.');
  await expect(first.getByTestId('note-save-state')).toHaveAttribute('data-state', 'saved');
  await first.getByTestId('nav-events').click();
  const today = await first.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await first.locator(`[data-testid="month-day"][data-date="${today}"]`).click({ position: { x: 60, y: 80 } });
  const dialog = first.getByTestId('event-dialog');
  await dialog.getByTestId('event-title').fill('Alice’s dentist');
  await dialog.getByTestId('event-start-time').fill('16:00');
  await dialog.getByTestId('event-end-time').fill('17:00');
  await dialog.getByTestId('event-save').click();
  await expect(dialog).toBeHidden();
  await screenshot(first, 'events-month');

  const second = await newWindow(launched.app);
  await createProfile(second, 'Bob');
  await expect(shellName(second)).toHaveText('Bob');
  await addTask(second, 'Bob’s task');
  await expect(second.getByText('Alice’s task')).toHaveCount(0);
  const search = await second.evaluate(() => window.api.search({ query: 'Alice' }));
  expect(search.ok && search.value.length).toBe(0);

  // Import through the native open dialog, stubbed in the main process.
  const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-e2e-csv-')), 'tickets.csv');
  fs.writeFileSync(csv, 'id,title\n1,first\n2,second\n3,third\n');
  await launched.app.evaluate(({ dialog }, file) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [file] })) as typeof dialog.showOpenDialog;
  }, csv);
  await first.getByTestId('nav-analysis').click();
  await first.getByTestId('open-import').click();
  await first.getByTestId('import-browse').click();
  await expect(first.getByTestId('import-preview')).toBeVisible();
  await screenshot(first, 'import-preview');
  await first.getByTestId('import-submit').click();
  await expect(first.getByTestId('table-tickets')).toBeVisible();

  const query = await first.evaluate(() => window.api.runQuery({ sql: 'SELECT count(*) AS n FROM tickets' }));
  expect(query.ok).toBe(true);
  const fromBob = await second.evaluate(() => window.api.runQuery({ sql: 'SELECT count(*) AS n FROM tickets' }));
  expect(fromBob).toMatchObject({ ok: false, error: { code: 'SQL_ERROR' } });
  await screenshot(second, 'bob-cannot-see-tickets');

  // Lock Alice's window; Bob's keeps working.
  await first.getByTestId('lock-button').click();
  await expect(first.getByTestId('profile-picker')).toBeVisible();
  await expect(second.getByText('Bob’s task')).toBeVisible();

  // Restart on the same data: both profiles, each with only its own things.
  await launched.close({ keepData: true });
  launched = await spec.launch(launched);
  const again = await launched.app.firstWindow();
  await unlock(again, 'Alice', 'correct horse battery');
  await expect(shellName(again)).toHaveText('Alice');
  await again.getByTestId('nav-tasks').click();
  await expect(again.getByText('Alice’s task')).toBeVisible();
  await expect(again.getByText('Bob’s task')).toHaveCount(0);
  await again.getByTestId('nav-notes').click();
  await expect(again.getByTestId('note-item').filter({ hasText: 'Alice’s note' })).toBeVisible();
  await again.getByTestId('nav-analysis').click();
  await expect(again.getByTestId('table-tickets')).toBeVisible();
  await screenshot(again, 'after-restart-alice');
});
