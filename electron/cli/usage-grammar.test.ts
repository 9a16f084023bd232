// The usage line is the grammar the dispatcher parses with: each form of it a case here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseUsage } from './usage-grammar.js';

test('the path is the lowercase words after enclave; capitals are positionals', () => {
  assert.deepEqual(parseUsage('enclave profile rename NAME NEW_NAME [--password-stdin]'), {
    path: ['profile', 'rename'],
    positionals: ['NAME', 'NEW_NAME'],
    flags: {},
  });
  assert.deepEqual(parseUsage('enclave migrate-legacy FILE'), { path: ['migrate-legacy'], positionals: ['FILE'], flags: {} });
});

test('an option takes a value written in its own bracket group; a switch stands alone or before another option', () => {
  assert.deepEqual(parseUsage('enclave event add --profile NAME TITLE --start ISO [--all-day] [--reminder MINUTES] [--json]').flags, {
    start: 'string',
    'all-day': 'boolean',
    reminder: 'string',
  });
  assert.deepEqual(parseUsage('enclave ai set --url URL [--key-stdin] [--sample-rows N]').flags, {
    url: 'string',
    'key-stdin': 'boolean',
    'sample-rows': 'string',
  });
  // A bracketed switch before a positional: the positional is not its value.
  assert.deepEqual(parseUsage('enclave x [--force] NAME'), { path: ['x'], positionals: ['NAME'], flags: { force: 'boolean' } });
  // A switch followed by a nested group: the group is not its value.
  assert.deepEqual(parseUsage('enclave profile usage [--json] [--rows [--profile NAME --password-stdin]]').flags, { rows: 'boolean' });
  // Choices as the value, and switches offered as alternatives.
  assert.deepEqual(parseUsage('enclave export (--table T | --sql SQL) [--format csv|parquet] [--replace|--append]').flags, {
    table: 'string',
    sql: 'string',
    format: 'string',
    replace: 'boolean',
    append: 'boolean',
  });
});

test('global options are not the command’s own; their values are not positionals', () => {
  const g = parseUsage('enclave task done --profile NAME ID [--data-dir DIR] [--json]');
  assert.deepEqual(g, { path: ['task', 'done'], positionals: ['ID'], flags: {} });
});

test('FILE.ics is the positional FILE', () => {
  assert.deepEqual(parseUsage('enclave event import --profile NAME FILE.ics [--json]').positionals, ['FILE']);
});

test('a positional is optional when bracketed or missing from one of the forms; the others stay required', () => {
  assert.deepEqual(parseUsage('enclave x SQL [LIMIT]'), { path: ['x'], positionals: ['SQL', 'LIMIT'], minPositionals: 1, flags: {} });
  const forms = parseUsage(['enclave import --profile NAME FILE [--table T]', '       enclave import --profile NAME --refresh TABLE'].join('\n'));
  assert.deepEqual(forms, { path: ['import'], positionals: ['FILE'], minPositionals: 0, flags: { table: 'string', refresh: 'string' } });
});

test('a usage that does not start with enclave, or forms naming other commands, are refused', () => {
  assert.throws(() => parseUsage('task add TITLE'), /start with "enclave"/);
  assert.throws(() => parseUsage('enclave task add TITLE\nenclave note add TITLE'), /same command/);
});
