// Journey in the real Electron app: two profiles (one with a password), unlock, lock,
// unlock, switch — through the real preload, app:// protocol, IPC and core.
// Needs the Electron binary; where it is missing the spec reports itself skipped.
import { expect, test, type Page } from '@playwright/test';
import { createProfile, shellName } from '../profile-steps.js';
import { electronSpec, screenshot, type LaunchedApp } from './electron-app.js';

const spec = electronSpec();

let launched: LaunchedApp;
test.beforeEach(async () => {
  launched = await spec.launch();
});


const card = (page: Page, name: string) => page.locator(`[data-testid="profile-card"][data-profile-name="${name}"]`);

test('two profiles, unlock, lock, unlock, switch', async () => {
  const page = await launched.app.firstWindow();
  await expect(page.getByTestId('profile-picker')).toBeVisible();
  await expect(page.getByTestId('create-profile-form')).toBeVisible();
  await screenshot(page, 'picker-empty');

  // A new profile opens straight away.
  await createProfile(page, 'Alice', 'correct horse battery');
  await expect(page.getByTestId('profile-shell')).toBeVisible();
  await expect(shellName(page)).toHaveText('Alice');
  await screenshot(page, 'shell-alice');

  await page.getByTestId('switch-profile-button').click();
  await createProfile(page, 'Bob');
  await expect(shellName(page)).toHaveText('Bob');

  // Lock, then unlock the password-protected profile (a wrong password first).
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('profile-picker')).toBeVisible();
  await expect(page.getByTestId('profile-card')).toHaveCount(2);
  await screenshot(page, 'picker-two-profiles');
  await card(page, 'Alice').getByRole('button', { name: 'Alice', exact: true }).click();
  await page.getByTestId('unlock-password').fill('wrong password');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('error-message').first()).toBeVisible();
  await screenshot(page, 'picker-wrong-password');
  await page.getByTestId('unlock-password').fill('correct horse battery');
  await page.getByTestId('unlock-submit').click();
  await expect(shellName(page)).toHaveText('Alice');

  // Switch to the profile without a password.
  await page.getByTestId('switch-profile-button').click();
  await expect(page.getByTestId('profile-picker')).toBeVisible();
  await card(page, 'Bob').getByRole('button', { name: 'Bob', exact: true }).click();
  await expect(shellName(page)).toHaveText('Bob');
  await screenshot(page, 'shell-bob-after-switch');
});

test('the page gets no Node, window.api is only the contract, and app:// answers with the CSP', async () => {
  const page = await launched.app.firstWindow();
  await expect(page.getByTestId('profile-picker')).toBeVisible();
  const surface = await page.evaluate(async () => {
    const w = window as unknown as { require?: unknown; process?: unknown; api: Record<string, unknown> };
    const missing = await fetch('app://enclave/no-such-file.js');
    return {
      require: typeof w.require,
      process: typeof w.process,
      api: Object.keys(w.api).sort(),
      origin: location.origin,
      missing: { status: missing.status, csp: missing.headers.get('content-security-policy') },
    };
  });
  expect(surface.require).toBe('undefined');
  expect(surface.process).toBe('undefined');
  expect(surface.origin).toBe('app://enclave');
  const { CHANNEL_NAMES, EVENT_NAMES, eventMethodName } = await import('../../build/shared/contract.js');
  expect(surface.api).toEqual([...CHANNEL_NAMES, ...EVENT_NAMES.map(eventMethodName)].sort());
  const { CONTENT_SECURITY_POLICY } = await import('../../build/electron/core/shell/csp.js');
  expect(surface.missing).toEqual({ status: 404, csp: CONTENT_SECURITY_POLICY });

  // window.open never yields a second window.
  await page.evaluate(() => window.open('https://evil.example/', '_blank'));
  await page.waitForTimeout(300);
  expect(launched.app.windows()).toHaveLength(1);
});
