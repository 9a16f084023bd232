import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QUERY_TAB_TITLE_MAX, QUERY_TABS_MAX } from '../../../../shared/analysis/query-workspace.js';
import { activeTab, add, close, deletedSaved, fromStored, linkActive, nextTitle, open, renamedSaved, select, setSql, type TabStrip } from './query-tabs-model.js';

let n = 0;
const makeId = () => `id-${++n}`;
const fresh = (): TabStrip => fromStored({ tabs: [], activeTabId: null }, makeId);

test('a profile without tabs starts with one empty "Query 1"; stored tabs come back as they were', () => {
  const s = fresh();
  assert.equal(s.tabs.length, 1);
  assert.deepEqual({ ...s.tabs[0], id: 'x' }, { id: 'x', title: 'Query 1', sql: '', savedQueryId: null });
  assert.equal(s.activeTabId, s.tabs[0]!.id);
  const stored = { tabs: [{ id: 'a', title: 'A', sql: 'SELECT 1', savedQueryId: null }], activeTabId: 'a' };
  assert.deepEqual(fromStored(stored, makeId), stored);
});

test('new tabs take the smallest free "Query N"; the strip stops at the limit', () => {
  let s = fresh();
  s = add(s, 'b')!;
  assert.equal(activeTab(s).title, 'Query 2');
  s = close(s, s.tabs[0]!.id, makeId);
  s = add(s, 'c')!;
  assert.deepEqual(s.tabs.map((t) => t.title), ['Query 2', 'Query 1']);
  assert.equal(nextTitle(s.tabs), 'Query 3');
  for (let i = s.tabs.length; i < QUERY_TABS_MAX; i++) s = add(s, `more-${i}`)!;
  assert.equal(s.tabs.length, QUERY_TABS_MAX);
  assert.equal(add(s, 'over'), null);
});

test('typing changes only the active tab; select switches', () => {
  let s = add(fresh(), 'two')!;
  s = setSql(s, 'SELECT 2');
  s = select(s, s.tabs[0]!.id);
  s = setSql(s, 'SELECT 1');
  assert.deepEqual(s.tabs.map((t) => t.sql), ['SELECT 1', 'SELECT 2']);
  assert.equal(select(s, 'unknown'), s);
});

test('closing the active tab activates its right neighbour, else the left; closing the last leaves an empty tab', () => {
  let s = add(add(fresh(), 'b')!, 'c')!;
  const [a, b, c] = s.tabs.map((t) => t.id);
  s = select(s, b!);
  s = close(s, b!, makeId);
  assert.equal(s.activeTabId, c);
  s = close(s, c!, makeId);
  assert.equal(s.activeTabId, a);
  s = add(s, 'd')!;
  s = close(s, a!, makeId); // not active: the active one stays
  assert.equal(s.activeTabId, 'd');
  s = close(s, 'd', makeId);
  assert.equal(s.tabs.length, 1);
  assert.equal(activeTab(s).sql, '');
});

test('open: a blank active tab is reused, else a new tab; a saved query already open is switched to; null past the limit', () => {
  let s = fresh();
  const first = s.activeTabId;
  s = open(s, { sql: 'SELECT 1' }, 'new-1')!;
  assert.equal(s.activeTabId, first);
  assert.equal(s.tabs.length, 1);
  s = open(s, { sql: 'SELECT 2', title: 'Sales', savedQueryId: 'q1' }, 'new-2')!;
  assert.deepEqual(activeTab(s), { id: 'new-2', title: 'Sales', sql: 'SELECT 2', savedQueryId: 'q1' });
  s = select(s, first);
  s = open(s, { sql: 'SELECT 2', title: 'Sales', savedQueryId: 'q1' }, 'new-3')!;
  assert.equal(s.activeTabId, 'new-2');
  assert.equal(s.tabs.length, 2);
  while (s.tabs.length < QUERY_TABS_MAX) s = add(setSql(s, 'x'), makeId())!;
  s = setSql(s, 'not blank');
  assert.equal(open(s, { sql: 'SELECT 3' }, 'over'), null);
  // Even a full strip switches to a saved query it holds.
  assert.equal(open(s, { sql: '', savedQueryId: 'q1' }, 'over')!.activeTabId, 'new-2');
});

test('saving links the active tab and names it; a rename follows; a deletion unlinks and keeps the text', () => {
  let s = setSql(fresh(), 'SELECT 1');
  s = linkActive(s, { id: 'q', name: 'x'.repeat(QUERY_TAB_TITLE_MAX + 10) });
  assert.equal(activeTab(s).title.length, QUERY_TAB_TITLE_MAX);
  s = renamedSaved(s, { id: 'q', name: 'Revenue' });
  assert.equal(activeTab(s).title, 'Revenue');
  assert.equal(renamedSaved(s, { id: 'other', name: 'Nope' }), s);
  s = deletedSaved(s, 'q');
  assert.deepEqual({ ...activeTab(s), id: '' }, { id: '', title: 'Revenue', sql: 'SELECT 1', savedQueryId: null });
});
