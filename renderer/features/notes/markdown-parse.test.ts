import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBlocks, parseInline, plainText } from './markdown-parse.js';

test('blocks: headings, fences, rules, quotes, lists and paragraphs', () => {
  const source = [
    '# Plan ##',
    '',
    '```sql',
    'SELECT 1;',
    '# not a heading',
    '```',
    '***',
    '> quoted',
    '> again',
    '- [x] done',
    '- [ ] open',
    '* plain',
    '3) third',
    '4. fourth',
    'one line',
    'two line',
  ].join('\r\n');
  assert.deepEqual(parseBlocks(source), [
    { kind: 'heading', level: 1, text: 'Plan' },
    { kind: 'code', text: 'SELECT 1;\n# not a heading', lang: 'sql' },
    { kind: 'rule' },
    { kind: 'quote', lines: ['quoted', 'again'] },
    {
      kind: 'list',
      ordered: false,
      start: 1,
      items: [
        { text: 'done', checked: true },
        { text: 'open', checked: false },
        { text: 'plain', checked: null },
      ],
    },
    {
      kind: 'list',
      ordered: true,
      start: 3,
      items: [
        { text: 'third', checked: null },
        { text: 'fourth', checked: null },
      ],
    },
    { kind: 'paragraph', text: 'one line\ntwo line' },
  ]);
});

test('an unclosed fence runs to the end of the note; ####### is not a heading', () => {
  assert.deepEqual(parseBlocks('~~~\ncode\n# x'), [{ kind: 'code', text: 'code\n# x', lang: '' }]);
  assert.deepEqual(parseBlocks('####### seven'), [{ kind: 'paragraph', text: '####### seven' }]);
  assert.deepEqual(parseBlocks('\n\n  \n'), []);
});

test('inline: code first, then links, then emphasis; markup stays text', () => {
  assert.deepEqual(parseInline('a `**b**` [see **it**](https://x.test "t") ~~c~~ *d* __e__ <b>f</b>'), [
    { kind: 'text', text: 'a ' },
    { kind: 'code', text: '**b**' },
    { kind: 'text', text: ' ' },
    { kind: 'link', href: 'https://x.test', children: [{ kind: 'text', text: 'see ' }, { kind: 'strong', children: [{ kind: 'text', text: 'it' }] }] },
    { kind: 'text', text: ' ' },
    { kind: 'del', children: [{ kind: 'text', text: 'c' }] },
    { kind: 'text', text: ' ' },
    { kind: 'em', children: [{ kind: 'text', text: 'd' }] },
    { kind: 'text', text: ' ' },
    { kind: 'strong', children: [{ kind: 'text', text: 'e' }] },
    { kind: 'text', text: ' <b>f</b>' },
  ]);
});

test('inline: emphasis needs text against its marks; line breaks stay in the text', () => {
  assert.deepEqual(parseInline('2 * 3 * 4'), [{ kind: 'text', text: '2 * 3 * 4' }]);
  assert.deepEqual(parseInline('a\nb'), [{ kind: 'text', text: 'a\nb' }]);
  assert.deepEqual(parseInline(''), []);
});

test('plain text drops the marks for list excerpts', () => {
  assert.equal(plainText('# Plan **now**\n- [x] buy [milk](https://shop.test) `today`'), 'Plan now buy milk today');
  assert.equal(plainText('snake_case stays, *this* goes'), 'snake_case stays, this goes');
});
