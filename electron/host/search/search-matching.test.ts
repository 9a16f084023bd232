// What a query matches: unspaced scripts, phrases, compounds, names with symbols and
// folded spellings — among a few hundred other notes, so a match is never the only text.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from '../../../shared/search/search.js';
import { mulberry32 } from '../../core/testing/prng.js';
import { openTestStore, type TestStore } from '../testing/test-store.js';

describe('search matching', () => {
  let s: TestStore;
  const ids = new Map<string, string>();
  /** The names of the notes a query finds (fillers left out), sorted. */
  const found = (query: string) =>
    s.search
      .search({ query, limit: 200 })
      .map((h) => [...ids].find(([, id]) => id === h.id)?.[0])
      .filter((t): t is string => t !== undefined)
      .sort();
  // Untitled, so only the body can match; the name is the test's own.
  const note = (name: string, body: string) => ids.set(name, s.notes.create({ title: '', body }).id);

  before(() => {
    s = openTestStore();
    const rnd = mulberry32(3);
    const filler = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor'.split(' ');
    for (let i = 0; i < 300; i++) {
      s.notes.create({ title: `Filler ${i}`, body: Array.from({ length: 120 }, () => filler[Math.floor(rnd() * filler.length)]).join(' ') });
    }
    note('zh-kyoto', '我今天去了京都的清水寺参观，风景很美。');
    note('zh-study', '我们每天一起学习中文和数学。');
    note('ja-kyoto', 'きょうは清水寺にいきました。とても楽しかったです。');
    note('ja-katakana', '新しいコンピューターを買いました');
    note('ko-seoul', '서울에서 친구를 만났어요');
    note('phrase', 'The quick brown fox jumps over the lazy dog');
    note('shuffled', 'A brown dog and a quick fox; the fox was brown');
    note('hyphen', 'Please send me an e-mail about the well-known issue');
    note('joined', 'My email inbox is full');
    note('cpp', 'Learning C++ templates this week');
    note('cpp17', 'Moving the build to C++17');
    note('csharp', 'Porting the tool from C# to F#');
    note('dotnet', 'Upgrading to .NET 8 soon');
    note('net', 'Net income was up; the fishing net tore');
    note('c-lang', 'C is a small language; see K&R c');
    note('node', 'A small Node.js server');
    note('nodejs', 'Notes about nodejs streams');
    note('de', 'Die Straße ist lang');
    note('de-plain', 'Lange Strasse 5, Berlin');
    note('de-compound', 'Hauptstrasse 7');
    note('el', 'Καλημέρα σε όλους');
    note('el-plain', 'καλημερα φιλε');
    note('fr', 'Un café au lait');
    note('fr-plain', 'cafe racer');
  });
  after(() => s.close());

  test('Chinese, Japanese and Korean words are found inside a longer run of characters', () => {
    assert.deepEqual(found('清水寺'), ['ja-kyoto', 'zh-kyoto']);
    assert.deepEqual(found('学习'), ['zh-study']);
    assert.deepEqual(found('京都'), ['zh-kyoto']);
    assert.deepEqual(found('中文'), ['zh-study']);
    assert.deepEqual(found('コンピューター'), ['ja-katakana']);
    assert.deepEqual(found('楽しかった'), ['ja-kyoto']);
    assert.deepEqual(found('서울'), ['ko-seoul']);
    assert.deepEqual(found('寺'), ['ja-kyoto', 'zh-kyoto'], 'one character');
    assert.deepEqual(found('数学 学习'), ['zh-study'], 'all words must occur');
    assert.deepEqual(found('清水 学习'), []);
    assert.deepEqual(found('寺清水'), [], 'the characters in that order');
    const [hit] = s.search.search({ query: '清水寺', kinds: ['note'] });
    assert.ok(hit?.snippet.includes(`${S}清水寺${E}`), JSON.stringify(hit?.snippet));
  });

  test('a quoted phrase matches those words in that order only', () => {
    assert.deepEqual(found('"quick brown fox"'), ['phrase']);
    assert.deepEqual(found('quick brown fox'), ['phrase', 'shuffled'], 'without quotes: all words anywhere');
    assert.deepEqual(found('"brown fox"'), ['phrase']);
    assert.deepEqual(found('"fox brown"'), []);
    assert.deepEqual(found('"quick brown fo'), ['phrase'], 'an unclosed phrase is still being typed');
    assert.deepEqual(found('"lazy dog" quick'), ['phrase']);
    const [hit] = s.search.search({ query: '"brown fox"' });
    assert.ok(hit?.snippet.includes(`${S}brown fox${E}`), JSON.stringify(hit?.snippet));
  });

  test('a hyphenated word matches its joined spelling, both ways', () => {
    assert.deepEqual(found('e-mail'), ['hyphen', 'joined']);
    assert.deepEqual(found('email'), ['hyphen', 'joined']);
    assert.deepEqual(found('E-Mail inbox'), ['joined']);
    assert.deepEqual(found('wellknown'), ['hyphen']);
    assert.deepEqual(found('well-known'), ['hyphen']);
    assert.deepEqual(found('known issue'), ['hyphen'], 'the parts are words too');
    assert.deepEqual(found('"an e-mail about"'), ['hyphen']);
    const [hit] = s.search.search({ query: 'email', kinds: ['note'] }).filter((h) => h.id === ids.get('hyphen'));
    assert.ok(hit?.snippet.includes(`${S}e-mail${E}`), JSON.stringify(hit?.snippet));
  });

  test('C++, C#, F#, .NET and Node.js are names, not a prefix of c', () => {
    assert.deepEqual(found('C++'), ['cpp', 'cpp17']);
    assert.deepEqual(found('c++ templates'), ['cpp']);
    assert.deepEqual(found('C++17'), ['cpp17']);
    assert.deepEqual(found('C#'), ['csharp']);
    assert.deepEqual(found('f#'), ['csharp']);
    assert.deepEqual(found('.NET'), ['dotnet']);
    assert.deepEqual(found('net'), ['dotnet', 'net'], 'the word itself still finds .NET');
    assert.deepEqual(found('node.js'), ['node', 'nodejs']);
    assert.deepEqual(found('nodejs'), ['node', 'nodejs']);
    assert.deepEqual(found('"c"'), ['c-lang']);
    assert.equal(s.search.search({ query: 'c' })[0]?.id, ids.get('c-lang'), 'the word c first, before words it begins');
    const [hit] = s.search.search({ query: 'C++' });
    assert.ok(hit?.snippet.includes(`${S}C++${E}`), JSON.stringify(hit?.snippet));
  });

  test('ß, Greek accents and Latin diacritics fold the same way in text and query', () => {
    for (const q of ['strasse', 'straße', 'STRASSE', 'Strasse']) assert.deepEqual(found(q), ['de', 'de-plain'], q);
    assert.deepEqual(found('hauptstraße'), ['de-compound']);
    for (const q of ['καλημέρα', 'καλημερα', 'ΚΑΛΗΜΕΡΑ', 'Καλημέρα']) assert.deepEqual(found(q), ['el', 'el-plain'], q);
    assert.deepEqual(found('ολους'), ['el']);
    for (const q of ['café', 'cafe', 'CAFÉ']) assert.deepEqual(found(q), ['fr', 'fr-plain'], q);
    const hit = s.search.search({ query: 'strasse' }).find((h) => h.id === ids.get('de'));
    assert.ok(hit?.snippet.includes(`${S}Straße${E}`), JSON.stringify(hit?.snippet));
  });
});
