// What the import-from-a-server tests (PostgreSQL, MariaDB) share: one enclave with one
// unlocked profile that has the test's server as a saved source, window 1's calls, and
// its import progress events handed to the test.
import assert from 'node:assert/strict';
import type { ImportProgress } from '../../../shared/analysis/analytics.js';
import type { AppError, Result } from '../../../shared/errors.js';
import type { Enclave } from '../enclave.js';
import type { DbServer } from './db-servers.js';
import type { EnclaveFixture } from './enclave-fixture.js';

const W = 1;

export interface SourceImportKit {
  /** Set by open(); the calls below use it. */
  enclave: Enclave;
  /** Opens the enclave, creates and unlocks `profile`, and saves `server` as source `source`. */
  open(fx: EnclaveFixture, server: DbServer, names: { profile: string; source: string }, onProgress: (p: ImportProgress) => void): Promise<Enclave>;
  /** The call's value; a failure throws an Error carrying the error's `code`. */
  call<T>(channel: string, input?: unknown): Promise<T>;
  /** The error of a call that must fail. */
  fails(channel: string, input: unknown): Promise<AppError>;
  /** The first page's columns of a query on the profile's DuckDB. */
  cells(sql: string): Promise<unknown[][]>;
}

export function sourceImportKit(): SourceImportKit {
  const kit: SourceImportKit = {
    enclave: undefined as unknown as Enclave,
    async open(fx, server, names, onProgress) {
      kit.enclave = await fx.open({
        dataDir: fx.tempDir(),
        secrets: fx.keychain.store,
        events: (_w, event, payload) => {
          if (event === 'importProgress') onProgress(payload as ImportProgress);
        },
      });
      const profile = await kit.call<{ id: string }>('createProfile', { name: names.profile });
      await kit.call('unlockProfile', { profileId: profile.id });
      await kit.call('addSource', { name: names.source, url: server.url, password: server.password });
      return kit.enclave;
    },
    async call<T>(channel: string, input?: unknown) {
      const r = (await kit.enclave.handle(W, channel, input)) as Result<T>;
      if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.code}: ${r.error.message}`), { code: r.error.code });
      return r.value;
    },
    async fails(channel, input) {
      const r = await kit.enclave.handle(W, channel, input);
      assert.ok(!r.ok, `${channel} should fail`);
      return r.error;
    },
    async cells(sql) {
      return (await kit.call<{ firstPage: { columns: unknown[][] } }>('runQuery', { sql })).firstPage.columns;
    },
  };
  return kit;
}

/**
 * A progress listener that runs `act` once, at import `importId`'s first report of rows read:
 * the moment a kill or a cancel lands mid-import. `fired()` says whether that moment came.
 */
export function midImport(importId: string, act: () => void): { listener: (p: ImportProgress) => void; fired: () => boolean } {
  let fired = false;
  return {
    listener: (p) => {
      if (p.importId === importId && p.phase === 'reading' && p.rows > 0 && !fired) {
        fired = true;
        act();
      }
    },
    fired: () => fired,
  };
}
