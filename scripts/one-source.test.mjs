// One source for every limit that crosses a layer: the renderer and the CLI take the
// numbers the channels enforce from shared/, never a copy that drifts (a form that let
// 600 characters through a channel capped at 500 answered VALIDATION after the person typed).
// Run: node --test scripts/one-source.test.mjs
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = (dir, pattern) =>
  execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', dir], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => pattern.test(f) && !/\.test\.tsx?$/.test(f) && fs.existsSync(path.join(root, f)));

/** `file:line  text` for each line of the files that matches. */
function hits(files, regex) {
  return files.flatMap((file) =>
    fs
      .readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (regex.test(line) ? [`${file}:${i + 1}  ${line.trim()}`] : [])),
  );
}

test('form fields take their length limits from shared/, not a number', () => {
  assert.deepEqual(hits(sources('renderer', /\.tsx$/), /\b(maxLength|minLength)=\{\s*\d/), []);
});

test('no second page size or row cap for results: RESULT_PAGE_ROWS and MAX_PAGE_ROWS live in shared/analysis/analytics.ts', () => {
  const code = [...sources('renderer', /\.tsx?$/), ...sources('electron', /\.ts$/), ...sources('shared', /-channels\.ts$/)];
  assert.deepEqual(hits(code, /\b(PAGE_SIZE|PAGE_ROWS|MAX_PAGE_ROWS)\s*=\s*\d|\bPAGE\s*=\s*\d{3}|pageSize:\s*[1-9]|\.default\(\s*200\s*\)/), []);
});

test('each list of formats is written once (shared/analysis/analytics.ts)', () => {
  const code = [...sources('renderer', /\.tsx?$/), ...sources('electron', /\.ts$/), ...sources('shared', /\.ts$/)].filter((f) => f !== 'shared/analysis/analytics.ts');
  assert.deepEqual(hits(code, /\[\s*'csv',\s*'parquet'\s*\]|\[\s*'csv',\s*'tsv',\s*'parquet',\s*'json',\s*'ndjson'\s*\]/), []);
  assert.deepEqual(hits(code, /type ExportFormat\s*=|type ImportFormat\s*=/), []);
});
