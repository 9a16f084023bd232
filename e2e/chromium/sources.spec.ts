// Journey: databases as import sources, against a real PostgreSQL the spec starts
// (private, loopback, temp dir; the test kit db-servers.ts) and a SQLite file chosen in
// the open dialog. Add a source with a wrong password (the error says so, and "Change
// password…" fixes it), browse schemas and tables with row estimates, preview 100 rows
// with each column's source and Enclave type (and the note for a NUMERIC wider than 38
// digits), import with progress and cancel (nothing kept), import into a named table,
// refresh it from the table list after the source changed, import a query, a server that
// cannot be reached, and a SQLite file added through its token. Real Chromium, the real core.
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import PgDriver from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, postgresMissing, startPostgres, type DbServer } from '../../build/electron/core/testing/db-servers.js';
import { openAnalysisWindow, runSql } from '../analysis-steps.js';
import { harnessForEachTest, screenshot, tempDirForEachTest } from '../harness/harness.js';

const missing = postgresMissing();
let pg: DbServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.skip(missing !== false, missing || '');
  pg = await startPostgres();
  pg.admin(`
    CREATE SCHEMA sales;
    CREATE TABLE sales.orders AS
      SELECT g AS id, 'customer ' || (g % 37) AS customer, (g * 1.25)::numeric(12,2) AS total,
             timestamptz '2024-03-01 09:00:00+00' + g * interval '1 hour' AS placed,
             (g::numeric * 1000000000000000000000000000000000000000)::numeric(50,5) AS ledger
        FROM generate_series(1, 2000) g;
    CREATE TABLE public.clicks AS SELECT g AS id, md5(g::text) AS h, g % 7 AS bucket FROM generate_series(1, 1500000) g;
    CREATE VIEW sales.big_orders AS SELECT * FROM sales.orders WHERE total > 2000;
    -- Stops at row 200,000 while the test holds advisory lock 42: the import is surely still
    -- running when Cancel is clicked (COPY reads 1.5 M rows in a few seconds).
    CREATE FUNCTION gate(id integer) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
      BEGIN IF id = 200000 THEN PERFORM pg_advisory_lock_shared(42); PERFORM pg_advisory_unlock_shared(42); END IF; RETURN true; END $$;
    CREATE VIEW public.slow_clicks AS SELECT id, CASE WHEN gate(id) THEN h END AS h, bucket FROM public.clicks;
    ANALYZE;`);
});
test.afterAll(async () => {
  await pg?.stop();
});
const harness = harnessForEachTest('sources');
const files = tempDirForEachTest('sources');

async function addNetworkSource(page: Page, url: string, password: string, name: string) {
  await page.getByTestId('add-source').click();
  const dialog = page.getByTestId('add-source-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('add-source-url').fill(url);
  await dialog.getByTestId('add-source-password').fill(password);
  await dialog.getByTestId('add-source-name').fill(name);
  return dialog;
}

test('add, wrong password, browse, preview, import with progress and cancel, refresh, a query, unreachable, SQLite', async () => {
  test.setTimeout(300_000);
  const page = await openAnalysisWindow(harness(), 'Ines');

  await page.getByTestId('side-sources').click();
  await expect(page.getByTestId('sources-empty')).toBeVisible();
  await screenshot(page, 'sources-empty');

  // A wrong password: the source is saved, and browsing it says the server refused it.
  const dialog = await addNetworkSource(page, pg.url, 'not-the-password', 'shop');
  await screenshot(page, 'sources-add-dialog');

  // The server's CA certificate is chosen in the open dialog (a token, the file's name
  // shown); a file that holds no certificate is refused at the field, and nothing is saved.
  // Only the refused file is sent: the first is chosen and removed again, so it need not be a real certificate.
  fs.writeFileSync(path.join(files(), 'test-ca.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  fs.writeFileSync(path.join(files(), 'not-a-cert.pem'), 'hello\n');
  harness().dialogs.answers.push(path.join(files(), 'test-ca.pem'));
  await dialog.getByTestId('add-source-choose-ca').click();
  await expect(dialog.getByTestId('add-source-ca-name')).toContainText('test-ca.pem — the server is verified against it');
  await screenshot(page, 'sources-add-dialog-ca');
  await dialog.getByTestId('add-source-clear-ca').click();
  harness().dialogs.answers.push(path.join(files(), 'not-a-cert.pem'));
  await dialog.getByTestId('add-source-choose-ca').click();
  await expect(dialog.getByTestId('add-source-ca-name')).toContainText('not-a-cert.pem');
  await dialog.getByTestId('add-source-submit').click();
  await expect(dialog).toContainText('The CA file holds no PEM certificate');
  await expect(dialog.getByTestId('add-source-ca-name')).toContainText('Optional');
  await screenshot(page, 'sources-add-dialog-ca-refused');
  expect(await page.content()).not.toContain(files());

  await dialog.getByTestId('add-source-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('source-workspace')).toBeVisible();
  const error = page.getByTestId('source-error');
  await expect(error).toContainText('The server refused the user name or password', { timeout: 30_000 });
  await expect(page.getByTestId('source-shop')).toBeVisible();
  await screenshot(page, 'sources-wrong-password');
  // The password never shows anywhere on the page.
  expect(await page.content()).not.toContain('not-the-password');

  await page.getByTestId('source-error-change-password').click();
  await page.getByTestId('source-password').fill(pg.password);
  await page.getByTestId('source-password-save').click();
  await expect(page.getByTestId('source-password-dialog')).toBeHidden();
  await expect(error).toBeHidden({ timeout: 30_000 });

  // Schemas and tables with the server's estimates.
  await expect(page.getByTestId('source-table-sales.orders')).toContainText('2,000');
  await expect(page.getByTestId('source-table-public.clicks')).toContainText('1.5 M');
  await expect(page.getByTestId('source-table-sales.big_orders')).toContainText('view');

  // Preview: 100 rows, each column's type in the source and in Enclave, and the note for
  // the NUMERIC wider than DuckDB's 38 digits.
  await page.getByTestId('source-table-sales.orders').click();
  await expect(page.getByTestId('source-preview')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('source-preview-caption')).toContainText('the first 100 rows of about 2,000 · 5 columns');
  await expect(page.getByTestId('source-col-total')).toContainText('numeric(12,2) → DECIMAL(12,2)');
  await expect(page.getByTestId('source-col-placed')).toContainText('TIMESTAMPTZ');
  await expect(page.getByTestId('source-col-ledger')).toContainText('numeric(50,5) → VARCHAR');
  await expect(page.getByTestId('source-preview-notes')).toContainText('ledger');
  await expect(page.getByTestId('source-preview').locator('tbody tr')).toHaveCount(100);
  await expect(page.getByTestId('source-table-name')).toHaveValue('orders');
  await expect(page.getByTestId('source-import-submit')).toHaveText('Import about 2,000 rows into orders');
  await expect(page.getByTestId('source-counts-note')).toHaveText('Row counts are the server’s estimates.');
  // Five columns do not fit the pane: the preview scrolls sideways, and says so.
  const box = page.getByTestId('source-preview-box');
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await expect(page.getByTestId('source-preview-scroll-hint')).toContainText('5 columns: scroll sideways');
  await screenshot(page, 'sources-preview');
  await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect(page.getByTestId('source-col-ledger')).toBeInViewport();
  await screenshot(page, 'sources-preview-scrolled');

  // A large view: progress against the estimate, then Cancel keeps nothing.
  await page.getByTestId('source-table-public.slow_clicks').click();
  await expect(page.getByTestId('source-preview')).toBeVisible({ timeout: 30_000 });
  const gate = new PgDriver.Client({ host: pg.host, port: pg.port, user: pg.user, password: pg.password, database: pg.database });
  await gate.connect();
  try {
    await gate.query('SELECT pg_advisory_lock(42)');
    await page.getByTestId('source-import-submit').click();
    await expect(page.getByTestId('source-import-progress-text')).toContainText(/[\d,]+ rows of about [\d,]+/, { timeout: 60_000 });
    await screenshot(page, 'sources-import-progress');
    await page.getByTestId('source-import-cancel').click();
    await expect(page.getByTestId('source-error')).toContainText('Import cancelled', { timeout: 60_000 });
  } finally {
    await gate.end();
  }
  await expect(page.getByTestId('table-slow_clicks')).toHaveCount(0);

  // The table: imported whole into orders, listed in the sidebar with its source.
  await page.getByTestId('source-table-sales.orders').click();
  await expect(page.getByTestId('source-import-submit')).toHaveText('Import about 2,000 rows into orders', { timeout: 30_000 });
  await page.getByTestId('source-import-submit').click();
  await expect(page.getByTestId('source-import-done')).toContainText('Imported 2,000 rows into orders', { timeout: 60_000 });
  await expect(page.getByTestId('sourced-tables')).toContainText('orders');
  await screenshot(page, 'sources-imported');

  // The source changes; Refresh from the table list re-imports it.
  pg.admin(`INSERT INTO sales.orders VALUES (2001, 'late customer', 10.50, now(), 1)`);
  await page.getByTestId('side-tables').click();
  await page.getByTestId('table-orders').click();
  await expect(page.getByTestId('sourced-note-orders')).toContainText('From shop');
  await screenshot(page, 'sources-table-list');
  await page.getByTestId('refresh-orders').click();
  await expect(page.getByTestId('source-import-done')).toContainText('Refreshed 2,001 rows into orders', { timeout: 60_000 });
  await page.getByTestId('source-query-table').click();
  await expect(page.getByTestId('result-total')).toHaveText('2,001', { timeout: 30_000 });
  await runSql(page, "SELECT typeof(total) || ' ' || typeof(ledger) AS types FROM orders LIMIT 1", '1');
  await expect(page.getByTestId('result-grid')).toContainText('DECIMAL(12,2) VARCHAR');

  // A query in the source's SQL, imported under another name.
  await page.getByTestId('side-sources').click();
  await page.getByTestId('source-shop').click();
  await page.getByTestId('source-mode-query').click();
  await page.getByTestId('source-query').fill('SELECT customer, count(*) AS n FROM sales.orders GROUP BY customer');
  await page.getByTestId('source-query-preview').click();
  await expect(page.getByTestId('source-preview-caption')).toContainText('a query · all 38 rows · 2 columns', { timeout: 30_000 });
  await page.getByTestId('source-table-name').fill('per_customer');
  await page.getByTestId('source-import-submit').click();
  await expect(page.getByTestId('source-import-done')).toContainText('Imported 38 rows into per_customer', { timeout: 60_000 });

  // A server nobody listens on: said plainly.
  const closed = await freePort();
  const unreachable = await addNetworkSource(page, `postgresql://nobody@127.0.0.1:${closed}/none`, 'x', 'gone');
  await unreachable.getByTestId('add-source-submit').click();
  await expect(page.getByTestId('source-error')).toContainText('The database cannot be reached', { timeout: 30_000 });
  await screenshot(page, 'sources-unreachable');

  // A SQLite file, chosen in the open dialog: the page gets a token and the file's name only.
  const file = path.join(files(), 'Field notes.sqlite');
  const db = new Database(file);
  db.exec("CREATE TABLE birds (id INTEGER PRIMARY KEY, name TEXT, seen REAL); INSERT INTO birds (name, seen) VALUES ('wren', 1.5), ('kite', NULL), ('', 2)");
  db.close();
  await page.getByTestId('add-source').click();
  await page.getByTestId('source-kind-sqlite').click();
  harness().dialogs.answers.push(file);
  await page.getByTestId('add-source-choose-file').click();
  await expect(page.getByTestId('add-source-file-name')).toHaveText('Field notes.sqlite');
  await page.getByTestId('add-source-submit').click();
  await expect(page.getByTestId('source-Field notes')).toBeVisible();
  await expect(page.getByTestId('source-url')).toHaveText('sqlite:Field notes.sqlite');
  expect(await page.content()).not.toContain(files());
  await page.getByTestId('source-table-birds').click();
  await expect(page.getByTestId('source-preview-caption')).toContainText('all 3 rows · 3 columns', { timeout: 30_000 });
  // A SQLite file counts its tables: exact counts, not estimates.
  await expect(page.getByTestId('source-counts-note')).toHaveText('Row counts are exact, counted in the file (views are not counted).');
  await expect(page.getByTestId('source-table-birds')).toContainText('3');
  await screenshot(page, 'sources-sqlite');
});
