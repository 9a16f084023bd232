// The import graph behind the layer and no-cycle lint rules: it finds a planted cycle
// (through any spelling of the paths, type-only imports too), the tree has none, and every
// source folder under electron/ belongs to a runtime layer (a new folder must pick one).
// Run: node --test scripts/import-graph.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findCycles, importGraph, layerOf, layerViolation } from './import-graph.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-import-graph-'));
after(() => fs.rmSync(fixtures, { recursive: true, force: true }));

/** A tree of files under a fresh folder; returns its path. */
function tree(name, files) {
  const dir = path.join(fixtures, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

test('a planted cycle is found, through a roundabout path and a type-only import', () => {
  const dir = tree('cycle', {
    'electron/core/a.ts': "import { b } from '../core/sub/../b.js';\nexport const a = b;\n",
    'electron/core/b.ts': "import { c } from './sub/c.js';\nexport const b = c;\n",
    'electron/core/sub/c.ts': "import type { A } from '../a.js';\nexport const c = 1 as unknown as A;\n",
    'electron/core/d.ts': "import { a } from './a.js';\nexport const d = a;\n",
  });
  const cycles = findCycles(importGraph(dir));
  assert.deepEqual(cycles, [['electron/core/a.ts', 'electron/core/b.ts', 'electron/core/sub/c.ts', 'electron/core/a.ts']]);
});

test('a file importing itself is a cycle; a diamond is not', () => {
  const self = tree('self', { 'shared/x.ts': "export * from './x.js';\n" });
  assert.deepEqual(findCycles(importGraph(self)), [['shared/x.ts', 'shared/x.ts']]);
  const diamond = tree('diamond', {
    'renderer/a.tsx': "import './b.js';\nimport './c';\n",
    'renderer/b.ts': "import './d.js';\n",
    'renderer/c.ts': "export { d } from './d.js';\n",
    'renderer/d.ts': 'export const d = 1;\n',
  });
  assert.deepEqual(findCycles(importGraph(diamond)), []);
});

test('the tree has no import cycles', () => {
  const cycles = findCycles(importGraph(root));
  assert.deepEqual(cycles.map((c) => c.join(' → ')), []);
});

test('every source folder under electron/ belongs to a runtime layer', () => {
  const folders = fs.readdirSync(path.join(root, 'electron'), { withFileTypes: true }).filter((e) => e.isDirectory());
  const outside = folders.map((e) => `electron/${e.name}/x.ts`).filter((f) => !layerOf(f));
  assert.deepEqual(outside, []);
});

test('layer directions on resolved paths', () => {
  assert.match(layerViolation('electron/host/a.ts', 'electron/main/b.ts') ?? '', /must not import electron\/main/);
  assert.match(layerViolation('electron/core/a.ts', 'electron/host/b.ts') ?? '', /must not import electron\/host/);
  assert.equal(layerViolation('electron/host/a.ts', 'electron/core/storage/b.ts'), undefined);
  assert.equal(layerViolation('renderer/a.ts', 'shared/b.ts'), undefined);
  // Outside every layer (scripts, e2e) the rule has nothing to say.
  assert.equal(layerViolation('e2e/a.ts', 'electron/main/b.ts'), undefined);
});
