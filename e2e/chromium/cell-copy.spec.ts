// Journey: copy a cell's value from the cell inspector, and see it when the copy fails.
// In the app, main grants `clipboard-sanitized-write` to our page only; here the page
// gets a clipboard that records the write, then one that refuses it as Chromium does.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createProfile, shellName } from '../profile-steps.js';
import { screenshot, startHarness, type Harness } from '../harness/harness.js';

let harness: Harness;

test.beforeEach(async ({ context }, info) => {
  harness = await startHarness(context, `cell-copy-${info.workerIndex}`);
});
test.afterEach(async () => {
  await harness.close();
});

async function inspectGreeting(page: Page) {
  await createProfile(page, 'Ada');
  // Opening starts the profile's databases: slow on a busy machine, so a roomier wait.
  await expect(shellName(page)).toHaveText('Ada', { timeout: 30_000 });
  await page.getByTestId('nav-analysis').click();
  const editor = page.getByTestId('sql-editor');
  await editor.fill(`SELECT 'hello, clipboard' AS greeting`);
  await editor.press('Control+Enter');
  const cell = page.getByTestId('result-grid').locator('[data-row="0"]').getByRole('gridcell').first();
  await expect(cell).toContainText('hello, clipboard', { timeout: 30_000 });
  await cell.dblclick();
  await expect(page.getByTestId('cell-detail')).toContainText('hello, clipboard');
}

/** Replaces navigator.clipboard before the app loads: one that records, or one that refuses. */
async function useClipboard(context: BrowserContext, refuse: boolean) {
  await context.addInitScript((refuseWrite) => {
    const written: string[] = [];
    Object.defineProperty(window, '__written', { value: written });
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: (text: string) =>
          refuseWrite
            ? Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'))
            : Promise.resolve(void written.push(text)),
      },
    });
  }, refuse);
}

test('Copy value writes the whole value and says so', async ({ context }) => {
  await useClipboard(context, false);
  const page = await harness.openWindow();
  await inspectGreeting(page);
  await page.getByRole('button', { name: 'Copy value' }).click();
  await expect(page.getByTestId('cell-copied')).toHaveText('Copied');
  expect(await page.evaluate(() => (window as unknown as { __written: string[] }).__written)).toEqual(['hello, clipboard']);
});

test('a refused copy is shown, not swallowed', async ({ context }) => {
  await useClipboard(context, true);
  const page = await harness.openWindow();
  await inspectGreeting(page);
  await page.getByRole('button', { name: 'Copy value' }).click();
  await expect(page.getByTestId('cell-detail').getByRole('alert')).toHaveText('Could not copy the value: Write permission denied.');
  await expect(page.getByTestId('cell-copied')).toHaveCount(0);
  await screenshot(page, 'cell-copy-refused');
});
