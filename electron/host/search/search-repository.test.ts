import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HIGHLIGHT_END, HIGHLIGHT_START, highlightRuns } from '../../../shared/search/search.js';
import { mulberry32 } from '../../core/testing/prng.js';
import { RANK_WINDOW } from './search-repository.js';
import { storePerTest } from '../testing/test-store.js';

describe('SearchRepository', () => {
  const s = storePerTest();

  const event = { start: '2030-03-01T09:00:00.000Z', end: '2030-03-01T10:00:00.000Z', timeZone: 'UTC' };

  test('finds task titles/details, note titles/bodies and event titles/descriptions', () => {
    const t = s.tasks.create({ title: 'Renew passport', details: 'bring the old one' });
    const n = s.notes.create({ title: 'Travel', body: 'Remember the *passport* and tickets' });
    const e = s.events.create({ ...event, title: 'Embassy', description: 'passport appointment' });
    s.tasks.create({ title: 'Unrelated' });
    const hits = s.search.search({ query: 'passport' });
    assert.deepEqual(hits.map((h) => h.id).sort(), [t.id, n.id, e.id].sort());
    assert.deepEqual(s.search.search({ query: 'tickets' }).map((h) => h.kind), ['note']);
    assert.deepEqual(s.search.search({ query: 'appointment' }).map((h) => h.kind), ['event']);
    assert.deepEqual(s.search.search({ query: 'passport', kinds: ['note', 'event'] }).map((h) => h.kind).sort(), ['event', 'note']);
  });

  test('ranks a title match above a body mention, and more mentions above fewer', () => {
    for (let i = 0; i < 20; i++) s.notes.create({ title: `Filler ${i}`, body: 'nothing to see here at all' });
    const mention = s.notes.create({ title: 'Groceries', body: 'apples, pears and a kiwi' });
    const many = s.notes.create({ title: 'Fruit', body: 'kiwi kiwi kiwi salad with more kiwi' });
    const titled = s.notes.create({ title: 'Kiwi', body: 'a bird and a fruit' });
    assert.deepEqual(s.search.search({ query: 'kiwi' }).map((h) => h.id), [titled.id, many.id, mention.id]);
  });

  test('highlights matches with the \\u0002/\\u0003 markers and cuts snippets with an ellipsis', () => {
    s.notes.create({ title: 'Café notes', body: `${'word '.repeat(40)}the crème brûlée was great ${'word '.repeat(40)}` });
    const [hit] = s.search.search({ query: 'creme' });
    assert.ok(hit);
    assert.ok(hit.snippet.includes(`${HIGHLIGHT_START}crème${HIGHLIGHT_END}`), JSON.stringify(hit.snippet));
    assert.ok(hit.snippet.startsWith('…') && hit.snippet.endsWith('…'));
    assert.equal(hit.title, 'Café notes', 'no highlight where the title did not match');
    assert.deepEqual(highlightRuns(`a ${HIGHLIGHT_START}b${HIGHLIGHT_END} c`), [
      { text: 'a ', highlighted: false },
      { text: 'b', highlighted: true },
      { text: ' c', highlighted: false },
    ]);
  });

  test('all words must occur, the last also as a prefix, ignoring case and accents', () => {
    s.tasks.create({ title: 'Quarterly Report draft' });
    s.tasks.create({ title: 'Quarterly review' });
    assert.equal(s.search.search({ query: 'quarterly rep' }).length, 1);
    assert.equal(s.search.search({ query: 'quart' }).length, 2);
    assert.equal(s.search.search({ query: 'quart report' }).length, 0, 'only the last word is a prefix');
    assert.equal(s.search.search({ query: 'QUARTERLY' }).length, 2);
    s.notes.create({ title: 'Résumé' });
    assert.equal(s.search.search({ query: 'resume' }).length, 1);
  });

  test('FTS5 syntax in a query is taken as plain words, never an error', () => {
    s.notes.create({ title: 'AND OR NOT near', body: 'x' });
    const hostile = ['"', '""', '"""', '*', 'AND', 'a OR', 'OR', 'NEAR(', 'NEAR(a b', '-', '-x', '^', '^x', 'title:', 'title:x', '{title}: x', '(((', ')'];
    hostile.push('+', '"a" AND "', 'a*b', "'; DROP TABLE notes; --", '', ':', 'x:"y', '"unbalanced', 'a - b', 'c++ "c#', '.NET', '...', 'near"', 'NOT*');
    for (const q of hostile) assert.ok(Array.isArray(s.search.search({ query: q })), q);
    assert.equal(s.search.search({ query: 'NOT' }).length, 1);
    assert.equal(s.search.search({ query: 'NEAR(' }).length, 1);
    assert.equal(s.search.search({ query: '"and or' }).length, 1, 'an unbalanced quote is a phrase still being typed');
    assert.equal(s.search.search({ query: 'title:and' }).length, 0, 'a column filter is two words, and no item holds "title"');
    assert.deepEqual(s.search.search({ query: '  ...  ' }), []);
    // Random strings over FTS5's syntax: always a list, never an exception.
    const rnd = mulberry32(5);
    const alphabet = ['"', '*', '(', ')', ':', '-', '^', '+', '{', '}', ' ', 'AND', 'OR', 'NOT', 'NEAR', 'a', 'near', ',', '.', '#', '清', "'", 'title'];
    for (let i = 0; i < 400; i++) {
      const q = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      assert.ok(Array.isArray(s.search.search({ query: q })), q);
    }
  });

  test('trashed items leave the index and come back on restore; edits reindex', () => {
    const n = s.notes.create({ title: 'Secret recipe', body: 'saffron' });
    s.notes.delete(n.id);
    assert.deepEqual(s.search.search({ query: 'saffron' }), []);
    s.notes.restore(n.id);
    assert.equal(s.search.search({ query: 'saffron' }).length, 1);
    const edited = s.notes.update({ id: n.id, version: 3, body: 'cardamom' });
    assert.deepEqual(s.search.search({ query: 'saffron' }), []);
    assert.equal(s.search.search({ query: 'cardamom' })[0]?.id, edited.id);
    s.trash.purge({ items: [{ kind: 'note', id: n.id }] });
    assert.equal(s.search.search({ query: 'cardamom' }).length, 1, 'purge leaves live items alone');
    s.notes.delete(n.id);
    s.trash.empty();
    assert.deepEqual(s.search.search({ query: 'cardamom' }), []);
    // The index holds exactly the live notes.
    s.store.db.exec("INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)");
    const indexed = s.store.db.prepare('SELECT count(*) FROM notes_fts').pluck().get();
    assert.equal(indexed, s.store.db.prepare('SELECT count(*) FROM notes WHERE deleted_at IS NULL').pluck().get());
  });

  test('a status change does not touch the index; the limit applies across kinds', () => {
    for (let i = 0; i < 30; i++) s.tasks.create({ title: `alpha ${i}` });
    for (let i = 0; i < 30; i++) s.notes.create({ title: `alpha note ${i}` });
    const t = s.tasks.list({}).items[0]!;
    s.tasks.update({ id: t.id, version: 1, status: 'done' });
    assert.equal(s.search.search({ query: 'alpha', limit: 50 }).length, 50);
    assert.equal(s.search.search({ query: 'alpha' }).length, 50, 'default limit');
    for (const table of ['tasks_fts', 'notes_fts', 'events_fts']) {
      s.store.db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`);
    }
  });

  test('a very common word ranks the newest matches, and never loses an older title match', () => {
    const old = s.notes.create({ title: 'Lantern history', body: 'where it started' });
    const oldBody = s.notes.create({ title: 'Old', body: 'lantern lantern lantern lantern lantern' });
    for (let i = 0; i < RANK_WINDOW + 20; i++) s.notes.create({ title: `Note ${i}`, body: `one lantern among many words number ${i}` });
    const hits = s.search.search({ query: 'lantern', limit: 10 });
    assert.equal(hits[0]?.id, old.id, 'the title match ranks first although it is the oldest');
    assert.equal(hits.length, 10);
    assert.ok(!hits.some((h) => h.id === oldBody.id), 'body matches older than the window are not ranked');
    // A rarer query is ranked over all its matches.
    assert.equal(s.search.search({ query: 'lantern lantern started' })[0]?.id, old.id);
  });
});
