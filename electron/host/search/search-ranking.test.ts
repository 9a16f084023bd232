// Ranking across kinds on a profile of realistic proportions: hundreds of notes of a
// few hundred words each (word frequencies as in natural text), tasks and events.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SearchHit } from '../../../shared/search/search.js';
import { mulberry32 } from '../../core/testing/prng.js';
import { openTestStore, type TestStore } from '../testing/test-store.js';


/** Pseudo-words with Zipf-distributed frequencies (s ≈ 1), like the bench's generator. */
function textSource(seed: number) {
  const rnd = mulberry32(seed);
  const syllables = 'ka lo mi ne ru sa ti vo be da fe gi ho ju pa qu re so tu wa xe yo ze'.split(' ');
  const words = [...new Set(Array.from({ length: 3000 }, () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => syllables[Math.floor(rnd() * syllables.length)]).join('')))];
  const cdf: number[] = [];
  let sum = 0;
  for (let i = 0; i < words.length; i++) cdf.push((sum += 1 / (i + 1)));
  const word = () => {
    const x = rnd() * sum;
    return words[Math.max(0, cdf.findIndex((c) => c >= x))]!;
  };
  return { rnd, sentence: (n: number) => Array.from({ length: n }, word).join(' ') };
}

const event = (title: string, description = '') => ({
  start: '2030-03-01T09:00:00.000Z',
  end: '2030-03-01T10:00:00.000Z',
  timeZone: 'UTC',
  title,
  description,
});

/** Notes of 120–360 words, a word in every other body (never in a title), and short tasks and events. */
function fill(s: TestStore, sizes: { notes: number; tasks: number; events: number }, word: string, seed: number) {
  const { rnd, sentence } = textSource(seed);
  for (let i = 0; i < sizes.notes; i++) {
    const body = Array.from({ length: 6 }, () => sentence(20 + Math.floor(rnd() * 40))).join('.\n\n');
    s.notes.create({ title: sentence(2 + Math.floor(rnd() * 4)), body: i % 2 === 0 ? `${body} The ${word} was ${sentence(5)}.` : body });
  }
  for (let i = 0; i < sizes.tasks; i++) s.tasks.create({ title: sentence(3 + Math.floor(rnd() * 5)), details: rnd() < 0.5 ? '' : sentence(25) });
  for (let i = 0; i < sizes.events; i++) s.events.create(event(sentence(2 + Math.floor(rnd() * 3)), sentence(15)));
  return sentence;
}

const rankOf = (hits: SearchHit[], id: string) => hits.findIndex((h) => h.id === id);

// A calendar just started: one event and a few tasks beside 400 notes. bm25 from the
// events table alone cannot tell a title match from noise there (the word is in every event).
describe('search ranking across kinds in a young profile (400 notes, 3 tasks, 1 event)', () => {
  let s: TestStore;
  let eventTitled: string;
  let taskDetails: string;

  before(() => {
    s = openTestStore();
    const sentence = fill(s, { notes: 400, tasks: 2, events: 0 }, 'harbor', 11);
    eventTitled = s.events.create(event('Harbor cleanup', sentence(12))).id;
    taskDetails = s.tasks.create({ title: sentence(5), details: `${sentence(20)} harbor ${sentence(10)}` }).id;
  });
  after(() => s.close());

  test('an event titled with a word found in half the notes ranks first, and the matching task is in the top 50', () => {
    const hits = s.search.search({ query: 'harbor' });
    assert.equal(hits.length, 50);
    assert.equal(rankOf(hits, eventTitled), 0, `event at ${rankOf(hits, eventTitled) + 1}`);
    assert.notEqual(rankOf(hits, taskDetails), -1, 'the only matching task is listed');
    assert.deepEqual(new Set(hits.map((h) => h.kind)), new Set(['event', 'note', 'task']));
    // Scores are comparable: sorted best first across kinds.
    assert.deepEqual(hits.map((h) => h.score), [...hits.map((h) => h.score)].sort((a, b) => a - b));
    // Typed halfway, or with another word, the same item first.
    assert.equal(s.search.search({ query: 'harb' })[0]?.id, eventTitled);
    assert.equal(s.search.search({ query: 'harbor cleanup' })[0]?.id, eventTitled);
  });

  test('every kind that matched is in the top N, even when another kind fills it with better matches', () => {
    for (let i = 0; i < 40; i++) s.notes.create({ title: `Lighthouse log ${i}`, body: 'lighthouse lighthouse' });
    const task = s.tasks.create({ title: 'Paint the fence', details: 'ask at the lighthouse' });
    const evt = s.events.create(event('Boat trip', 'past the lighthouse'));
    const hits = s.search.search({ query: 'lighthouse', limit: 10 });
    assert.equal(hits.length, 10);
    assert.notEqual(rankOf(hits, task.id), -1, 'task listed');
    assert.notEqual(rankOf(hits, evt.id), -1, 'event listed');
    assert.equal(hits.filter((h) => h.kind === 'note').length, 8);
    assert.equal(s.search.search({ query: 'lighthouse', kinds: ['note'], limit: 10 }).length, 10);
  });
});

describe('search ranking across kinds in a busy profile (600 notes, 300 tasks, 120 events)', () => {
  let s: TestStore;
  const ids: Record<string, string> = {};

  before(() => {
    s = openTestStore();
    const { sentence } = textSource(12);
    ids.budget = s.notes.create({ title: 'Budget for the house renovation next spring', body: sentence(80) }).id;
    ids.budgetTask = s.tasks.create({ title: sentence(4), details: `${sentence(15)} budget ${sentence(15)}` }).id;
    ids.eventTitled = s.events.create(event('Harbor cleanup', sentence(12))).id;
    fill(s, { notes: 600, tasks: 300, events: 120 }, 'harbor', 13);
    // Newer and shorter than the exact matches, so bm25 alone would put them first.
    ids.budgeting = s.notes.create({ title: 'Budgeting', body: sentence(30) }).id;
    ids.budgetingEvent = s.events.create(event('Budgeting workshop')).id;
    ids.budgetingTask = s.tasks.create({ title: sentence(4), details: `budgeting ${sentence(3)}` }).id;
  });
  after(() => s.close());

  test('a title match ranks first across kinds', () => {
    assert.equal(s.search.search({ query: 'harbor' })[0]?.id, ids.eventTitled);
  });

  test('a whole word ranks above a longer word it begins, within and across kinds', () => {
    const hits = s.search.search({ query: 'budget' });
    const at = (k: string) => rankOf(hits, ids[k]!);
    for (const k of ['budget', 'budgetTask', 'budgeting', 'budgetingEvent', 'budgetingTask']) assert.notEqual(at(k), -1, k);
    assert.ok(at('budget') < at('budgeting'), `title "Budget …" (${at('budget')}) above title "Budgeting" (${at('budgeting')})`);
    assert.ok(at('budget') < at('budgetingEvent'), 'above an event titled "Budgeting workshop"');
    assert.ok(at('budgetTask') < at('budgetingTask'), 'in details too');
    assert.equal(hits[0]?.id, ids.budget);
    // Upper case, and as the last of several words.
    assert.equal(s.search.search({ query: 'BUDGET' })[0]?.id, ids.budget);
    assert.equal(s.search.search({ query: 'house budget' })[0]?.id, ids.budget);
  });
});
