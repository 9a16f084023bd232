// Journey: a task and a note whose texts are HTML/script are shown as text everywhere
// (task list, notes list, editor, Markdown preview, the Ctrl+K palette, an Analysis
// result) and no script they carry ever runs.
import { expect, test, type Page } from '@playwright/test';
import { createProfile, shellName } from '../profile-steps.js';
import { screenshot, startHarness, type Harness } from '../harness/harness.js';

const SCRIPT_TITLE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">';
const NOTE_TITLE = '<img src=x onerror="window.__pwned=1"> note';
const NOTE_BODY = `# <script>window.__pwned=1</script>\n\n<img src=x onerror="window.__pwned=1">\n\n<b onmouseover="window.__pwned=1">bold?</b> '); DROP TABLE notes; --`;
const QUERY_VALUE = '<img src=x onerror=window.__pwned=1>';

let harness: Harness;

test.beforeEach(async ({ context }, info) => {
  harness = await startHarness(context, `hostile-${info.workerIndex}`);
});
test.afterEach(async () => {
  await harness.close();
});

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

/** Nothing the hostile texts carry became an element, and none of their script ran. */
async function expectInert(page: Page) {
  expect(await pwned(page)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('[onerror], [onmouseover]')).toHaveCount(0);
  await expect(page.locator('script', { hasText: '__pwned' })).toHaveCount(0);
}

test('HTML and script in tasks, notes, search and query results stay text', async () => {
  const page = await harness.openWindow();
  await createProfile(page, 'Mallory');
  await expect(shellName(page)).toHaveText('Mallory');

  // A task titled with markup, through quick add.
  await page.getByTestId('nav-tasks').click();
  const input = page.getByTestId('task-quick-add-input');
  await input.fill(SCRIPT_TITLE);
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(page.getByTestId('task-title').first()).toHaveText(SCRIPT_TITLE);
  await expectInert(page);

  // A note with markup in its title and its Markdown body.
  await page.getByTestId('nav-notes').click();
  await page.getByTestId('note-new').click();
  await page.getByTestId('note-title').fill(NOTE_TITLE);
  await page.getByTestId('note-body').fill(NOTE_BODY);
  await expect(page.getByTestId('note-save-state')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('note-item').first()).toContainText(NOTE_TITLE);
  const preview = page.getByTestId('markdown-preview');
  await expect(preview.locator('h1')).toHaveText('<script>window.__pwned=1</script>');
  await expect(preview).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(preview).toContainText(`<b onmouseover="window.__pwned=1">bold?</b> '); DROP TABLE notes; --`);
  await expect(preview.locator('img, script, b')).toHaveCount(0);
  await expectInert(page);

  // Back in the lists and the editor: what was stored comes back the same.
  await page.getByTestId('nav-tasks').click();
  await expect(page.getByTestId('task-title').first()).toHaveText(SCRIPT_TITLE);
  await page.getByTestId('nav-notes').click();
  await page.getByTestId('note-item').filter({ hasText: NOTE_TITLE }).click();
  await expect(page.getByTestId('note-title')).toHaveValue(NOTE_TITLE);
  await expect(page.getByTestId('note-body')).toHaveValue(NOTE_BODY);

  // The search palette shows both, highlights as elements and the rest as text.
  await page.keyboard.press('Control+k');
  const palette = page.getByTestId('search-palette');
  await expect(palette).toBeVisible();
  await page.getByTestId('search-input').fill('onerror');
  const hits = palette.getByTestId('search-hit');
  await expect(hits).toHaveCount(2);
  await expect(hits.filter({ hasText: SCRIPT_TITLE })).toHaveCount(1);
  await expect(hits.filter({ hasText: NOTE_TITLE })).toHaveCount(1);
  await expect(palette.locator('mark').first()).toHaveText(/^onerror$/i);
  await expectInert(page);
  await screenshot(page, 'hostile-strings');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  // A query result holding markup is a cell of text.
  await page.getByTestId('nav-analysis').click();
  await expect(page.getByTestId('section-analysis')).toBeVisible();
  const editor = page.getByTestId('sql-editor');
  await editor.fill(`SELECT '${QUERY_VALUE}' AS s`);
  await editor.press('Control+Enter');
  await expect(page.getByTestId('result-total')).toHaveText('1');
  const row = page.getByTestId('result-grid').locator('[data-row="0"]');
  await expect(row).toContainText(QUERY_VALUE);
  await expectInert(page);
  await screenshot(page, 'hostile-strings-analysis');
});
