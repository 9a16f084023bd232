// Journey: the calendar's screens (month, week, day, the event dialog with its repeat editor
// and reminder, an .ics import's outcome) in the dark theme and a non-English locale. Dates,
// weekday names, the first day of the week and the 24-hour clock must all follow the locale
// (German: Monday first, "17:30", "Dezember 2026"); a Settings choice of first weekday and
// clock must redraw the open calendar. The light theme in English is calendar-views.spec.ts.
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { importIcsExport } from '../calendar-steps.js';
import * as steps from '../profile-steps.js';
import { harnessForEachTest, screenshot } from '../harness/harness.js';

test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

const harness = harnessForEachTest('cal-locale');

// Tuesday 1 December 2026, 10:00 UTC (the project's zone).
const NOW = new Date('2026-12-01T10:00:00Z');

test.use({ colorScheme: 'dark', locale: 'de-DE' });
const shot = (page: Page, name: string) => screenshot(page, `${name}-dark-de`);

async function openCalendar(page: Page, name: string, seed = true) {
  await page.clock.setFixedTime(NOW);
  await steps.createProfile(page, name);
  await expect(steps.shellName(page)).toHaveText(name);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  if (seed) await page.evaluate(
    async (events) => {
      for (const e of events) {
        const r = await window.api.createEvent(e);
        if (!r.ok) throw new Error(r.error.message);
      }
    },
    [
      { title: 'Konferenz in Leipzig', start: '2026-12-02', end: '2026-12-04', allDay: true, timeZone: 'UTC' },
      { title: 'Nachtzug', start: '2026-12-04T22:00:00Z', end: '2026-12-05T02:00:00Z', timeZone: 'UTC' },
      { title: 'Mittagessen', start: '2026-12-01T12:00:00Z', end: '2026-12-01T13:00:00Z', timeZone: 'UTC' },
      { title: 'Chorprobe', start: '2026-12-01T17:30:00Z', end: '2026-12-01T19:00:00Z', timeZone: 'UTC' },
      { title: 'Arzttermin', start: '2026-12-01T08:30:00Z', end: '2026-12-01T09:15:00Z', timeZone: 'UTC' },
      {
        title: 'Wochenmarkt',
        start: '2026-12-05T09:00:00Z',
        end: '2026-12-05T10:00:00Z',
        timeZone: 'UTC',
        recurrence: 'FREQ=WEEKLY;BYDAY=SA',
        reminderMinutes: 30,
      },
    ],
  );
  await page.getByTestId('nav-events').click();
}

test('month, week and day views follow the locale: names, Monday first, 24-hour clock', async () => {
  const page = await harness().openWindow();
  await openCalendar(page, 'Greta');

  // Month: German month name, Monday first, 24-hour chip times.
  await page.getByTestId('events-layout-month').click();
  await expect(page.getByTestId('month-label')).toHaveText('Dezember 2026');
  const heads = page.getByTestId('month-grid').getByRole('columnheader');
  await expect(heads).toHaveText(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'].map((d) => new RegExp(`^${d}\\.?$`)));
  await expect(page.getByTestId('month-day').first()).toHaveAttribute('data-date', '2026-11-30');
  const tuesday = page.locator('[data-testid="month-day"][data-date="2026-12-01"]');
  await expect(tuesday.getByTestId('month-event').filter({ hasText: 'Chorprobe' })).toContainText('17:30');
  await expect(tuesday).not.toContainText(/AM|PM/);
  await expect(page.getByTestId('month-bar').filter({ hasText: 'Konferenz' })).toHaveAttribute('data-to', '2026-12-04');
  await expect(page.getByTestId('month-bar').filter({ hasText: 'Nachtzug' })).toContainText('22:00');
  await shot(page, 'events-month');

  // Week: Monday 30 November to Sunday 6 December, hour labels on a 24-hour clock.
  await page.getByTestId('events-layout-week').click();
  const columns = page.getByTestId('day-column');
  await expect(columns).toHaveCount(7);
  await expect(columns.first()).toHaveAttribute('data-date', '2026-11-30');
  await expect(columns.last()).toHaveAttribute('data-date', '2026-12-06');
  await expect(page.getByTestId('month-label')).toHaveText(/^30\. Nov\.? – 6\. Dez\.?$/);
  await expect(page.getByTestId('time-grid')).toContainText('13:00');
  await expect(page.getByTestId('time-grid')).not.toContainText(/AM|PM/);
  await expect(page.getByTestId('event-block').filter({ hasText: 'Chorprobe' })).toContainText('17:30 – 19:00');
  await expect(page.getByRole('button', { name: 'Next week' })).toBeVisible();
  await shot(page, 'events-week');

  // Day: the long German date.
  await page.getByTestId('events-layout-day').click();
  await expect(page.getByTestId('month-label')).toHaveText('Dienstag, 1. Dezember');
  await expect(page.getByTestId('event-block')).toHaveCount(3);
  await shot(page, 'events-day');

  // Agenda: German day labels for the days after tomorrow.
  await page.getByTestId('events-layout-agenda').click();
  await expect(page.getByTestId('agenda')).toContainText(/Fr\.?, 4\. Dez/);
  await shot(page, 'events-agenda');

  // Settings' choices redraw the calendar: Sunday first and a 12-hour clock.
  await page.getByTestId('profile-settings-button').click();
  await page.getByTestId('week-start').selectOption('0');
  await page.getByTestId('hour-cycle').selectOption('h12');
  await page.getByTestId('nav-events').click();
  await page.getByTestId('events-layout-week').click();
  await expect(page.getByTestId('day-column').first()).toHaveAttribute('data-date', '2026-11-29');
  await expect(page.getByTestId('event-block').filter({ hasText: 'Chorprobe' })).toContainText(/5:30\sPM/);
  await page.getByTestId('events-layout-month').click();
  await expect(page.getByTestId('month-grid').getByRole('columnheader').first()).toHaveText(/^So\.?$/);
  await expect(page.getByTestId('month-day').first()).toHaveAttribute('data-date', '2026-11-29');
  await shot(page, 'events-month-sunday-12h');
});

test('event dialog: repeat editor and reminder in German order, scope choice', async () => {
  const page = await harness().openWindow();
  await openCalendar(page, 'Hanne');
  await page.getByTestId('events-layout-week').click();

  await page.getByTestId('event-new').click();
  const dialog = page.getByTestId('event-dialog');
  await dialog.getByTestId('event-title').fill('Lauftreff');
  await dialog.getByTestId('event-start-date').fill('2026-12-02');
  await dialog.getByTestId('event-start-time').fill('18:00');
  await dialog.getByTestId('event-end-time').fill('19:00');
  await dialog.getByTestId('event-repeat-freq').selectOption('WEEKLY');
  // The weekday toggles read in the locale, from its first day of the week (Monday).
  const toggles = dialog.getByTestId('event-repeat').getByRole('group', { name: 'On weekdays' }).getByRole('button');
  await expect(toggles).toHaveText(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'].map((d) => new RegExp(`^${d}\\.?$`)));
  await expect(dialog.getByTestId('event-repeat-day-WE')).toHaveAttribute('aria-pressed', 'true');
  await dialog.getByTestId('event-repeat-day-FR').click();
  await dialog.getByTestId('event-repeat-ends-on').check();
  await dialog.getByTestId('event-repeat-until').fill('2027-01-29');
  await dialog.getByTestId('event-reminder').selectOption('15');
  // Nothing in the dialog spills out of it.
  const spill = await dialog.evaluate((root) => {
    const box = root.getBoundingClientRect();
    return Array.from(root.querySelectorAll('*'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1);
      })
      .map((el) => el.outerHTML.slice(0, 80));
  });
  expect(spill).toEqual([]);
  await shot(page, 'events-repeat-editor');
  await dialog.getByTestId('event-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-testid="day-column"][data-date="2026-12-02"]').getByTestId('event-block')).toContainText('Lauftreff');
  await expect(page.locator('[data-testid="day-column"][data-date="2026-12-04"]').getByTestId('event-block')).toContainText('18:00 – 19:00');

  // Opening an occurrence asks which ones a change is for.
  await page.locator('[data-testid="day-column"][data-date="2026-12-04"]').getByTestId('event-block').filter({ hasText: 'Lauftreff' }).click();
  await expect(dialog).toContainText('Edit repeating event');
  await expect(dialog.getByTestId('event-scope-this')).toBeChecked();
  await expect(dialog.getByTestId('event-reminder')).toHaveValue('15');
  await shot(page, 'events-repeat-scope');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('.ics import: the outcome and the imported events in German dates', async () => {
  const page = await harness().openWindow();
  await openCalendar(page, 'Ilse', false);
  await importIcsExport(harness(), page);
  // The imported standup is at 09:00 New York, 14:00 here in UTC, on a 24-hour clock.
  await expect(page.getByTestId('agenda-event').filter({ hasText: 'Team standup' }).first()).toContainText('14:00');
  await shot(page, 'events-ics-import');

  // The month the standups are in, in German.
  await page.getByTestId('events-layout-month').click();
  for (let i = 0; i < 39; i++) await page.getByRole('button', { name: 'Next month' }).click();
  await expect(page.getByTestId('month-label')).toHaveText('März 2030');
  await expect(page.getByTestId('month-event').filter({ hasText: 'Team standup' }).first()).toContainText('14:00');
  await shot(page, 'events-ics-month');
});
