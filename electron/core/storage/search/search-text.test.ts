import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSearchQuery, toFtsMatch } from './search-query.js';
import { foldText, indexText, tokenize } from './search-text.js';
import { givesEach } from '../../testing/case-table.js';

describe('search text', () => {
  test('folds case, accents, ß and compatibility forms; keeps Cyrillic and Japanese marks', () => {
    givesEach(foldText, [
      ['Straße', 'strasse'],
      ['STRASSE', 'strasse'],
      ['Καλημέρα', 'καλημερα'],
      ['ΌΛΟΥΣ', 'ολουσ'],
      ['Crème Brûlée', 'creme brulee'],
      ['Øresund Łódź ﬁle Ｃａｆé', 'oresund lodz file cafe'],
      ['йод', 'йод'],
      ['がっこう', 'がっこう'],
      ['ｶﾞｯｺｳ', 'ガッコウ'],
    ]);
  });

  test('indexes unspaced scripts as bigrams, compounds also joined, names with + and # whole', () => {
    givesEach(indexText, [
      ['去清水寺了', '去清 清水 水寺 寺了 了'],
      ['iPhone用ケース', 'iphone 用ケ ケー ース ス'],
      ['send an e-mail', 'send an e mail email'],
      ['Node.js and .NET', 'node js and net nodejs dotnet'],
      ['C++, C# and F#.', 'c++ c# and f#'],
      ['1+1=2 on 2030-03-01, #tag', '1 1 2 on 2030 03 01 tag'],
      ['C++17 and a+b, c#x', 'c++ 17 and a b c x'],
      ["don't", 'don t dont'],
    ]);
    const [token] = tokenize('x C++');
    assert.deepEqual([token?.term, token?.start, token?.end], ['x', 0, 1]);
    assert.deepEqual(tokenize('x C++').map((t) => [t.start, t.end]), [[0, 1], [2, 5]]);
  });

  test('queries are quoted terms joined by AND, the last word also a prefix', () => {
    const fts = (q: string) => {
      const parsed = parseSearchQuery(q);
      return parsed && toFtsMatch(parsed);
    };
    givesEach(fts, [
      ['say "hi there" -now', '"say" AND "hi there" AND "now"*'],
      ['"quick brown fox"', '"quick brown fox"'],
      ['"quick bro', '"quick bro"*'],
      ['e-mail', '("e mail"* OR "email"*)'],
      ['.NET', '"dotnet"*'],
      ['C++', '"c++"'],
      ['清水寺', '"清水 水寺"'],
      ['寺', '"寺"*'],
      ['NEAR( title: AND', '"near" AND "title" AND "and"*'],
    ]);
    for (const q of ['', '"', '*', '^', '-', '(', '"")', ' … ']) assert.equal(fts(q), null, q);
    const exact = parseSearchQuery('budget plan');
    assert.ok(exact?.hasWordPrefix);
    assert.equal(toFtsMatch(exact, true), '"budget" AND "plan"');
  });
});
