// Journey: the week and day views (drag to create, drag and Alt+arrows to move, keyboard
// create), multi-day events as one bar in the week and month views, and a repeating event
// from the repeat editor, edited for one occurrence and deleted from one onwards.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { importIcsExport } from '../calendar-steps.js';
import * as steps from '../profile-steps.js';
import { harnessForEachTest, screenshot } from '../harness/harness.js';

// English (US): weeks start on Sunday, times on a 12-hour clock. The dark theme in German is
// calendar-locale.spec.ts.
test.use({ locale: 'en-US', colorScheme: 'light' });
// Long journeys on a loaded 2-core machine; every step still waits on the UI, not on time.
test.describe.configure({ timeout: 120_000 });

const harness = harnessForEachTest('cal');

const HOUR_PX = 48;

async function openWeek(page: Page, name: string): Promise<string[]> {
  await steps.createProfile(page, name);
  await expect(steps.shellName(page)).toHaveText(name);
  await page.getByTestId('nav-events').click();
  await page.getByTestId('events-layout-week').click();
  const columns = page.getByTestId('day-column');
  await expect(columns).toHaveCount(7);
  return Promise.all(Array.from({ length: 7 }, (_, i) => columns.nth(i).getAttribute('data-date').then((d) => d!)));
}

/** A local wall time as an instant, in the page's zone. */
const instant = (page: Page, date: string, time: string) =>
  page.evaluate(([d, t]) => new Date(`${d}T${t}:00`).toISOString(), [date, time] as const);

const column = (page: Page, date: string) => page.locator(`[data-testid="day-column"][data-date="${date}"]`);

/** Viewport point of a time in a day column (the grid is scrolled, boundingBox accounts for it). */
async function pointAt(page: Page, date: string, minutes: number) {
  const box = (await column(page, date).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + (minutes * HOUR_PX) / 60 };
}

test('week view: drag to create, drag and keys to move, multi-day bars in week and month', async () => {
  const page = await harness().openWindow();
  const days = await openWeek(page, 'Wren');
  const created = await page.evaluate(
    async (events) => Promise.all(events.map((e) => window.api.createEvent(e))),
    [
      { title: 'Conference', start: days[1]!, end: days[3]!, allDay: true, timeZone: 'UTC' },
      { title: 'Night train', start: await instant(page, days[4]!, '22:00'), end: await instant(page, days[5]!, '02:00'), timeZone: 'UTC' },
      { title: 'Lunch', start: await instant(page, days[2]!, '12:00'), end: await instant(page, days[2]!, '13:00'), timeZone: 'UTC' },
    ],
  );
  expect(created.map((r) => r.ok)).toEqual([true, true, true]);

  // Multi-day events: one bar each in the all-day row, from their first day to their last.
  const conference = page.getByTestId('event-bar').filter({ hasText: 'Conference' });
  await expect(conference).toHaveCount(1);
  await expect(conference).toHaveAttribute('data-from', days[1]!);
  await expect(conference).toHaveAttribute('data-to', days[3]!);
  const train = page.getByTestId('event-bar').filter({ hasText: 'Night train' });
  await expect(train).toHaveAttribute('data-from', days[4]!);
  await expect(train).toHaveAttribute('data-to', days[5]!);

  // Drag from 09:00 to 10:30 on the first day: the dialog opens with that range.
  const from = await pointAt(page, days[0]!, 9 * 60 + 2);
  const to = await pointAt(page, days[0]!, 10 * 60 + 30);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await expect(page.getByTestId('drag-selection')).toContainText('09:00 – 10:30');
  await page.mouse.up();
  const dialog = page.getByTestId('event-dialog');
  await expect(dialog.getByTestId('event-start-time')).toHaveValue('09:00');
  await expect(dialog.getByTestId('event-end-time')).toHaveValue('10:30');
  await expect(dialog.getByTestId('event-start-date')).toHaveValue(days[0]!);
  await dialog.getByTestId('event-title').fill('Planning');
  await dialog.getByTestId('event-save').click();
  await expect(dialog).toBeHidden();
  await expect(column(page, days[0]!).getByTestId('event-block').filter({ hasText: 'Planning' })).toBeVisible();

  // Drag Lunch one day right and one hour down.
  const lunch = page.getByTestId('event-block').filter({ hasText: 'Lunch' });
  const box = (await lunch.boundingBox())!;
  const dayWidth = (await column(page, days[2]!).boundingBox())!.width;
  await page.mouse.move(box.x + box.width / 2, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dayWidth, box.y + 10 + HOUR_PX, { steps: 8 });
  await page.mouse.up();
  await expect(column(page, days[3]!).getByTestId('event-block').filter({ hasText: 'Lunch' })).toContainText(/1:00|13:00/);
  await expect(dialog).toBeHidden();

  // The keyboard alternative: Alt+ArrowUp twice is 30 minutes earlier, Alt+ArrowLeft a day earlier.
  const moved = column(page, days[3]!).getByTestId('event-block').filter({ hasText: 'Lunch' });
  await moved.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(moved).toContainText('12:45');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(moved).toContainText(/12:30/);
  await column(page, days[3]!).getByTestId('event-block').filter({ hasText: 'Lunch' }).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(column(page, days[2]!).getByTestId('event-block').filter({ hasText: 'Lunch' })).toContainText(/12:30/);
  await screenshot(page, 'events-week');

  // The month view draws the same multi-day events as bars, not a chip per day.
  await page.getByTestId('events-layout-month').click();
  const monthBar = page.getByTestId('month-bar').filter({ hasText: 'Conference' });
  await expect(monthBar.first()).toHaveAttribute('data-from', days[1]!);
  await expect(monthBar.last()).toHaveAttribute('data-to', days[3]!);
  await expect(page.getByTestId('month-event').filter({ hasText: 'Conference' })).toHaveCount(0);
  await screenshot(page, 'events-month-bars');
});

test('day view: one day of hours, keyboard create', async () => {
  const page = await harness().openWindow();
  const days = await openWeek(page, 'Yara');
  await page.getByTestId('events-layout-day').click();
  await expect(page.getByTestId('day-column')).toHaveCount(1);
  const today = (await page.getByTestId('day-column').getAttribute('data-date'))!;
  expect(days).toContain(today);
  await page.evaluate(
    async (events) => Promise.all(events.map((e) => window.api.createEvent(e))),
    [
      { title: 'Early call', start: await instant(page, today, '08:00'), end: await instant(page, today, '08:45'), timeZone: 'UTC' },
      { title: 'Design review', start: await instant(page, today, '08:30'), end: await instant(page, today, '10:00'), timeZone: 'UTC' },
      { title: 'Holiday', start: today, end: today, allDay: true, timeZone: 'UTC' },
    ],
  );
  await expect(page.getByTestId('event-block')).toHaveCount(2);
  // Overlapping events sit side by side.
  const [a, b] = [await page.getByTestId('event-block').nth(0).boundingBox(), await page.getByTestId('event-block').nth(1).boundingBox()];
  expect(Math.abs(a!.x - b!.x)).toBeGreaterThan(50);
  await expect(page.getByTestId('event-bar').filter({ hasText: 'Holiday' })).toBeVisible();

  // Keyboard: the grid's cursor starts at 09:00; two steps down is 10:00, Enter creates there.
  await page.getByTestId('time-grid-body').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('event-dialog');
  await expect(dialog.getByTestId('event-start-time')).toHaveValue('10:00');
  await expect(dialog.getByTestId('event-end-time')).toHaveValue('11:00');
  await dialog.getByTestId('event-title').fill('Focus time');
  await dialog.getByTestId('event-save').click();
  await expect(page.getByTestId('event-block').filter({ hasText: 'Focus time' })).toBeVisible();
  await screenshot(page, 'events-day');
});

test('repeating event: the repeat editor, one occurrence changed, this and following deleted', async () => {
  const page = await harness().openWindow();
  const days = await openWeek(page, 'Zora');
  // The week starts on Sunday in en-US: the standup starts on Monday, the second day.
  expect(await page.evaluate((d) => new Date(`${d}T12:00:00`).getDay(), days[0]!)).toBe(0);
  await page.getByTestId('event-new').click();
  const dialog = page.getByTestId('event-dialog');
  await dialog.getByTestId('event-title').fill('Standup');
  await dialog.getByTestId('event-start-date').fill(days[1]!);
  await dialog.getByTestId('event-start-time').fill('09:00');
  await dialog.getByTestId('event-end-time').fill('09:15');
  await dialog.getByTestId('event-repeat-freq').selectOption('WEEKLY');
  // The start's weekday (Monday) is chosen; add Wednesday and Friday.
  await expect(dialog.getByTestId('event-repeat-day-MO')).toHaveAttribute('aria-pressed', 'true');
  await dialog.getByTestId('event-repeat-day-WE').click();
  await dialog.getByTestId('event-repeat-day-FR').click();
  await dialog.getByTestId('event-repeat-ends-after').check();
  await dialog.getByTestId('event-repeat-count').fill('6');
  await dialog.getByTestId('event-reminder').selectOption('15');
  await screenshot(page, 'events-repeat-editor');
  await dialog.getByTestId('event-save').click();
  await expect(dialog).toBeHidden();

  const standups = page.getByTestId('event-block').filter({ hasText: 'Standup' });
  await expect(standups).toHaveCount(3);
  for (const d of [days[1]!, days[3]!, days[5]!]) await expect(column(page, d).getByTestId('event-block')).toContainText('Standup');

  // Change only Wednesday's.
  await column(page, days[3]!).getByTestId('event-block').click();
  await expect(dialog).toContainText('Edit repeating event');
  await expect(dialog.getByTestId('event-scope-this')).toBeChecked();
  await dialog.getByTestId('event-title').fill('Standup (long)');
  await dialog.getByTestId('event-end-time').fill('10:00');
  await screenshot(page, 'events-repeat-scope');
  await dialog.getByTestId('event-save').click();
  await expect(dialog).toBeHidden();
  await expect(column(page, days[3]!).getByTestId('event-block')).toContainText('Standup (long)');
  await expect(column(page, days[1]!).getByTestId('event-block')).toContainText('Standup');
  await expect(page.getByTestId('event-block').filter({ hasText: 'Standup (long)' })).toHaveCount(1);
  await expect(page.getByTestId('event-block').filter({ hasText: 'Standup' })).toHaveCount(3);

  // Next week has three more; delete from next Wednesday on.
  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(page.getByTestId('event-block').filter({ hasText: 'Standup' })).toHaveCount(3);
  await page.getByTestId('event-block').filter({ hasText: 'Standup' }).nth(1).click();
  await dialog.getByTestId('event-scope-following').check();
  await dialog.getByTestId('event-delete').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('event-block').filter({ hasText: 'Standup' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Previous week' }).click();
  await expect(page.getByTestId('event-block').filter({ hasText: 'Standup' })).toHaveCount(3);
  await screenshot(page, 'events-repeat-week');
});

test('.ics import and export from the Events toolbar (files chosen in the dialog, tokens only)', async () => {
  const page = await harness().openWindow();
  await openWeek(page, 'Ivo');
  const outcome = await importIcsExport(harness(), page);
  await screenshot(page, 'events-ics-import');

  const out = path.join(harness().dataDir, '..', `enclave-e2e-export-${process.pid}-${Date.now()}.ics`);
  harness().dialogs.answers.push(out);
  await page.getByTestId('events-export').click();
  await expect(outcome).toContainText(`Exported 4 events to ${path.basename(out)}`);
  const text = fs.readFileSync(out, 'utf8');
  fs.rmSync(out);
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text).toContain('RECURRENCE-ID;TZID=America/New_York:20300311T090000');
  // Cancelling the dialog does nothing.
  await page.getByTestId('events-import').click();
  await expect(page.getByTestId('events-file-outcome')).toHaveCount(0);
});
