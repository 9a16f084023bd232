// End-to-end specs run against build/ (`npm run build` first). Specs save their own
// screenshots into test-results/screenshots/.
import { defineConfig, type Project } from '@playwright/test';
import { electronBinary, NO_ELECTRON_REASON } from './e2e/electron/electron-app.js';

/**
 * The second Chromium project runs the date-bound specs in a zone 14 hours ahead of UTC, where
 * "today", midnight and month edges fall on other UTC days. The renderer takes its zone from
 * the browser; the core under the harness keeps the machine's.
 */
const FAR_ZONE = 'Pacific/Kiritimati';

const chromiumUse: Project['use'] = {
  browserName: 'chromium',
  headless: true,
  viewport: { width: 1200, height: 800 },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Without the background-networking flags Chromium keeps dialling Google on a
    // closed network, which slows start-up and clutters the log.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      // As main sets for every window (electron/main/windows.ts): date and time fields follow their lang.
      '--enable-blink-features=LangAttributeAwareFormControlUI',
    ],
  },
};

const projects: Project[] = [
  {
    name: 'chromium',
    // The built renderer in Debian's Chromium with the harness standing in for Electron.
    testDir: 'e2e/chromium',
    testMatch: '**/*.spec.ts',
    use: { ...chromiumUse, timezoneId: 'UTC' },
  },
  {
    name: 'chromium-kiritimati',
    testDir: 'e2e/chromium',
    // Only the specs whose screens show dates and times: the rest gain nothing from a second zone.
    testMatch: ['**/tasks-notes-events.spec.ts', '**/profile-activity.spec.ts', '**/calendar-views.spec.ts'],
    use: { ...chromiumUse, timezoneId: FAR_ZONE },
  },
  {
    // Where the Electron binary is missing (offline machines) each spec reports itself
    // skipped with the reason; see e2e/electron/electron-app.ts.
    name: 'electron',
    testDir: 'e2e/electron',
    testMatch: '**/*.spec.ts',
  },
];

// The list reporter does not print skip reasons; say it once (not again in each worker).
if (electronBinary() === null && !process.env.TEST_WORKER_INDEX) {
  console.log(`e2e/electron specs will be reported as skipped: ${NO_ELECTRON_REASON}`);
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // Unlocking starts the profile's host process (scrypt, a fork, both databases): on a
  // loaded 2-core machine that alone can pass Playwright's default 5 s.
  expect: { timeout: 20_000 },
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects,
});
