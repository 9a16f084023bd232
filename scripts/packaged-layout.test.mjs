// What `npm run dist` packs, proven without the Electron binary (none can be downloaded
// offline): electron-builder itself runs `--linux dir` with our electron-builder.yml on a
// copy of the project, against a stand-in Electron distribution whose "binary" carries only
// the fuse wire. So the file list, the asar/unpacked split and the fuses below are the real
// packer's, not a re-implementation of its globs. Needs `npm run build` first (the unit run does).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// electron-builder's own copies: its YAML reader, its glob matcher, the asar reader.
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json', { paths: [path.dirname(require.resolve('electron-builder/package.json'))] }));
const yaml = builderRequire('js-yaml');
const { minimatch } = builderRequire('minimatch');
const asar = require('@electron/asar');
const { APP_ENTRIES } = await import('../build/electron/core/shell/app-entries.js');

const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// @electron/fuses' wire order (FuseV1Options) and the states Electron ships with.
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];
const ELECTRON_DEFAULT_WIRE = '10110001';
// The security decision, stated here rather than read back from the config under test.
const EXPECTED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};
/** Test kits, by folder and by name, wherever they sit in build/. */
const TEST_KIT = [/^build\/(e2e|bench)\//, /\/testing\//, /\.test\.[^/]*$/, /\/test-[^/]*$/, /-stand-in\.[^/]*$/];

let work;
let resources;
/** better-sqlite3's Node build in node_modules (what `npm test` loads), before and after packing. */
const nodeSqlite = require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
const digest = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
let nodeSqliteBefore;
/** Every file in app.asar, relative and with forward slashes → whether it is unpacked. */
const packed = new Map();

function walkHeader(node, prefix) {
  for (const [name, entry] of Object.entries(node.files ?? {})) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (entry.files) walkHeader(entry, rel);
    else packed.set(rel, entry.unpacked === true);
  }
}

before(() => {
  assert.ok(fs.existsSync(path.join(root, APP_ENTRIES.main)), 'run `npm run build` first');
  nodeSqliteBefore = digest(nodeSqlite);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-packaged-layout-'));
  const project = path.join(work, 'project');
  fs.mkdirSync(project);
  for (const entry of ['electron-builder.yml', 'resources', 'build']) {
    fs.cpSync(path.join(root, entry), path.join(project, entry), { recursive: true });
  }
  // The Electron-ABI better-sqlite3 cannot be built offline: when it is missing, a stand-in
  // file in the copy shows where the packer puts it (the real one lands at the same path).
  const electronSqlite = path.join(project, 'build/native/electron/better_sqlite3.node');
  if (!fs.existsSync(electronSqlite)) {
    fs.mkdirSync(path.dirname(electronSqlite), { recursive: true });
    fs.writeFileSync(electronSqlite, 'stand-in');
  }
  // electron-builder's traversal collector resolves production dependencies like Node does,
  // so it works whether node_modules is a directory or (as in our worktrees) a symlink,
  // where `npm ls` lists nothing (a junction on Windows needs no privileges); `npm run dist`
  // in a checkout uses npm's own list.
  fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules')), path.join(project, 'node_modules'), 'junction');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ ...pkg, packageManager: 'traversal' }, null, 2));

  const dist = path.join(work, 'electron-dist');
  fs.mkdirSync(path.join(dist, 'resources'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'electron'), `stand-in ${FUSE_SENTINEL}\u0001\u0008${ELECTRON_DEFAULT_WIRE} end`, { mode: 0o755 });
  fs.writeFileSync(path.join(dist, 'chrome-sandbox'), '', { mode: 0o755 });
  fs.writeFileSync(path.join(dist, 'version'), require('electron/package.json').version);

  const out = path.join(work, 'out');
  const cli = path.join(path.dirname(require.resolve('electron-builder/package.json')), 'cli.js');
  const run = spawnSync(
    process.execPath,
    [cli, '--projectDir', project, '--config', 'electron-builder.yml', '--linux', 'dir', `--${process.arch}`,
      `-c.electronDist=${dist}`, `-c.directories.output=${out}`],
    { cwd: project, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
  );
  assert.equal(run.status, 0, `electron-builder failed:\n${run.stdout}\n${run.stderr}`);
  const appDir = fs.readdirSync(out).find((d) => d.endsWith('-unpacked'));
  assert.ok(appDir, `no unpacked app in ${out}`);
  resources = path.join(out, appDir, 'resources');
  walkHeader(asar.getRawHeader(path.join(resources, 'app.asar')).header, '');
});

after(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const shipped = (rel) => packed.has(rel);
const inside = (rel) => packed.get(rel) === false;
const unpackedOnDisk = (rel) => fs.existsSync(path.join(resources, 'app.asar.unpacked', rel));

test('the entries load from inside app.asar: main, preload, renderer and the profile host', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.equal(pkg.main, APP_ENTRIES.main, 'package.json main is the main entry');
  assert.ok(inside('package.json'));
  for (const [name, rel] of Object.entries(APP_ENTRIES)) assert.ok(inside(rel), `${name}: ${rel} inside app.asar`);
  const renderer = path.posix.dirname(APP_ENTRIES.renderer);
  assert.ok([...packed.keys()].some((f) => f.startsWith(`${renderer}/assets/`) && f.endsWith('.js')), 'renderer scripts');
});

test('every native addon is unpacked, DuckDB with the libraries beside its addon, SQLite with its Electron build', () => {
  const addons = [...packed.keys()].filter((f) => f.endsWith('.node'));
  for (const rel of addons) {
    assert.equal(packed.get(rel), true, `${rel} is unpacked`);
    assert.ok(unpackedOnDisk(rel), `${rel} is in app.asar.unpacked`);
  }
  assert.ok(addons.includes('build/native/electron/better_sqlite3.node'), 'the Electron build of better-sqlite3');
  assert.ok(addons.some((f) => f.startsWith('node_modules/keytar/')), 'keytar');
  const duckdbFolder = `node_modules/@duckdb/node-bindings-${process.platform}-${process.arch}/`;
  const duckdb = [...packed.keys()].filter((f) => f.startsWith(duckdbFolder));
  assert.ok(duckdb.some((f) => f.endsWith('duckdb.node')), `DuckDB's addon in ${duckdbFolder}`);
  for (const rel of duckdb) assert.ok(packed.get(rel) && unpackedOnDisk(rel), `${rel} is unpacked`);
});

test('no test kit ships: testing folders, *.test.*, test-*, stand-ins, e2e and bench builds', () => {
  const kits = [...packed.keys()].filter((f) => f.startsWith('build/') && TEST_KIT.some((re) => re.test(f)));
  assert.deepEqual(kits, []);
  // The kits this guards against do exist in the build, so the globs are what keeps them out.
  for (const rel of ['build/electron/core/testing', 'build/electron/main/testing/electron-stand-in.js', 'build/testing/renderer']) {
    assert.ok(fs.existsSync(path.join(root, rel)), `${rel} is in the build`);
  }
  assert.ok(![...packed.keys()].some((f) => f.endsWith('test_extension.node')), "better-sqlite3's test extension");
});

test('every module a shipped script loads by relative path ships too (imports, workers, addons, source maps)', () => {
  const missing = [];
  for (const rel of packed.keys()) {
    if (!rel.startsWith('build/') || !/\.(c|m)?js$/.test(rel)) continue;
    const source = fs.readFileSync(path.join(root, rel), 'utf8');
    const specifiers = [
      ...source.matchAll(/\b(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g),
      ...source.matchAll(/\bnew URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url/g),
      ...source.matchAll(/\brequire\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g),
      ...source.matchAll(/^\/\/# sourceMappingURL=(?!data:)(\S+)$/gm),
    ].map((m) => m[1]);
    for (const specifier of specifiers) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), specifier.startsWith('.') ? specifier : `./${specifier}`));
      if (!shipped(target)) missing.push(`${rel} → ${specifier}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('packing leaves the Node build of better-sqlite3 as it was: `npm test` still opens SQLite afterwards', () => {
  assert.equal(digest(nodeSqlite), nodeSqliteBefore);
  const Database = require('better-sqlite3');
  const db = new Database(':memory:');
  assert.equal(db.prepare('SELECT 1 + 1 AS two').get().two, 2);
  db.close();
});

test('the fuses are flipped on the packaged binary as stated', () => {
  const binary = fs.readFileSync(path.join(resources, '..', config.linux.executableName));
  const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]).toString('latin1');
  const states = Object.fromEntries(FUSES.map((name, i) => [name, wire[i] === '1']));
  for (const [name, enabled] of Object.entries(EXPECTED_FUSES)) assert.equal(states[name], enabled, name);
  // And the config names only fuses @electron/fuses knows: a misspelt key is silently ignored.
  for (const name of Object.keys(config.electronFuses)) assert.ok(FUSES.includes(name), `unknown fuse ${name}`);
});

test('each asarUnpack glob matches unpacked files, and each exclusion in files matches something in the build', () => {
  const unpacked = [...packed].filter(([, u]) => u).map(([f]) => f);
  for (const glob of config.asarUnpack) {
    assert.ok(unpacked.some((f) => minimatch(f, glob, { dot: true })), `asarUnpack ${glob} matches no unpacked file`);
  }
  // A file exclusion that matches nothing is a typo or a stale path (build/ only: node_modules
  // exclusions are checked above by what does not ship).
  const built = fs.readdirSync(path.join(root, 'build'), { recursive: true }).map((f) => `build/${f.split(path.sep).join('/')}`);
  for (const glob of config.files.filter((g) => g.startsWith('!build/') && g !== '!build/native/work/**')) {
    assert.ok(built.some((f) => minimatch(f, glob.slice(1), { dot: true })), `files ${glob} matches nothing in build/`);
  }
});

test('the deb installs our AppArmor profile for the installed binary, and never turns the sandbox off', () => {
  const profile = fs.readFileSync(path.join(root, config.deb.appArmorProfile), 'utf8');
  assert.match(profile, /profile "\$\{executable\}" "\/opt\/\$\{sanitizedProductName\}\/\$\{executable\}" flags=\(unconfined\) \{\s*userns,/);
  const postInstall = fs.readFileSync(path.join(root, config.deb.afterInstall), 'utf8');
  assert.match(postInstall, /APPARMOR_PROFILE_SOURCE='\/opt\/\$\{sanitizedProductName\}\/resources\/apparmor-profile'/);
  assert.match(postInstall, /apparmor_parser --replace/);
  const everything = [JSON.stringify(config), postInstall, fs.readFileSync(path.join(root, 'package.json'), 'utf8')].join('\n');
  assert.doesNotMatch(everything, /no-sandbox/);
  assert.equal(config.npmRebuild, false, 'node_modules keeps the Node build `npm test` uses');
});
