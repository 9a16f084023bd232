import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './csp.js';

const directives = () =>
  new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name!, values] as const;
  }));

test('the CSP is the strict policy, directive by directive', () => {
  assert.deepEqual(Object.fromEntries(directives()), {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'none'"],
  });
});

test('the CSP allows no eval, no inline script and no remote origin', () => {
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-eval|wasm-unsafe-eval|https?:|\*|blob:/);
  assert.deepEqual(directives().get('script-src'), ["'self'"]);
});

test('the security headers carry the CSP and forbid sniffing', () => {
  assert.equal(SECURITY_HEADERS['content-security-policy'], CONTENT_SECURITY_POLICY);
  assert.equal(SECURITY_HEADERS['x-content-type-options'], 'nosniff');
  assert.ok(Object.isFrozen(SECURITY_HEADERS));
});
