import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSearchQuery, toFtsMatch } from './search-query.js';
import { foldText, indexText, tokenize } from './search-text.js';

describe('search text', () => {
  test('folds case, accents, ß and compatibility forms; keeps Cyrillic and Japanese marks', () => {
    assert.equal(foldText('Straße'), 'strasse');
    assert.equal(foldText('STRASSE'), 'strasse');
    assert.equal(foldText('Καλημέρα'), 'καλημερα');
    assert.equal(foldText('ΌΛΟΥΣ'), 'ολουσ');
    assert.equal(foldText('Crème Brûlée'), 'creme brulee');
    assert.equal(foldText('Øresund Łódź ﬁle Ｃａｆé'), 'oresund lodz file cafe');
    assert.equal(foldText('йод'), 'йод');
    assert.equal(foldText('がっこう'), 'がっこう');
    assert.equal(foldText('ｶﾞｯｺｳ'), 'ガッコウ');
  });

  test('indexes unspaced scripts as bigrams, compounds also joined, names with + and # whole', () => {
    assert.equal(indexText('去清水寺了'), '去清 清水 水寺 寺了 了');
    assert.equal(indexText('iPhone用ケース'), 'iphone 用ケ ケー ース ス');
    assert.equal(indexText('send an e-mail'), 'send an e mail email');
    assert.equal(indexText('Node.js and .NET'), 'node js and net nodejs dotnet');
    assert.equal(indexText('C++, C# and F#.'), 'c++ c# and f#');
    assert.equal(indexText('1+1=2 on 2030-03-01, #tag'), '1 1 2 on 2030 03 01 tag');
    assert.equal(indexText('C++17 and a+b, c#x'), 'c++ 17 and a b c x');
    assert.equal(indexText("don't"), 'don t dont');
    const [token] = tokenize('x C++');
    assert.deepEqual([token?.term, token?.start, token?.end], ['x', 0, 1]);
    assert.deepEqual(tokenize('x C++').map((t) => [t.start, t.end]), [[0, 1], [2, 5]]);
  });

  test('queries are quoted terms joined by AND, the last word also a prefix', () => {
    const fts = (q: string) => {
      const parsed = parseSearchQuery(q);
      return parsed && toFtsMatch(parsed);
    };
    assert.equal(fts('say "hi there" -now'), '"say" AND "hi there" AND "now"*');
    assert.equal(fts('"quick brown fox"'), '"quick brown fox"');
    assert.equal(fts('"quick bro'), '"quick bro"*');
    assert.equal(fts('e-mail'), '("e mail"* OR "email"*)');
    assert.equal(fts('.NET'), '"dotnet"*');
    assert.equal(fts('C++'), '"c++"');
    assert.equal(fts('清水寺'), '"清水 水寺"');
    assert.equal(fts('寺'), '"寺"*');
    assert.equal(fts('NEAR( title: AND'), '"near" AND "title" AND "and"*');
    for (const q of ['', '"', '*', '^', '-', '(', '"")', ' … ']) assert.equal(fts(q), null, q);
    const exact = parseSearchQuery('budget plan');
    assert.ok(exact?.hasWordPrefix);
    assert.equal(toFtsMatch(exact, true), '"budget" AND "plan"');
  });
});
