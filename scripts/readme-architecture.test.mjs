// The README's architecture picture names the folders as they are (issue 15 item 8): every
// folder of shared/, electron/ and renderer/ down to a feature's folder appears in it, and
// every folder in its table of feature slices exists. Deeper folders (a feature's own
// sub-folders) are the feature's business.
// Run: node --test scripts/readme-architecture.test.mjs
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Architecture'), readme.indexOf('\n## ', readme.indexOf('## Architecture') + 1));
const picture = section.slice(section.indexOf('```'), section.indexOf('```', section.indexOf('```') + 3));

/** Folders holding tracked or new source files, at most `depth` segments deep. */
function folders(depth) {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'shared', 'electron', 'renderer'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && existsSync(path.join(root, f)));
  const out = new Set();
  for (const f of files) {
    const parts = f.split('/').slice(0, -1);
    for (let i = 1; i <= Math.min(depth, parts.length); i++) out.add(parts.slice(0, i).join('/'));
  }
  return [...out].sort();
}

test('the picture names every folder of shared/, electron/ and renderer/ down to a feature', () => {
  const missing = folders(3).filter((dir) => !picture.includes(`${dir.split('/').at(-1)}/`));
  assert.deepEqual(missing, [], `add these folders to README.md's architecture picture: ${missing.join(', ')}`);
});

test('every folder in the table of feature slices exists', () => {
  const table = section.slice(section.indexOf('| feature'));
  const rows = table.split('\n').filter((l) => l.startsWith('|')).slice(2);
  assert.ok(rows.length >= 9, 'the table lists the features');
  const bases = ['shared', 'electron/host', 'electron/core', 'renderer/features'];
  const absent = [];
  for (const row of rows) {
    const cells = row.split('|').slice(2, -1);
    cells.forEach((cell, i) => {
      for (const [, rel] of cell.matchAll(/`([^`]+)`/g)) {
        const full = path.join(root, bases[i], rel);
        if (!existsSync(full) || (rel.endsWith('/') && !statSync(full).isDirectory())) absent.push(`${bases[i]}/${rel}`);
      }
    });
  }
  assert.deepEqual(absent, []);
});
