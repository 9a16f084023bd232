import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeTag, renameInTags, suggestTags, type TagCount } from './tags.js';

describe('renameInTags', () => {
  test('renames in place', () => {
    assert.deepEqual(renameInTags(['a', 'work', 'b'], 'work', 'job'), ['a', 'job', 'b']);
  });
  test('merging onto a tag the item has keeps one', () => {
    assert.deepEqual(renameInTags(['job', 'work', 'x'], 'work', 'job'), ['job', 'x']);
    assert.deepEqual(renameInTags(['work', 'x', 'job'], 'work', 'job'), ['job', 'x']);
  });
  test('case-only renames and untouched items', () => {
    assert.deepEqual(renameInTags(['Work'], 'Work', 'work'), ['work']);
    assert.equal(renameInTags(['work'], 'Work', 'job'), null);
    assert.equal(renameInTags([], 'a', 'b'), null);
  });
});

describe('normalizeTag', () => {
  test('trims, drops #, collapses spaces', () => {
    assert.equal(normalizeTag('  #work  '), 'work');
    assert.equal(normalizeTag('##deep   work'), 'deep work');
    assert.equal(normalizeTag('   '), '');
  });
});

describe('suggestTags', () => {
  const known: TagCount[] = [
    { tag: 'work', tasks: 3, notes: 0 },
    { tag: 'homework', tasks: 9, notes: 1 },
    { tag: 'Workshop', tasks: 1, notes: 0 },
    { tag: 'travel', tasks: 0, notes: 2 },
  ];
  test('prefix matches first, then by use', () => {
    assert.deepEqual(
      suggestTags(known, 'wor', []).map((t) => t.tag),
      ['work', 'Workshop', 'homework'],
    );
  });
  test('chosen tags are left out, case-insensitively; # is ignored', () => {
    assert.deepEqual(
      suggestTags(known, '#WORK', ['work']).map((t) => t.tag),
      ['Workshop', 'homework'],
    );
  });
  test('empty input lists the most used', () => {
    assert.deepEqual(
      suggestTags(known, '', [], 2).map((t) => t.tag),
      ['homework', 'work'],
    );
  });
});
