import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { mimeTypeOf, resolveStaticFile } from './static-files.js';

function fixture() {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-static-')));
  const root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'app-1.js'), '');
  fs.writeFileSync(path.join(root, 'assets', 'app-1.css'), '');
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), '');
  fs.writeFileSync(path.join(root, '.env'), 'SECRET=1');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  return { base, root };
}

test('serves files of the build with their MIME type; / is index.html', () => {
  const { root } = fixture();
  assert.deepEqual(resolveStaticFile(root, '/'), { path: path.join(root, 'index.html'), mimeType: 'text/html; charset=utf-8' });
  assert.deepEqual(resolveStaticFile(root, '/index.html'), { path: path.join(root, 'index.html'), mimeType: 'text/html; charset=utf-8' });
  assert.equal(resolveStaticFile(root, '/assets/app-1.js')?.mimeType, 'text/javascript; charset=utf-8');
  assert.equal(resolveStaticFile(root, '/assets/app-1.css')?.mimeType, 'text/css; charset=utf-8');
  assert.equal(resolveStaticFile(root, '/assets/font.woff2')?.mimeType, 'font/woff2');
  assert.equal(resolveStaticFile(root, '//assets//app-1.js')?.path, path.join(root, 'assets', 'app-1.js'));
});

test('refuses traversal in every spelling, dotfiles, directories, missing files and symlinks out', () => {
  const { root } = fixture();
  for (const pathname of [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/%2fetc%2fpasswd',
    `/${encodeURIComponent(path.join(root, '..', 'secret.txt'))}`,
    '/index.html%00.js',
    '/%E0%A4%A',
    '/.env',
    '/assets',
    '/assets/',
    '/missing.js',
    '/assets/link.txt',
  ]) {
    assert.equal(resolveStaticFile(root, pathname), null, pathname);
  }
});

test('unknown extensions are served as opaque bytes', () => {
  assert.equal(mimeTypeOf('x.unknown'), 'application/octet-stream');
  assert.equal(mimeTypeOf('X.SVG'), 'image/svg+xml');
});
