// Runs Electronegativity (Doyensec's Electron security linter) over the built main
// process, preload and renderer. Fails on any finding above INFORMATIONAL that is not
// in EXCEPTIONS below, each of which says why it is acceptable.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;

/** check id → file (relative to the scanned tree) → why the finding is acceptable. */
const EXCEPTIONS = {
  OPEN_EXTERNAL_JS_CHECK: {
    'main/windows.js':
      'the URL is parsed with new URL and must match the https allowlist in electron/core/shell/external-links.ts before openExternal',
  },
  CSP_GLOBAL_CHECK: {
    'renderer/index.html':
      "the evaluator asks for review of any policy; ours allows only 'self' for scripts, styles and connections, no eval, no inline, no remote origins (see electron/core/shell/csp.ts)",
  },
};

// Scan exactly what ships: no tests, stand-ins, maps or declarations.
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-electronegativity-'));
const ships = (file) => !/\.(test\.js|map|d\.ts)$/.test(file) && !file.endsWith('electron-stand-in.js');
for (const dir of ['electron/main', 'preload', 'renderer']) {
  const from = path.join(root, 'build', dir);
  if (!fs.existsSync(from)) throw new Error(`build/${dir} is missing: run npm run build first`);
  fs.cpSync(from, path.join(stage, path.basename(dir)), { recursive: true, filter: (f) => ships(f) });
}

// Electronegativity writes its CSV with asynchronous appends that are sometimes out
// of order; a row that does not parse strictly means a garbled file, so scan again.
const ROW = /^([A-Z_]+),"([A-Z]+)","([A-Z]+)","([^"]*)","([^"]*)",/;
function scan() {
  const csv = path.join(stage, `findings-${Date.now()}.csv`);
  execFileSync(
    path.join(root, 'node_modules/.bin/electronegativity'),
    ['-i', stage, '-e', electronVersion, '-o', csv, '-v', 'false'],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  );
  const lines = fs.readFileSync(csv, 'utf8').split('\n').slice(1).filter((l) => l.trim() !== '');
  fs.rmSync(csv);
  const parsed = lines.map((line) => ROW.exec(line));
  if (parsed.some((m) => m === null)) return null;
  return parsed.map(([, check, severity, confidence, file, location]) => ({
    check,
    severity,
    confidence,
    file: path.relative(stage, file),
    location,
  }));
}
let rows = null;
for (let attempt = 1; attempt <= 3 && rows === null; attempt++) rows = scan();
if (rows === null) {
  console.error('electronegativity: its findings file could not be read three times in a row');
  process.exit(1);
}
fs.rmSync(stage, { recursive: true, force: true });

let failures = 0;
for (const r of rows) {
  const why = EXCEPTIONS[r.check]?.[r.file];
  const label = `${r.check} ${r.severity}/${r.confidence} ${r.file}:${r.location}`;
  if (r.severity === 'INFORMATIONAL') console.log(`electronegativity: info      ${label}`);
  else if (why) console.log(`electronegativity: justified ${label} — ${why}`);
  else {
    console.log(`electronegativity: FINDING   ${label}`);
    failures++;
  }
}
console.log(`electronegativity: ${rows.length} findings, ${failures} unjustified`);
process.exit(failures ? 1 : 0);
