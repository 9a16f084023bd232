// Journey: two profiles (one with a password), unlock, switch, lock, two windows —
// in real Chromium against the real core, databases and keychain.
import { expect, test } from '@playwright/test';
import { screenshot, startHarness, type Harness } from '../harness/harness.js';
import { createProfile, shellName, unlock } from '../profile-steps.js';

let harness: Harness;

test.beforeEach(async ({ context }, info) => {
  harness = await startHarness(context, `profiles-${info.workerIndex}`);
});
test.afterEach(async () => {
  await harness.close();
});




test('create two profiles, unlock, switch, lock; each window sees its own profile', async () => {
  const first = await harness.openWindow();
  await expect(first.getByTestId('profile-picker')).toBeVisible();
  await expect(first.getByTestId('create-profile-form')).toBeVisible(); // empty state leads with creation
  await screenshot(first, 'picker-empty');

  // A profile with a password opens at once after creation, like a browser profile.
  await createProfile(first, 'Alice', 'correct horse battery');
  await expect(shellName(first)).toHaveText('Alice');
  await expect(first.getByTestId('overview-tasks')).toContainText('0');
  await screenshot(first, 'shell-alice');

  await first.getByTestId('switch-profile-button').click();
  await expect(first.getByTestId('profile-picker')).toBeVisible();
  await createProfile(first, 'Bob');
  await expect(shellName(first)).toHaveText('Bob');

  // Names are unique ignoring case.
  await first.getByTestId('switch-profile-button').click();
  await createProfile(first, 'alice');
  await expect(first.getByTestId('create-profile-form').getByRole('alert')).toContainText('already exists');
  await screenshot(first, 'picker-create-duplicate');
  await first.getByRole('button', { name: 'Cancel' }).click();

  await expect(first.getByTestId('profile-card')).toHaveCount(2);
  await screenshot(first, 'picker-two-profiles');

  // Wrong password: a clear error and no session.
  await unlock(first, 'Alice', 'wrong password');
  await expect(first.getByTestId('error-message').first()).toContainText('Wrong password');
  await screenshot(first, 'picker-wrong-password');
  await first.getByLabel('Password for Alice').fill('correct horse battery');
  await first.getByTestId('unlock-submit').click();
  await expect(shellName(first)).toHaveText('Alice');

  // A second window holds another profile at the same time.
  const second = await harness.openWindow();
  await expect(second.getByTestId('profile-picker')).toBeVisible();
  await unlock(second, 'Bob');
  await expect(shellName(second)).toHaveText('Bob');
  await expect(shellName(first)).toHaveText('Alice');
  await screenshot(second, 'second-window-bob');

  // Locking one window leaves the other untouched.
  await first.getByTestId('lock-button').click();
  await expect(first.getByTestId('locked-notice')).toBeVisible();
  await expect(first.getByTestId('profile-picker')).toBeVisible();
  await screenshot(first, 'picker-after-lock');
  const overview = await second.evaluate(() => window.api.profileOverview());
  expect(overview.ok && overview.value.name).toBe('Bob');

  // The locked window can read nothing.
  const locked = await first.evaluate(() => window.api.profileOverview());
  expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
});

test('throttles repeated wrong passwords with a countdown', async () => {
  const page = await harness.openWindow();
  await createProfile(page, 'Carol', 'the right password');
  await expect(shellName(page)).toHaveText('Carol');
  await page.getByTestId('switch-profile-button').click();
  await page.getByRole('button', { name: 'Carol', exact: true }).click();
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Password for Carol').fill(`wrong ${i}`);
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('error-message').first()).toBeVisible();
  }
  await expect(page.getByTestId('error-message').first()).toContainText(/try again in \d+ s/);
  await expect(page.getByTestId('unlock-submit')).toBeDisabled();
  await screenshot(page, 'picker-throttled');
});

// Plain Chromium never has Node, so "no Node in the renderer" is checked where it can fail:
// e2e/electron/journey.spec.ts. Here: the bridge is only the contract, and the CSP the app
// serves is in force (no eval, no inline script, no script from elsewhere).
test('the bridge is only the contract, and the served CSP blocks eval and injected scripts', async () => {
  const page = await harness.openWindow();
  const surface = await page.evaluate(async () => {
    // Code run by page.evaluate itself may eval (DevTools' Runtime.evaluate is exempt from
    // the CSP's eval check), so the eval is tried from a task of the page's own.
    const evalResult = await new Promise<string>((resolve) =>
      setTimeout(() => {
        try {
          (0, eval)('1');
          resolve('ran');
        } catch (e) {
          resolve((e as Error).name);
        }
      }, 0),
    );
    const w = window as unknown as { __inlineRan?: boolean };
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true';
    document.head.append(inline);
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }),
    );
    const remote = document.createElement('script');
    remote.src = 'https://evil.example/x.js';
    document.head.append(remote);
    return { api: Object.keys(window.api).sort(), evalResult, inlineRan: w.__inlineRan === true, violation: await violation };
  });
  const { CHANNEL_NAMES, EVENT_NAMES, eventMethodName } = await import('../../build/shared/contract.js');
  expect(surface.api).toEqual([...CHANNEL_NAMES, ...EVENT_NAMES.map(eventMethodName)].sort());
  expect(surface.evalResult).toBe('EvalError');
  expect(surface.inlineRan).toBe(false);
  expect(surface.violation).toMatch(/^script-src/);
});
