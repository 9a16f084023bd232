import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from './app-origin.js';

test('the app origin and entry URL', () => {
  assert.equal(APP_ORIGIN, 'app://enclave');
  assert.equal(APP_ENTRY_URL, 'app://enclave/index.html');
});

test('isAppUrl accepts our origin only', () => {
  for (const url of ['app://enclave/index.html', 'app://enclave/', 'app://enclave/assets/x.js?v=1#top']) assert.ok(isAppUrl(url), url);
  for (const url of [
    'app://evil/index.html',
    'app://enclave.evil/index.html',
    'app://enclave:8080/index.html',
    'app://user@enclave/index.html',
    'https://enclave/index.html',
    'file:///index.html',
    'about:blank',
    'not a url',
    '',
  ]) {
    assert.ok(!isAppUrl(url), url);
  }
});
