import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppError, Result } from '../../shared/errors.js';
import { PAGE_SIZE_MAX, type Page } from '../../shared/tasks/tasks.js';
import { canLoadMore, initialPagedState, moreLoaded, pageLoaded, refreshLimit } from './paged-list-state.js';

type Row = { id: string };
const page = (ids: string[], nextCursor: string | null = null): Result<Page<Row>> => ({ ok: true, value: { items: ids.map((id) => ({ id })), nextCursor } });
const failed = (message: string): Result<Page<Row>> => ({ ok: false, error: { code: 'STORAGE_ERROR', message } as AppError });

test('a first load shows its rows, or its error', () => {
  const loaded = pageLoaded(initialPagedState<Row>('all'), 'all', page(['a', 'b'], 'c1'));
  assert.deepEqual(loaded, { key: 'all', status: 'ready', items: [{ id: 'a' }, { id: 'b' }], error: null, cursor: 'c1', loadingMore: false });
  const error = pageLoaded(initialPagedState<Row>('all'), 'all', failed('disk'));
  assert.equal(error.status, 'error');
  assert.equal(error.error?.message, 'disk');
});

test('a failed refresh keeps the rows on screen and says why', () => {
  const shown = pageLoaded(initialPagedState<Row>('all'), 'all', page(['a']));
  const after = pageLoaded(shown, 'all', failed('busy'));
  assert.equal(after.status, 'ready');
  assert.deepEqual(after.items, [{ id: 'a' }]);
  assert.equal(after.error?.message, 'busy');
});

test('an answer for another query starts that query over', () => {
  const shown = pageLoaded(initialPagedState<Row>('all'), 'all', page(['a']));
  assert.deepEqual(pageLoaded(shown, 'done', page(['z'])).items, [{ id: 'z' }]);
  assert.equal(pageLoaded(shown, 'done', failed('x')).status, 'error');
});

test('the next page is appended without rows already shown; another query’s page is dropped', () => {
  const shown = { ...pageLoaded(initialPagedState<Row>('all'), 'all', page(['a', 'b'], 'c1')), loadingMore: true };
  const more = moreLoaded(shown, 'all', page(['b', 'c'], null));
  assert.deepEqual(more.items.map((r) => r.id), ['a', 'b', 'c']);
  assert.equal(more.cursor, null);
  assert.equal(more.loadingMore, false);
  assert.equal(moreLoaded(shown, 'other', page(['x'])), shown);
  const fail = moreLoaded(shown, 'all', failed('gone'));
  assert.deepEqual(fail.items, shown.items);
  assert.equal(fail.loadingMore, false);
  assert.equal(fail.error?.message, 'gone');
});

test('load more only when ready, with a cursor, and none already coming', () => {
  const ready = pageLoaded(initialPagedState<Row>('all'), 'all', page(['a'], 'c1'));
  assert.equal(canLoadMore(ready, 'all'), true);
  assert.equal(canLoadMore(ready, 'other'), false);
  assert.equal(canLoadMore({ ...ready, loadingMore: true }, 'all'), false);
  assert.equal(canLoadMore({ ...ready, cursor: null }, 'all'), false);
  assert.equal(canLoadMore(initialPagedState<Row>('all'), 'all'), false);
});

test('a refresh reads as many rows as are shown, at least a page, at most the channel cap', () => {
  assert.equal(refreshLimit(0, 50), 50);
  assert.equal(refreshLimit(120, 50), 120);
  assert.equal(refreshLimit(PAGE_SIZE_MAX + 300, 50), PAGE_SIZE_MAX);
});
