import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_ENTRY_URL, APP_ORIGIN } from './app-origin.js';
import { isPermissionGranted, type PermissionAsk } from './permissions.js';

const ours: PermissionAsk = {
  permission: 'clipboard-sanitized-write',
  origins: [APP_ENTRY_URL],
  isMainFrame: true,
  fromOurWindow: true,
};

test('our top frame at our origin may write sanitized text to the clipboard', () => {
  assert.equal(isPermissionGranted(ours), true);
  // Checks name the origin, requests the URL; checks may add the embedding origin.
  assert.equal(isPermissionGranted({ ...ours, origins: [APP_ORIGIN] }), true);
  assert.equal(isPermissionGranted({ ...ours, origins: [APP_ORIGIN, APP_ENTRY_URL, APP_ORIGIN] }), true);
  assert.equal(isPermissionGranted({ ...ours, origins: [APP_ORIGIN, undefined] }), true);
});

test('every other permission is refused, even to our top frame', () => {
  for (const permission of [
    'clipboard-read',
    'deprecated-sync-clipboard-read',
    'media',
    'display-capture',
    'geolocation',
    'notifications',
    'openExternal',
    'fileSystem',
    'fullscreen',
    'pointerLock',
    'persistent-storage',
    'local-fonts',
    'hid',
    'usb',
    'serial',
    'unknown',
    'Clipboard-Sanitized-Write',
    'clipboard-sanitized-write ',
    '',
  ]) {
    assert.equal(isPermissionGranted({ ...ours, permission }), false, permission);
  }
});

test('other origins are refused, and one foreign origin among ours is enough to refuse', () => {
  for (const origin of [
    'app://evil',
    'app://evil/index.html',
    'app://enclave.evil/index.html',
    'app://user@enclave/index.html',
    'https://enclave/index.html',
    'https://github.com',
    'file:///index.html',
    'about:blank',
    'null',
    'data:text/html,hi',
  ]) {
    assert.equal(isPermissionGranted({ ...ours, origins: [origin] }), false, origin);
    assert.equal(isPermissionGranted({ ...ours, origins: [APP_ORIGIN, origin] }), false, `embedded in ${origin}`);
  }
  assert.equal(isPermissionGranted({ ...ours, origins: [] }), false, 'no origin given');
  assert.equal(isPermissionGranted({ ...ours, origins: [undefined, ''] }), false, 'only empty origins');
});

test('subframes and webContents that are not our windows are refused', () => {
  assert.equal(isPermissionGranted({ ...ours, isMainFrame: false }), false);
  assert.equal(isPermissionGranted({ ...ours, fromOurWindow: false }), false);
});
