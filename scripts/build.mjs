// Builds everything into build/: the Node side with tsc, the two preloads with esbuild,
// the renderer with Vite. Runs from `npm ci` (via `prepare`), so steps whose entry file
// another engineer has not written yet are skipped with a note instead of failing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build');
const RENDERER_BUDGET_KB = 250;

async function step(name, fn) {
  const start = performance.now();
  let note;
  try {
    note = await fn();
  } catch (e) {
    fail(`${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const ms = Math.round(performance.now() - start);
  console.log(`build: ${name.padEnd(18)} ${String(ms).padStart(6)} ms${note ? `  ${note}` : ''}`);
}

function fail(message) {
  console.error(`build: FAILED — ${message}`);
  process.exit(1);
}

function typescript(project = 'tsconfig.node.json') {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', project, '--pretty'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) fail(`tsc -p ${project} reported errors`);
}

async function bundle(entry, outfile, options) {
  if (!existsSync(join(root, entry))) return `skipped: ${entry} does not exist yet`;
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(root, entry)],
    outfile: join(root, outfile),
    bundle: true,
    target: 'es2023',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: root,
    ...options,
  });
  return `→ ${outfile}`;
}

async function renderer() {
  if (!existsSync(join(root, 'vite.config.ts'))) return 'skipped: vite.config.ts does not exist yet';
  const vite = await import('vite');
  const outDir = join(out, 'renderer');
  // outDir is pinned here (absolute, so a `root: 'renderer'` in the config cannot move it):
  // main.ts, the e2e harness and the size budget below all read build/renderer.
  await vite.build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const kb = initialJsGzipBytes(outDir) / 1024;
  console.log(`renderer initial JS: ${kb.toFixed(1)} KB gzip (budget ${RENDERER_BUDGET_KB} KB)`);
  // The lazy chunks (the analysis screen with its SQL editor, …): loaded when first opened.
  for (const { name, bytes } of lazyJsChunks(outDir)) console.log(`renderer lazy chunk ${name}: ${(bytes / 1024).toFixed(1)} KB gzip`);
  if (kb > RENDERER_BUDGET_KB) fail(`renderer initial JS is over its ${RENDERER_BUDGET_KB} KB gzip budget`);
  return `→ ${relative(root, outDir)}`;
}

/** JS chunks index.html does not load up front, with their gzip sizes. */
function lazyJsChunks(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const assets = join(outDir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js') && !html.includes(`assets/${f}`))
    .map((f) => ({ name: f.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js'), bytes: gzipSync(readFileSync(join(assets, f)), { level: 9 }).length }));
}

/** The entry script(s) and the chunks they statically import (modulepreload): what a first paint waits for. */
function initialJsGzipBytes(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const urls = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isEntry = /^<script/.test(tag) && /type=["']module["']/.test(tag);
    const isPreload = /^<link/.test(tag) && /rel=["']modulepreload["']/.test(tag);
    const url = tag.match(/\b(?:src|href)=["']([^"']+)["']/)?.[1];
    if ((isEntry || isPreload) && url && !/^(https?:)?\/\//.test(url)) urls.add(url.replace(/^\.?\//, ''));
  }
  if (urls.size === 0) fail('build/renderer/index.html references no module script');
  let bytes = 0;
  for (const url of urls) bytes += gzipSync(readFileSync(join(outDir, url)), { level: 9 }).length;
  return bytes;
}

const total = performance.now();
// build/native holds the Electron-ABI better-sqlite3 (scripts/build-electron-native.mjs),
// which takes minutes to rebuild: keep it.
await step('clean', () => {
  for (const entry of existsSync(out) ? readdirSync(out) : []) {
    if (entry !== 'native') rmSync(join(out, entry), { recursive: true, force: true });
  }
});
await step('tsc (node side)', () => typescript());
// The `enclave` command and the profile host, each bundled from the compiled JS above
// (scripts/bundle-entries.mjs says why): bin/enclave.js and APP_ENTRIES.profileHost load these.
await step('bundle entries', async () => (await import('./bundle-entries.mjs')).bundleEntries(root));
// The renderer's pure modules and their tests, for node:test (into build/testing/).
await step('tsc (web tests)', () => typescript('tsconfig.web-tests.json'));
// A sandboxed preload can only require('electron'): shared/ and zod are bundled in.
await step('preload', () =>
  bundle('electron/preload/preload.ts', 'build/preload/preload.cjs', {
    format: 'cjs',
    platform: 'node',
    minify: true, // zod comes along with the contract; keep the preload small
    external: ['electron'],
  }),
);
// Injected into the page by the Chromium e2e harness in place of the Electron preload.
await step('harness preload', () =>
  bundle('e2e/harness/harness-preload.ts', 'build/e2e/harness-preload.js', { format: 'iife', platform: 'browser' }),
);
await step('renderer (vite)', renderer);
console.log(`build: done in ${((performance.now() - total) / 1000).toFixed(1)} s`);
