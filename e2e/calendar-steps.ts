// What a person does on the Events screen, shared by the calendar specs.
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Harness } from './harness/harness.js';

/** The hand-written Google Calendar / Outlook export: four events and one refused rule. */
const ICS_EXPORT = path.resolve('electron/core/testing/fixtures/google-outlook-export.ics');

/**
 * Imports the export from the Events toolbar (the file chosen in the dialog), checks what the
 * outcome says and opens the agenda on the imported events. Returns the outcome line.
 */
export async function importIcsExport(harness: Harness, page: Page): Promise<Locator> {
  harness.dialogs.answers.push(ICS_EXPORT);
  await page.getByTestId('events-import').click();
  const outcome = page.getByTestId('events-file-outcome');
  await expect(outcome).toContainText('Imported 4 events from google-outlook-export.ics');
  await expect(outcome).toContainText('Skipped 1: “Bad rule”');
  await page.getByTestId('events-layout-agenda').click();
  await expect(page.getByTestId('agenda-event').filter({ hasText: 'Team standup (moved to Tuesday)' })).toBeVisible();
  return outcome;
}
