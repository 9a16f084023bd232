import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitStatements, statementAt } from './statement-at.js';

/** The statement at the position of '|' in `marked` (the bar removed). */
function at(marked: string): string | null {
  const cursor = marked.indexOf('|');
  return statementAt(marked.slice(0, cursor) + marked.slice(cursor + 1), cursor)?.text ?? null;
}

test('the statement the cursor is in runs, whichever of several', () => {
  assert.equal(at('SELECT 1;\nSELECT |2;\nSELECT 3'), 'SELECT 2');
  assert.equal(at('|SELECT 1;\nSELECT 2'), 'SELECT 1');
  assert.equal(at('SELECT 1;\nSELECT 2;\nSEL|ECT 3'), 'SELECT 3');
  assert.equal(at('SELECT 1;\nSELECT 2;\nSELECT 3|'), 'SELECT 3');
});

test('right after a ";" and in the blank lines after it, the statement just ended runs', () => {
  assert.equal(at('SELECT 1;|\nSELECT 2'), 'SELECT 1');
  assert.equal(at('SELECT 1;  |\nSELECT 2'), 'SELECT 1');
  assert.equal(at('SELECT 1;\n\n|'), 'SELECT 1');
  assert.equal(at('SELECT 1;\n|\nSELECT 2'), 'SELECT 2');
});

test('a ";" inside strings, quoted names, comments and $$ strings does not end a statement', () => {
  assert.equal(at("SELECT 'a;b', \"c;d\" -- e;f\n, 1 /* g; /* nested; */ h; */ |FROM t; SELECT 2"), "SELECT 'a;b', \"c;d\" -- e;f\n, 1 /* g; /* nested; */ h; */ FROM t");
  assert.equal(at("SELECT $x$ a;b $x$, $$;$$, E'it\\'s;' AS |v; SELECT 2"), "SELECT $x$ a;b $x$, $$;$$, E'it\\'s;' AS v");
  assert.equal(at("SELECT 'it''s;|' ; SELECT 2"), "SELECT 'it''s;'");
});

test('offsets point into the source, whitespace trimmed, so error positions map back', () => {
  const sql = 'SELECT 1;\n\n   SELECT nope  ;';
  const s = statementAt(sql, sql.indexOf('nope'))!;
  assert.equal(s.text, 'SELECT nope');
  assert.equal(sql.slice(s.from, s.to), 'SELECT nope');
  assert.equal(s.from, sql.indexOf('SELECT nope'));
});

test('only comments or nothing is no statement; splitStatements skips empty ones', () => {
  assert.equal(statementAt('', 0), null);
  assert.equal(statementAt('  -- just a note\n', 3), null);
  assert.equal(at('-- note\n|;;SELECT 5'), 'SELECT 5');
  assert.deepEqual(
    splitStatements('SELECT 1;; -- x\n; SELECT 2').map((s) => s.text),
    ['SELECT 1', 'SELECT 2'],
  );
});

test('an unterminated string runs to the end (DuckDB reports it, the editor does not guess)', () => {
  assert.equal(at("SELECT 'open; SELECT |2"), "SELECT 'open; SELECT 2");
});
