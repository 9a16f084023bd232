// For a test file over one profile's DuckDB on its own (no host, no enclave): the store in
// a temporary folder with its imports and query results, opened before the file's tests
// and closed, with the folder and the files folder, after them.
import { after, before } from 'node:test';
import type { ImportProgress } from '../../../shared/analysis/analytics.js';
import { Imports } from '../analytics/import-file.js';
import { QueryResults } from '../analytics/query-results.js';
import { openDuckdbStore, type DuckdbStore } from '../storage/duckdb-store.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

export interface DuckdbKit {
  /** The store's folder. */
  dir: string;
  /** A folder for the files a test imports or writes. */
  files: string;
  /** Set in the file's first before(). */
  store: DuckdbStore;
  imports: Imports;
  results: QueryResults;
}

export function duckdbKit(onProgress: (p: ImportProgress) => void = () => undefined): DuckdbKit {
  const kit = { dir: makeTempDir(), files: makeTempDir() } as DuckdbKit;
  before(async () => {
    kit.store = await openDuckdbStore(kit.dir);
    kit.imports = new Imports(kit.store, onProgress);
    kit.results = new QueryResults(kit.store);
  });
  after(async () => {
    await kit.results?.closeAll();
    await kit.store?.close();
    removeTempDir(kit.dir);
    removeTempDir(kit.files);
  });
  return kit;
}
