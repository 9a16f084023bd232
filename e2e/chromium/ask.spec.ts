// Journey: ask in plain language. Off until set up (nothing sent); Settings › Ask in plain
// language states what is sent and takes the key write-only; a question streams in and
// can be cancelled; the answer's SQL lands in the editor under the question and does not
// run; a failed run is sent back with "Fix with AI" (each round shown); a refused key is
// a clear error. Real Chromium, the real core, a chat-completions server on loopback.
import { expect, test, type Page } from '@playwright/test';
import { startFakeChatServer, type FakeChatServer } from '../../build/electron/core/testing/fake-chat-server.js';
import { openAnalysisWindow } from '../analysis-steps.js';
import { harnessForEachTest, screenshot } from '../harness/harness.js';

const harness = harnessForEachTest('ask');
let server: FakeChatServer;

test.beforeEach(async () => {
  server = await startFakeChatServer();
});
test.afterEach(async () => {
  await server.close();
});

const editor = (page: Page) => page.getByTestId('sql-editor');

async function runEditor(page: Page, sql?: string) {
  await editor(page).focus();
  if (sql !== undefined) {
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(sql);
  }
  await page.keyboard.press('Control+Enter');
}

const KEY = 'sk-e2e-0123456789';

test('ask: settings, a streamed answer into the editor, cancel, Fix with AI, a refused key', async () => {
  test.setTimeout(120_000);
  const page = await openAnalysisWindow(harness(), 'Asa');
  await expect(page.getByTestId('ask-off')).toContainText('nothing is sent anywhere');
  await runEditor(page, "CREATE TABLE sales AS SELECT * FROM (VALUES ('north', 10), ('south', 5)) t(region, amount)");
  await expect(page.getByTestId('table-sales')).toBeVisible();
  await screenshot(page, 'ask-off');

  // Settings: what is sent, then the endpoint, model and key.
  await page.getByTestId('profile-settings-button').click();
  const settings = page.getByTestId('profile-settings');
  const form = settings.getByTestId('ai-settings-form');
  await form.scrollIntoViewIfNeeded();
  await expect(form.getByTestId('ai-sends')).toContainText('table and column names and their types');
  await form.getByTestId('ai-url').fill(server.url);
  await form.getByTestId('ai-model').fill('e2e-model');
  await form.getByTestId('ai-key').fill(KEY);
  await expect(form.getByTestId('ai-sends')).toContainText('Authorization header');
  await expect(form.getByTestId('ai-sends')).toContainText('It goes to http://127.0.0.1:');
  await form.getByTestId('ai-samples').check();
  await expect(form.getByTestId('ai-sends')).toContainText('up to 5 sample rows of each table');
  await form.getByTestId('ai-samples').uncheck();
  await form.getByTestId('ai-save').click();
  await expect(form.getByTestId('ai-notice')).toContainText('Saved');
  // Write-only: the field is empty again, and says a key is stored.
  await expect(form.getByTestId('ai-key')).toHaveValue('');
  await expect(form.getByTestId('ai-key')).toHaveAttribute('placeholder', 'Stored in the OS keychain');
  await expect(page.locator('body')).not.toContainText(KEY);
  await screenshot(page, 'ask-settings');
  await settings.getByTestId('settings-close').click();

  // A question that streams and hangs: its text shows, Cancel stops it.
  await page.getByTestId('nav-analysis').click();
  server.reply({ kind: 'stream', pieces: ['Thinking about your sales…\n```sql\nSELECT region'], hang: true });
  await page.getByTestId('ask-question').fill('Total amount per region?');
  await page.getByTestId('ask-submit').click();
  await expect(page.getByTestId('ask-streaming')).toContainText('SELECT region');
  await screenshot(page, 'ask-streaming');
  await page.getByTestId('ask-cancel').click();
  await expect(page.getByTestId('ask-cancelled')).toBeVisible();

  // A streamed answer: its SQL goes into the editor under the question, and nothing runs.
  server.reply({ kind: 'stream', pieces: ['Here is the query:\n```sql\nSELECT region, sum(amount) AS total\n', 'FROM sales GROUP BY region ORDER BY region\n```'] });
  await page.getByTestId('ask-submit').click();
  await expect(page.getByTestId('ask-round-0')).toContainText('sum(amount) AS total');
  await expect(editor(page)).toContainText('-- Total amount per region?');
  await expect(editor(page)).toContainText('FROM sales GROUP BY region ORDER BY region');
  await expect(page.getByTestId('ask-review')).toContainText('Nothing has run');
  await expect(page.getByTestId('result-placeholder')).toBeVisible();
  const sent = server.requests.at(-1)!;
  expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
  expect(sent.body).toContain('\\"sales\\" (table)');
  expect(sent.body).not.toContain('north');
  expect(sent.body).not.toContain(harness().dataDir);
  await screenshot(page, 'ask-answer');
  await runEditor(page);
  await expect(page.getByTestId('result-total')).toHaveText('2');

  // A failing answer, run by the person, sent back with Fix with AI: each round shown.
  server.reply({ kind: 'json', content: '```sql\nSELECT regin FROM sales\n```' });
  await page.getByTestId('ask-question').fill('Which regions are there?');
  await page.getByTestId('ask-submit').click();
  await expect(editor(page)).toContainText('SELECT regin FROM sales');
  await expect(page.getByTestId('ask-fix')).toHaveCount(0);
  await runEditor(page);
  await expect(page.getByTestId('query-error')).toBeVisible();
  server.reply({ kind: 'json', content: 'The column is called region.\n```sql\nSELECT DISTINCT region FROM sales ORDER BY region\n```' });
  await page.getByTestId('ask-fix').click();
  await expect(page.getByTestId('ask-round-1')).toContainText('SELECT DISTINCT region FROM sales');
  await expect(page.getByTestId('ask-round-1')).toContainText('after:');
  await expect(editor(page)).toContainText('SELECT DISTINCT region FROM sales ORDER BY region');
  const fixBody = JSON.parse(server.requests.at(-1)!.body) as { messages: { content: string }[] };
  expect(fixBody.messages.map((m) => m.content).join('\n')).toContain('SELECT regin FROM sales');
  await screenshot(page, 'ask-fix');
  await runEditor(page);
  await expect(page.getByTestId('result-total')).toHaveText('2');

  // A refused key is said plainly, with what to do.
  server.reply({ kind: 'status', status: 401, body: JSON.stringify({ error: { message: 'invalid api key' } }) });
  await page.getByTestId('ask-question').fill('Anything?');
  await page.getByTestId('ask-submit').click();
  await expect(page.getByTestId('ask-error')).toContainText('The AI endpoint refused the key');
  await expect(page.getByTestId('ask-error')).toContainText('Settings › Ask in plain language');
  await screenshot(page, 'ask-error');
});
