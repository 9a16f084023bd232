// A feature's error words: its own title and hint for the codes it names, its general title
// and no hint for any other code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppError } from '../../shared/errors.js';
import { errorWords } from './error-words.js';

const words = errorWords({ NOT_FOUND: 'Not there' }, { NOT_FOUND: 'Look elsewhere.' }, 'Something went wrong');
const error = (code: AppError['code']) => ({ code, message: 'm' }) as AppError;

test('a named code reads its own title and hint', () => {
  assert.equal(words.title(error('NOT_FOUND')), 'Not there');
  assert.equal(words.hint(error('NOT_FOUND')), 'Look elsewhere.');
});

test('any other code reads the general title and no hint', () => {
  assert.equal(words.title(error('DISK_FULL')), 'Something went wrong');
  assert.equal(words.hint(error('DISK_FULL')), null);
});
