// Journey: page through a wide result (400 columns × 20,000 rows) with the keyboard, 30
// pages down, then to the last column and the last row, without the window ever stalling:
// no main-thread task over 50 ms (issue 16 item 8, where paging such a table gave long
// tasks of 64–132 ms), measured with Chromium's `longtask` PerformanceObserver while the
// pages arrive and are drawn.
//
// On a loaded machine (2 cores shared by several test runs) the wall-clock length of a task
// says more about the machine than about the page: a task of 5 ms of work that the kernel
// preempts lasts 60 ms. Measured on 2026-12-02 at a load average of 11–15, the long tasks the
// observer reported (50–1,176 ms) had used 4–25 ms of the main thread's CPU each, apart from
// the spec's own Playwright probes. So a Chromium trace runs alongside the observer, and each
// long task is matched to its main-thread task in the trace: it fails the spec when that task
// also used more than 50 ms of the thread's CPU time (on a quiet machine the two are the same).
// A long task the trace cannot account for fails the spec too. The probes are plain
// querySelector calls in the page (no Playwright selector engine over a large DOM, whose own
// tasks took 127–183 ms of CPU), so what is measured is the grid's work.
//
// Robust on a loaded machine: every step waits for what it needs (the exact count, the
// focused row to move, its pages drawn), never for a time, with timeouts generous enough
// for a shared 2-core runner; the observer's last entries are taken with takeRecords()
// rather than waited for.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openAnalysis } from '../analysis-steps.js';
import { harnessForEachTest, screenshot } from '../harness/harness.js';

const harness = harnessForEachTest('grid-long-tasks');
// The figures the steps wait for ("20,000") are written the en-US way. No Playwright trace:
// its DOM snapshots run in the page, as main-thread tasks of 100–130 ms of CPU over this
// grid's DOM, which would be measured as the grid's.
test.use({ locale: 'en-US', trace: 'off' });

const COLUMNS = 400;
const ROWS = 20_000;
const PAGES = 30;
/** A column of each kind in turn, as a wide CSV would have them: integers, doubles, text, dates. */
const column = (i: number) =>
  [`i * ${i + 1}`, `round(i * 1.37 + ${i}, 3)`, `'txt_' || ((i * ${i + 7}) % 9973)`, `DATE '2020-01-01' + ((i + ${i}) % 3650)::INTEGER`][i % 4] + ` AS c${i}`;
const QUERY = `SELECT ${Array.from({ length: COLUMNS }, (_, i) => column(i)).join(', ')} FROM range(${ROWS}) t(i)`;
const LIMIT_MS = 50;
const STEP = { timeout: 90_000 };

declare global {
  interface Window {
    __longTasks?: LongTask[];
    __longTaskStep?: string;
    __longTaskObserver?: PerformanceObserver;
  }
}

const grid = (page: Page) => page.getByTestId('result-grid');
/** The focused row's 0-based index (the grid's aria-rowindex counts the header as 1). */
const focusedRow = (page: Page) =>
  page.evaluate(() => {
    const cell = document.querySelector('[data-testid="result-grid"] [role="gridcell"][aria-selected="true"]');
    return Number(cell?.closest('[role="row"]')?.getAttribute('aria-rowindex') ?? 0) - 2;
  });
/** Every row in view drawn with its cells: no placeholder waits for a page. */
const drawn = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('[data-testid="result-grid"] [class*="placeholder"]'), undefined, { ...STEP, polling: 100 });
/** Waits until `selector` is in the grid. */
const shown = (page: Page, selector: string) =>
  page.waitForFunction((s) => document.querySelector(`[data-testid="result-grid"] ${s}`) !== null, selector, { ...STEP, polling: 100 });
const step = (page: Page, name: string) => page.evaluate((n) => void (window.__longTaskStep = n), name);
/** A key into the grid, which has the focus (checked: a key elsewhere would prove nothing). */
async function press(page: Page, key: string) {
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('result-grid');
  await page.keyboard.press(key);
}

interface LongTask {
  ms: number;
  at: number;
  step: string;
}

/** Main-thread tasks of the renderer in a Chromium trace: start and wall length in µs on the trace's clock, CPU time in µs. */
function mainThreadTasks(trace: Buffer) {
  interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } }
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = (e: TraceEvent) => main.has(`${e.pid}:${e.tid}`);
  const tasks = events
    .filter((e) => onMain(e) && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.dur !== undefined)
    .map((e) => ({ ts: e.ts, dur: e.dur!, cpu: e.tdur }));
  const marks = events.filter((e) => onMain(e) && e.name === 'grid-long-tasks-sync');
  return { tasks, syncTs: marks.length > 0 ? Math.min(...marks.map((m) => m.ts)) : null };
}

// The machine's load, for the report: the figures mean little without it.
const loadAverage = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

test('paging through a 400-column result never blocks the main thread for more than 50 ms', async () => {
  test.setTimeout(600_000);
  const page = await harness().openWindow();
  await page.setViewportSize({ width: 1280, height: 800 });
  await openAnalysis(page, 'Wide');
  const editor = page.getByTestId('sql-editor');
  await editor.fill(QUERY);
  await editor.press('Control+Enter');
  // The exact count, not "counting…": the kept result is there and pages come from it.
  await expect(page.getByTestId('result-total')).toHaveText(ROWS.toLocaleString('en-US'), { timeout: 240_000 });
  const first = grid(page).locator('[data-row="0"]').getByRole('gridcell').first();
  await expect(first).toHaveText('0', STEP);
  await first.click();
  await expect(first).toHaveAttribute('aria-selected', 'true', STEP);
  await drawn(page);

  const browser = page.context().browser();
  if (!browser) throw new Error('the harness runs in a launched browser, which can trace');
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
  // The observer's startTime and the trace's clock, tied by one mark seen by both.
  const syncAt = await page.evaluate(() => {
    window.__longTasks = [];
    window.__longTaskStep = 'start';
    window.__longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks!.push({ ms: e.duration, at: e.startTime, step: window.__longTaskStep ?? '' });
    });
    window.__longTaskObserver.observe({ type: 'longtask' });
    return performance.mark('grid-long-tasks-sync').startTime;
  });

  // Each page is drawn with its rows before the next key: the work of one page is
  // measured, not a queue of thirty.
  let row = await focusedRow(page);
  for (let p = 1; p <= PAGES; p++) {
    await step(page, `PageDown ${p}`);
    await press(page, 'PageDown');
    await expect.poll(() => focusedRow(page), STEP).toBeGreaterThan(row);
    row = await focusedRow(page);
    await drawn(page);
  }
  await step(page, 'End');
  await press(page, 'End');
  await shown(page, `[data-testid="column-c${COLUMNS - 1}"]`);
  await drawn(page);
  await step(page, 'Control+End');
  await press(page, 'Control+End');
  await shown(page, `[data-row="${ROWS - 1}"] [role="gridcell"][aria-colindex="${COLUMNS + 1}"]`);
  await drawn(page);

  // Entries of tasks that already ended but are not yet delivered to the callback.
  const longTasks = await page.evaluate(() => {
    for (const e of window.__longTaskObserver!.takeRecords()) window.__longTasks!.push({ ms: e.duration, at: e.startTime, step: window.__longTaskStep ?? '' });
    window.__longTaskObserver!.disconnect();
    return window.__longTasks!;
  });
  const trace = mainThreadTasks(await browser.stopTracing());
  await screenshot(page, 'grid-400-columns-paged');

  expect(row, 'thirty pages down').toBeGreaterThan(PAGES * 5);
  expect(trace.syncTs, 'the sync mark is in the trace').not.toBeNull();
  // Each long task's CPU time: that of the main-thread task it overlaps most in the trace.
  const measured = longTasks.map((t) => {
    const from = trace.syncTs! + (t.at - syncAt) * 1000;
    const to = from + t.ms * 1000;
    let best: { overlap: number; cpu: number | undefined } = { overlap: 0, cpu: undefined };
    for (const task of trace.tasks) {
      const overlap = Math.min(to, task.ts + task.dur) - Math.max(from, task.ts);
      if (overlap > best.overlap) best = { overlap, cpu: task.cpu };
    }
    return { ...t, cpuMs: best.cpu === undefined ? null : best.cpu / 1000 };
  });
  const describe = (t: (typeof measured)[number]) =>
    `${Math.round(t.ms)} ms (CPU ${t.cpuMs === null ? '?' : Math.round(t.cpuMs)} ms) at ${t.step}`;
  test.info().annotations.push({
    type: 'long tasks',
    description: `load ${loadAverage()}: ${measured.map(describe).join(', ') || 'none'}`,
  });
  console.log(`grid-long-tasks: load ${loadAverage()}; long tasks: ${measured.map(describe).join(', ') || 'none'}`);
  const over = measured.filter((t) => t.ms > LIMIT_MS && (t.cpuMs === null || t.cpuMs > LIMIT_MS));
  expect(over.map(describe), `long tasks: ${measured.map(describe).join(', ') || 'none'}`).toEqual([]);
});
