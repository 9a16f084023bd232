// Builds better-sqlite3 for Electron's ABI into build/native/electron/, beside (not
// instead of) the Node build that `npm test` uses, so one checkout runs both.
// Runs before `npm start` and `npm run dist`; skipped when the build for this
// Electron version is already there. Needs network access the first time (Electron
// headers or a prebuilt binary), like Electron itself.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const outDir = path.join(root, 'build/native/electron');
const stamp = path.join(outDir, 'electron-version.txt');
const target = path.join(outDir, 'better_sqlite3.node');

if (fs.existsSync(target) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === electronVersion) {
  console.log(`better-sqlite3 for Electron ${electronVersion}: up to date`);
  process.exit(0);
}

const work = path.join(root, 'build/native/work');
fs.rmSync(work, { recursive: true, force: true });
const pkgDir = path.dirname(require.resolve('better-sqlite3/package.json'));
fs.cpSync(pkgDir, work, { recursive: true, filter: (src) => path.relative(pkgDir, src).split(path.sep)[0] !== 'build' });
const run = (cmd, args) => execFileSync(cmd, args, { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } });
const bin = (name) => path.join(root, 'node_modules/.bin', name);
try {
  // A prebuilt Electron binary when one is published, else a source build against Electron's headers.
  run(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]);
} catch {
  try {
    run(bin('node-gyp'), [
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
  } catch {
    console.error(`error: could not build better-sqlite3 for Electron ${electronVersion} (no prebuilt binary and no Electron headers: network access is needed once)`);
    // The scratch copy only; node_modules was never touched (the build runs in the copy).
    fs.rmSync(work, { recursive: true, force: true });
    process.exit(1);
  }
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(path.join(work, 'build/Release/better_sqlite3.node'), target);
fs.writeFileSync(stamp, electronVersion);
fs.rmSync(work, { recursive: true, force: true });
console.log(`better-sqlite3 for Electron ${electronVersion}: ${path.relative(root, target)}`);
