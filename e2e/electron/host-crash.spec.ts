// Journey in the real Electron app: each unlocked profile runs in its own utility
// process. Killing Alice's (as a crash or the OOM killer would) shows "Alice stopped —
// Reopen" in her window only; Bob's window keeps working; Reopen brings Alice back.
// Needs the Electron binary; where it is missing the spec reports itself skipped.
import { expect, test } from '@playwright/test';
import { addTask, createProfile, shellName } from '../profile-steps.js';
import { electronSpec, screenshot, type LaunchedApp } from './electron-app.js';

const spec = electronSpec();

/** The pids of the profile host utility processes, oldest first (Electron's own process metrics). */
async function hostPids(app: LaunchedApp['app']): Promise<number[]> {
  return app.evaluate(({ app: electronApp }) =>
    electronApp
      .getAppMetrics()
      .filter((m) => m.type === 'Utility' && (m.serviceName === 'enclave-profile-host' || m.name === 'enclave-profile-host'))
      .sort((a, b) => a.creationTime - b.creationTime)
      .map((m) => m.pid),
  );
}

test("a profile host utility process that dies: its window shows 'stopped — Reopen', the other window carries on", async () => {
  const launched = await spec.launch();
  const app = launched.app;
  const first = await app.firstWindow();
  await createProfile(first, 'Alice');
  await expect(shellName(first)).toHaveText('Alice');
  await addTask(first, 'Alice before the crash');
  const [alicePid] = await hostPids(app);
  expect(alicePid).toBeGreaterThan(0);

  const [second] = await Promise.all([
    app.waitForEvent('window'),
    app.evaluate(({ Menu }) => {
      const file = Menu.getApplicationMenu()?.items.find((i) => i.label === 'File');
      file?.submenu?.items.find((i) => i.label === 'New Window')?.click();
    }),
  ]);
  await createProfile(second, 'Bob');
  await expect(shellName(second)).toHaveText('Bob');
  expect((await hostPids(app)).length).toBe(2);

  process.kill(alicePid!, 'SIGKILL');
  const stopped = first.getByTestId('profile-stopped');
  await expect(stopped).toContainText('Alice stopped');
  await screenshot(first, 'electron-profile-stopped');
  await expect(second.getByTestId('profile-stopped')).toHaveCount(0);
  await addTask(second, 'Bob after the crash');

  await stopped.getByRole('button', { name: 'Reopen' }).click();
  await expect(shellName(first)).toHaveText('Alice');
  await first.getByTestId('nav-tasks').click();
  await expect(first.getByText('Alice before the crash', { exact: true })).toBeVisible();
  expect((await hostPids(app)).includes(alicePid!)).toBe(false);
});
