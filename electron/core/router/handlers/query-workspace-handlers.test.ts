// The SQL editor's workspace through the real router and host: each profile has its own
// tabs and saved queries (a window switching profiles finds the other's), they survive a
// lock and a new host, the channel schemas enforce the limits in shared/, and the query
// history can be searched.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { QueryHistoryEntry } from '../../../../shared/analysis/analytics.js';
import type { ProfileSummary } from '../../../../shared/profiles/profiles.js';
import { QUERY_SQL_MAX, QUERY_TAB_TITLE_MAX, QUERY_TABS_MAX, SAVED_QUERY_NAME_MAX, type QueryTabs, type SavedQuery } from '../../../../shared/analysis/query-workspace.js';
import type { Enclave } from '../../enclave.js';
import { enclaveFixture } from '../../testing/enclave-fixture.js';
import { expectError, expectOk } from '../../testing/results.js';
import { openUnlocked } from '../../testing/unlocked-enclave.js';

const fixture = enclaveFixture('query-workspace');
const W = 1;
const W_B = 2;
let enclave: Enclave;
let a: ProfileSummary;
let b: ProfileSummary;

const call = <T>(windowId: number, channel: string, input?: unknown) =>
  enclave.handle(windowId, channel, input).then((r) => expectOk<T>(r, channel));

const tabId = (n: number) => `6f1c2b1e-3d4a-4b5c-8d6e-${String(n).padStart(12, '0')}`;
const tab = (n: number, sql = `SELECT ${n}`) => ({ id: tabId(n), title: `Query ${n}`, sql, savedQueryId: null });

before(async () => {
  const opened = await openUnlocked(fixture, [[W, 'Ann'], [W_B, 'Ben']]);
  ({ enclave, profiles: { Ann: a, Ben: b } } = opened);
});

describe('query tabs', () => {
  test('each profile has its own tabs; a window that switches profile finds that profile’s tabs, and its own again after', async () => {
    const annTabs: QueryTabs = { tabs: [tab(1, 'SELECT 42 AS answer'), tab(2)], activeTabId: tabId(2) };
    await call(W, 'saveQueryTabs', annTabs);
    await call(W_B, 'saveQueryTabs', { tabs: [tab(3, 'SELECT 3 AS ben')], activeTabId: tabId(3) });
    assert.deepEqual(await call<QueryTabs>(W, 'getQueryTabs'), annTabs);

    await call(W, 'lockSession');
    expectError(await enclave.handle(W, 'getQueryTabs', undefined), 'LOCKED');
    expectError(await enclave.handle(W, 'saveQueryTabs', annTabs), 'LOCKED');
    await call(W, 'unlockProfile', { profileId: b.id });
    assert.deepEqual(await call<QueryTabs>(W, 'getQueryTabs'), { tabs: [tab(3, 'SELECT 3 AS ben')], activeTabId: tabId(3) });

    await call(W, 'lockSession');
    await call(W_B, 'lockSession'); // Ben's host closes: his tabs are read from disk next time
    await call(W, 'unlockProfile', { profileId: a.id });
    assert.deepEqual(await call<QueryTabs>(W, 'getQueryTabs'), annTabs);
    await call(W_B, 'unlockProfile', { profileId: b.id });
    assert.deepEqual((await call<QueryTabs>(W_B, 'getQueryTabs')).tabs.map((t) => t.sql), ['SELECT 3 AS ben']);
  });

  test('the limits of shared/ hold at the bridge, and a refused save keeps the tabs as they were', async () => {
    const before = await call<QueryTabs>(W, 'getQueryTabs');
    const many = Array.from({ length: QUERY_TABS_MAX + 1 }, (_, i) => tab(100 + i));
    const refused = [
      { tabs: many, activeTabId: many[0]!.id },
      { tabs: [tab(1, 'x'.repeat(QUERY_SQL_MAX + 1))], activeTabId: tabId(1) },
      { tabs: [{ ...tab(1), title: 'x'.repeat(QUERY_TAB_TITLE_MAX + 1) }], activeTabId: tabId(1) },
      { tabs: [{ ...tab(1), title: '   ' }], activeTabId: tabId(1) },
      { tabs: [tab(1), tab(1)], activeTabId: tabId(1) },
      { tabs: [tab(1)], activeTabId: tabId(2) },
      { tabs: [tab(1)], activeTabId: null },
      { tabs: [], activeTabId: tabId(1) },
      { tabs: [{ ...tab(1), savedQueryId: 'not-an-id' }], activeTabId: tabId(1) },
      { tabs: [{ ...tab(1), profileId: b.id }], activeTabId: tabId(1) },
    ];
    for (const input of refused) expectError(await enclave.handle(W, 'saveQueryTabs', input), 'INVALID_INPUT', JSON.stringify(input).slice(0, 120));
    assert.deepEqual(await call<QueryTabs>(W, 'getQueryTabs'), before);
    // The largest strip the limits allow is kept whole.
    const full = Array.from({ length: QUERY_TABS_MAX }, (_, i) => tab(200 + i, `-- ${i}\n${'y'.repeat(QUERY_SQL_MAX - 10)}`));
    await call(W, 'saveQueryTabs', { tabs: full, activeTabId: full[QUERY_TABS_MAX - 1]!.id });
    const back = await call<QueryTabs>(W, 'getQueryTabs');
    assert.equal(back.tabs.length, QUERY_TABS_MAX);
    assert.equal(back.activeTabId, full[QUERY_TABS_MAX - 1]!.id);
    assert.deepEqual(back.tabs.map((t) => t.sql), full.map((t) => t.sql));
  });
});

describe('saved queries', () => {
  test('create, search, rename, delete; another profile sees none of them and cannot touch them', async () => {
    const q = await call<SavedQuery>(W, 'createSavedQuery', { name: '  Revenue by month ', sql: 'SELECT 1 AS revenue' });
    assert.equal(q.name, 'Revenue by month');
    expectError(await enclave.handle(W, 'createSavedQuery', { name: 'REVENUE BY MONTH', sql: 'SELECT 2' }), 'ALREADY_EXISTS');
    await call<SavedQuery>(W, 'createSavedQuery', { name: 'Customers', sql: 'SELECT 2 AS customers' });
    assert.deepEqual((await call<SavedQuery[]>(W, 'listSavedQueries', {})).map((s) => s.name), ['Customers', 'Revenue by month']);
    assert.deepEqual((await call<SavedQuery[]>(W, 'listSavedQueries', { search: 'MONTH revenue' })).map((s) => s.name), ['Revenue by month']);

    // Ben: none of Ann's, and her ids are unknown here.
    assert.deepEqual(await call<SavedQuery[]>(W_B, 'listSavedQueries', {}), []);
    expectError(await enclave.handle(W_B, 'updateSavedQuery', { id: q.id, name: 'Stolen' }), 'NOT_FOUND');
    expectError(await enclave.handle(W_B, 'deleteSavedQuery', { id: q.id }), 'NOT_FOUND');
    // The same name is free in Ben's profile.
    await call(W_B, 'createSavedQuery', { name: 'Revenue by month', sql: 'SELECT 3' });

    const renamed = await call<SavedQuery>(W, 'updateSavedQuery', { id: q.id, name: 'Monthly revenue' });
    assert.equal(renamed.sql, 'SELECT 1 AS revenue');
    await call(W, 'deleteSavedQuery', { id: q.id });
    expectError(await enclave.handle(W, 'deleteSavedQuery', { id: q.id }), 'NOT_FOUND');
    assert.deepEqual((await call<SavedQuery[]>(W, 'listSavedQueries', {})).map((s) => s.name), ['Customers']);
    assert.deepEqual((await call<SavedQuery[]>(W_B, 'listSavedQueries', {})).map((s) => s.name), ['Revenue by month']);
  });

  test('names and SQL within the limits of shared/; an update must change something', async () => {
    expectError(await enclave.handle(W, 'createSavedQuery', { name: 'x'.repeat(SAVED_QUERY_NAME_MAX + 1), sql: 'SELECT 1' }), 'INVALID_INPUT');
    expectError(await enclave.handle(W, 'createSavedQuery', { name: ' ', sql: 'SELECT 1' }), 'INVALID_INPUT');
    expectError(await enclave.handle(W, 'createSavedQuery', { name: 'long', sql: 'x'.repeat(QUERY_SQL_MAX + 1) }), 'INVALID_INPUT');
    expectError(await enclave.handle(W, 'createSavedQuery', { name: 'a\u0000b', sql: 'SELECT 1' }), 'INVALID_INPUT');
    const q = await call<SavedQuery>(W, 'createSavedQuery', { name: 'n'.repeat(SAVED_QUERY_NAME_MAX), sql: 's'.repeat(QUERY_SQL_MAX) });
    expectError(await enclave.handle(W, 'updateSavedQuery', { id: q.id }), 'INVALID_INPUT');
    expectError(await enclave.handle(W, 'updateSavedQuery', { id: 'not-an-id', name: 'x' }), 'INVALID_INPUT');
    await call(W, 'deleteSavedQuery', { id: q.id });
  });
});

describe('query history search', () => {
  test('every word, any case, newest first, within the limit; the other profile’s history stays out', async () => {
    for (const sql of ['SELECT 1 AS alpha', 'select 2 as Beta', 'SELECT 3 AS alpha_beta', 'SELECT 4 AS élan']) await call(W, 'runQuery', { sql });
    await call(W_B, 'runQuery', { sql: 'SELECT 5 AS alpha_secret' });
    const sqls = async (input: object) => (await call<QueryHistoryEntry[]>(W, 'listQueryHistory', input)).map((e) => e.sql);
    assert.deepEqual(await sqls({ search: 'ALPHA' }), ['SELECT 3 AS alpha_beta', 'SELECT 1 AS alpha']);
    assert.deepEqual(await sqls({ search: 'beta alpha' }), ['SELECT 3 AS alpha_beta']);
    assert.deepEqual(await sqls({ search: 'ÉLAN' }), ['SELECT 4 AS élan']);
    assert.deepEqual(await sqls({ search: 'alpha', limit: 1 }), ['SELECT 3 AS alpha_beta']);
    assert.deepEqual(await sqls({ search: 'secret' }), []);
    assert.equal((await sqls({})).length, 4);
    expectError(await enclave.handle(W, 'listQueryHistory', { search: 'x'.repeat(201) }), 'INVALID_INPUT');
  });
});
