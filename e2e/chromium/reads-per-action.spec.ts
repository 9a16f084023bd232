// Reads per user action: a write's own window refreshes from the push event that follows
// every write, never also from the write's answer (that read the task list and the counts
// twice for one new task). Counts every bridge call each window makes, in real Chromium
// over the real core, with a second window of the same profile watching.
import { expect, test, type Page } from '@playwright/test';
import * as steps from '../profile-steps.js';
import { screenshot, startHarness, type Harness } from '../harness/harness.js';

let harness: Harness;

// Opening a profile starts its host process: on a loaded machine that can take longer than
// the default wait. Generous waits only; nothing here asserts a duration.
const OPEN = { timeout: 90_000 };
test.setTimeout(300_000);

test.beforeEach(async ({ context }, info) => {
  harness = await startHarness(context, `reads-${info.workerIndex}`);
});
test.afterEach(async () => {
  await harness.close();
});

interface CallLog {
  calls: string[];
  inFlight: number;
}

/** Wraps the page's bridge binding so that every call is counted (by channel) until the page closes. */
async function countCalls(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __enclaveInvoke: (c: string, i: unknown) => Promise<unknown>; callLog: CallLog };
    const invoke = w.__enclaveInvoke;
    w.callLog = { calls: [], inFlight: 0 };
    w.__enclaveInvoke = (channel, input) => {
      w.callLog.calls.push(channel);
      w.callLog.inFlight++;
      return invoke(channel, input).finally(() => w.callLog.inFlight--);
    };
  });
}

/**
 * The calls made since the last look, once the page is idle: no call in flight, and a frame
 * rendered since (React runs the effects a push scheduled before the next frame).
 */
async function callsSinceLastLook(page: Page): Promise<Record<string, number>> {
  const log = () => page.evaluate(() => (window as unknown as { callLog: CallLog }).callLog.inFlight);
  await expect.poll(log).toBe(0);
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => done())));
  await expect.poll(log).toBe(0);
  const counts = await page.evaluate(() => {
    const w = window as unknown as { callLog: CallLog };
    const counts: Record<string, number> = {};
    for (const c of w.callLog.calls.splice(0)) counts[c] = (counts[c] ?? 0) + 1;
    return counts;
  });
  // The tag list (with its counts) is a third view a task write can change, shown once
  // the profile has tasks: it may be read, but once at most, like the list and counts.
  expect(counts['listTags'] ?? 0).toBeLessThanOrEqual(1);
  delete counts['listTags'];
  return counts;
}

const row = (page: Page, title: string) => page.getByTestId('task-row').filter({ hasText: title });

async function openTasks(page: Page) {
  await page.getByTestId('nav-tasks').click();
  await expect(page.getByTestId('task-quick-add-input')).toBeVisible();
}

test('one read of the list and one of the counts per task written, in the writing window and in the other', async () => {
  const a = await harness.openWindow();
  await steps.createProfile(a, 'Reads');
  await expect(steps.shellName(a)).toHaveText('Reads', OPEN);
  await openTasks(a);
  const b = await harness.openWindow();
  await steps.unlock(b, 'Reads');
  await expect(steps.shellName(b)).toHaveText('Reads', OPEN);
  await openTasks(b);
  await countCalls(a);
  await countCalls(b);

  // Add a task (the quick add).
  const input = a.getByTestId('task-quick-add-input');
  await input.fill('Water the plants');
  await input.press('Enter');
  await expect(row(a, 'Water the plants')).toBeVisible();
  await expect(row(b, 'Water the plants')).toBeVisible();
  await expect(a.getByTestId('task-filter-all')).toContainText('1');
  await expect(b.getByTestId('task-filter-all')).toContainText('1');
  expect(await callsSinceLastLook(a)).toEqual({ createTask: 1, listTasks: 1, taskCounts: 1 });
  expect(await callsSinceLastLook(b)).toEqual({ listTasks: 1, taskCounts: 1 });

  // Complete it (an update: the answer patches the row, the push refreshes).
  await row(a, 'Water the plants').getByTestId('task-toggle').click();
  await expect(a.getByTestId('task-filter-done')).toContainText('1');
  await expect(b.getByTestId('task-filter-done')).toContainText('1');
  expect(await callsSinceLastLook(a)).toEqual({ updateTask: 1, listTasks: 1, taskCounts: 1 });
  expect(await callsSinceLastLook(b)).toEqual({ listTasks: 1, taskCounts: 1 });

  // Move it to the Trash.
  await row(a, 'Water the plants').getByTestId('task-open').click();
  await a.getByTestId('task-delete').click();
  await expect(a.getByTestId('task-row')).toHaveCount(0);
  await expect(b.getByTestId('task-row')).toHaveCount(0);
  const deleted = await callsSinceLastLook(a);
  expect(deleted.listTasks).toBe(1);
  expect(deleted.taskCounts).toBe(1);
  expect(await callsSinceLastLook(b)).toEqual({ listTasks: 1, taskCounts: 1 });
  await screenshot(a, 'reads-per-action-tasks');
});

test('one read of the note list per note created', async () => {
  const page = await harness.openWindow();
  await steps.createProfile(page, 'Notes');
  await expect(steps.shellName(page)).toHaveText('Notes', OPEN);
  await page.getByTestId('nav-notes').click();
  await expect(page.getByTestId('notes-empty')).toBeVisible();
  await countCalls(page);

  await page.getByTestId('note-new').click();
  await expect(page.getByTestId('note-title')).toBeFocused();
  await expect(page.getByTestId('note-item')).toHaveCount(1);
  const calls = await callsSinceLastLook(page);
  expect(calls.createNote).toBe(1);
  expect(calls.listNotes).toBe(1);
  await screenshot(page, 'reads-per-action-notes');
});
