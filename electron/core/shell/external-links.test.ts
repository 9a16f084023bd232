import assert from 'node:assert/strict';
import { test } from 'node:test';
import { externalLinkToOpen, isAllowedNavigation } from './external-links.js';

test('allow-listed https links open, normalised', () => {
  assert.equal(externalLinkToOpen('https://github.com/enclave'), 'https://github.com/enclave');
  assert.equal(externalLinkToOpen('https://GITHUB.com'), 'https://github.com/');
});

test('anything else does not', () => {
  for (const url of [
    'https://github.com.evil.example/',
    'https://evil.example/?https://github.com',
    'https://user:pw@github.com/',
    'http://github.com/', // not the allow-listed origin (scheme differs)
    'https://github.com:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://enclave/index.html',
    'mailto:a@b.c',
    'not a url',
  ]) {
    assert.equal(externalLinkToOpen(url), null, url);
  }
});

test('an allow list can be passed in', () => {
  assert.equal(externalLinkToOpen('http://localhost:3000/x', ['http://localhost:3000']), 'http://localhost:3000/x');
});

test('navigation stays on the app origin', () => {
  assert.ok(isAllowedNavigation('app://enclave/index.html'));
  assert.ok(!isAllowedNavigation('https://github.com/'));
});
