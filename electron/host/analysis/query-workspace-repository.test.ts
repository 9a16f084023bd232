// The SQL editor's tabs and saved queries on a real data.sqlite.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { SAVED_QUERIES_MAX } from '../../../shared/analysis/query-workspace.js';
import { ManualClock } from '../../core/testing/manual-clock.js';
import { throwsCode } from '../../core/testing/results.js';
import { makeTempDir, removeTempDir } from '../../core/testing/temp-dir.js';
import { openSqliteStore, type SqliteStore } from '../../core/storage/sqlite-store.js';
import { QueryTabRepository } from './query-tab-repository.js';
import { SavedQueryRepository } from './saved-query-repository.js';

let dir: string;
let store: SqliteStore;
let tabs: QueryTabRepository;
let saved: SavedQueryRepository;
const clock = new ManualClock('2030-01-01T12:00:00.000Z');

beforeEach(() => {
  dir = makeTempDir();
  store = openSqliteStore(dir);
  tabs = new QueryTabRepository(store.db);
  saved = new SavedQueryRepository(store.db, () => {
    clock.advance(1);
    return clock.now();
  });
});
afterEach(() => {
  store.close();
  removeTempDir(dir);
});

const T1 = '6f1c2b1e-3d4a-4b5c-8d6e-7f8091a2b3c1';
const T2 = '6f1c2b1e-3d4a-4b5c-8d6e-7f8091a2b3c2';
const T3 = '6f1c2b1e-3d4a-4b5c-8d6e-7f8091a2b3c3';

describe('QueryTabRepository', () => {
  test('a profile that never had tabs has none', () => {
    assert.deepEqual(tabs.get(), { tabs: [], activeTabId: null });
  });

  test('save then get: the same tabs in the same order, the active one, and a reopened store still has them', () => {
    const strip = {
      tabs: [
        { id: T2, title: 'Second', sql: 'SELECT 2', savedQueryId: null },
        { id: T1, title: 'First', sql: 'SELECT 1;\n-- ünïcödé', savedQueryId: null },
        { id: T3, title: 'Third', sql: '', savedQueryId: null },
      ],
      activeTabId: T1,
    };
    tabs.save(strip);
    assert.deepEqual(tabs.get(), strip);
    store.close();
    store = openSqliteStore(dir);
    assert.deepEqual(new QueryTabRepository(store.db).get(), strip);
  });

  test('a save replaces the strip: closed tabs are gone', () => {
    tabs.save({ tabs: [{ id: T1, title: 'a', sql: 'a', savedQueryId: null }, { id: T2, title: 'b', sql: 'b', savedQueryId: null }], activeTabId: T2 });
    tabs.save({ tabs: [{ id: T2, title: 'b', sql: 'b2', savedQueryId: null }], activeTabId: T2 });
    assert.deepEqual(tabs.get(), { tabs: [{ id: T2, title: 'b', sql: 'b2', savedQueryId: null }], activeTabId: T2 });
    tabs.save({ tabs: [], activeTabId: null });
    assert.deepEqual(tabs.get(), { tabs: [], activeTabId: null });
  });

  test('a tab keeps its saved query, and comes back unlinked once that query is deleted', () => {
    const q = saved.create('Sales', 'SELECT 1');
    tabs.save({ tabs: [{ id: T1, title: 'Sales', sql: 'SELECT 1', savedQueryId: q.id }], activeTabId: T1 });
    assert.equal(tabs.get().tabs[0]!.savedQueryId, q.id);
    saved.delete(q.id);
    assert.deepEqual(tabs.get().tabs[0], { id: T1, title: 'Sales', sql: 'SELECT 1', savedQueryId: null });
  });
});

describe('SavedQueryRepository', () => {
  test('create, list A–Z in any case, update, delete', () => {
    const b = saved.create('beta', 'SELECT 2');
    const a = saved.create('Alpha', 'SELECT 1');
    assert.match(a.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    assert.deepEqual(saved.list().map((q) => q.name), ['Alpha', 'beta']);
    const renamed = saved.update(b.id, { name: 'Aardvark' });
    assert.equal(renamed.sql, 'SELECT 2');
    assert.ok(renamed.updatedAt > b.updatedAt);
    assert.equal(renamed.createdAt, b.createdAt);
    const edited = saved.update(a.id, { sql: '' });
    assert.equal(edited.name, 'Alpha');
    assert.equal(edited.sql, '');
    assert.deepEqual(saved.list().map((q) => [q.name, q.sql]), [['Aardvark', 'SELECT 2'], ['Alpha', '']]);
    saved.delete(a.id);
    assert.deepEqual(saved.list().map((q) => q.name), ['Aardvark']);
  });

  test('names are unique in any case, Unicode too; renaming to its own name in another case is fine', () => {
    const q = saved.create('Ventes été', 'SELECT 1');
    throwsCode(() => saved.create('VENTES ÉTÉ', 'SELECT 2'), 'ALREADY_EXISTS', 'name');
    const other = saved.create('Other', 'SELECT 3');
    throwsCode(() => saved.update(other.id, { name: 'ventes été' }), 'ALREADY_EXISTS', 'name');
    assert.equal(saved.update(q.id, { name: 'VENTES ÉTÉ' }).name, 'VENTES ÉTÉ');
    assert.equal(saved.list().length, 2);
  });

  test('unknown ids answer NOT_FOUND and change nothing', () => {
    saved.create('Kept', 'SELECT 1');
    const unknown = '01890a5d-ac96-774b-bcce-b302099a8057';
    throwsCode(() => saved.update(unknown, { name: 'x' }), 'NOT_FOUND', 'id');
    throwsCode(() => saved.delete(unknown), 'NOT_FOUND', 'id');
    assert.deepEqual(saved.list().map((q) => q.name), ['Kept']);
  });

  test('search: every word, in the name or the SQL, in any case', () => {
    saved.create('Monthly revenue', 'SELECT month, sum(amount) FROM sales GROUP BY 1');
    saved.create('Top customers', 'SELECT customer FROM Sales ORDER BY total DESC LIMIT 10');
    saved.create('Élèves', 'SELECT * FROM pupils');
    assert.deepEqual(saved.list('sales').map((q) => q.name), ['Monthly revenue', 'Top customers']);
    assert.deepEqual(saved.list('  SALES   revenue ').map((q) => q.name), ['Monthly revenue']);
    assert.deepEqual(saved.list('élèves').map((q) => q.name), ['Élèves']);
    assert.deepEqual(saved.list('sales pupils'), []);
    assert.equal(saved.list('').length, 3);
  });

  test(`at most ${SAVED_QUERIES_MAX} saved queries: the next answers LIMIT_REACHED`, () => {
    const insert = store.db.prepare("INSERT INTO saved_queries (id, name, sql, created_at, updated_at) VALUES (?, ?, '', '', '')");
    store.db.transaction(() => {
      for (let i = 0; i < SAVED_QUERIES_MAX; i++) insert.run(`id-${i}`, `q${i}`);
    })();
    throwsCode(() => saved.create('one more', 'SELECT 1'), 'LIMIT_REACHED');
    saved.delete(saved.list('q0')[0]!.id);
    assert.equal(saved.create('one more', 'SELECT 1').name, 'one more');
  });
});
