import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { respondToAppRequest } from './app-protocol.js';
import { CONTENT_SECURITY_POLICY } from './csp.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-protocol-'));
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><p>hi');

test('every answer carries the CSP, whatever its status', async () => {
  const cases: Array<[string, string, number]> = [
    ['GET', 'app://enclave/index.html', 200],
    ['HEAD', 'app://enclave/index.html', 200],
    ['GET', 'app://enclave/nope.js', 404],
    ['GET', 'app://enclave/%2e%2e/%2e%2e/etc/passwd', 404],
    ['GET', 'app://other/index.html', 404],
    ['PUT', 'app://enclave/index.html', 405],
  ];
  for (const [method, url, status] of cases) {
    const response = await respondToAppRequest(root, { method, url });
    assert.equal(response.status, status, `${method} ${url}`);
    assert.equal(response.headers['content-security-policy'], CONTENT_SECURITY_POLICY, `${method} ${url}`);
  }
});

test('a file comes with its type and body; HEAD without the body', async () => {
  const get = await respondToAppRequest(root, { method: 'GET', url: 'app://enclave/index.html' });
  assert.equal(get.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(Buffer.from(get.body as Uint8Array).toString(), '<!doctype html><p>hi');
  const head = await respondToAppRequest(root, { method: 'HEAD', url: 'app://enclave/index.html' });
  assert.equal(head.body, null);
});
