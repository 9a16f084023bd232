// Entry point of one profile's worker thread. It alone opens that profile's
// data.sqlite and analytics.duckdb, so slow work in one profile never blocks the
// main process or another profile.
import { parentPort, workerData } from 'node:worker_threads';
import { toAppError } from './to-app-error.js';
import { openDuckdbStore } from './duckdb-store.js';
import { repositories } from './repositories/repositories.js';
import { openSqliteStore } from './sqlite-store.js';
import { workerHandlers, type ProfileStores } from './worker-methods.js';
import type { WorkerInit, WorkerMessage, WorkerRequest } from './worker-protocol.js';

const port = parentPort!;
const post = (m: WorkerMessage) => port.postMessage(m);

async function open(dir: string): Promise<ProfileStores> {
  const sqlite = openSqliteStore(dir);
  try {
    // What has been in the Trash for 30 days goes for good whenever the profile opens.
    repositories(sqlite).trash.purgeExpired();
    return { sqlite, duckdb: await openDuckdbStore(dir), emit: post };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

async function main() {
  const { dir } = workerData as WorkerInit;
  let stores: ProfileStores;
  try {
    stores = await open(dir);
  } catch (e) {
    post({ kind: 'fatal', error: toAppError(e, 'STORAGE_ERROR') });
    return;
  }
  post({ kind: 'ready' });

  port.on('message', async (req: WorkerRequest) => {
    if (req.kind === 'close') {
      let error;
      try {
        stores.sqlite.close();
      } catch (e) {
        error = toAppError(e, 'STORAGE_ERROR');
      }
      try {
        await stores.duckdb.close();
      } catch (e) {
        error ??= toAppError(e, 'STORAGE_ERROR');
      }
      post(error ? { kind: 'reply', id: req.id, ok: false, error } : { kind: 'reply', id: req.id, ok: true, value: null });
      port.close();
      return;
    }
    try {
      const handler = workerHandlers[req.method] as (s: ProfileStores, p: unknown) => unknown;
      const value = await handler(stores, req.params);
      post({ kind: 'reply', id: req.id, ok: true, value });
    } catch (e) {
      post({ kind: 'reply', id: req.id, ok: false, error: toAppError(e, 'INTERNAL') });
    }
  });
}

void main();
