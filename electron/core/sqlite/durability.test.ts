// Durability of acknowledged writes: the README promises that no acknowledged write is
// lost. In WAL mode `synchronous = NORMAL` syncs only at checkpoints, so a power loss or an
// OS crash can drop the last commits; FULL syncs the WAL at every commit. A SIGKILL (the
// crash suite) cannot tell the two apart, since the OS still holds the pages: this checks the
// setting itself on the very connections the app writes through.
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, test } from 'node:test';
import { REGISTRY_FILE, Registry } from '../registry/registry.js';
import { openSqliteStore } from '../storage/sqlite-store.js';
import { ManualClock } from '../testing/manual-clock.js';
import { tempDirs } from '../testing/temp-dir.js';

const temp = tempDirs();
after(() => temp.removeAll());

/** SQLite's numbers for PRAGMA synchronous. */
const FULL = 2;

test("a profile's data.sqlite is written with synchronous = FULL in WAL mode", () => {
  const store = openSqliteStore(temp.make());
  try {
    assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(store.db.pragma('synchronous', { simple: true }), FULL);
  } finally {
    store.close();
  }
});

test('registry.sqlite is written with synchronous = FULL in WAL mode', () => {
  // The registry keeps its connection to itself: catch the connection as the registry
  // configures it, then ask that very connection (the setting is per connection, not stored).
  const opened: Database.Database[] = [];
  const pragma = Database.prototype.pragma;
  Database.prototype.pragma = function (this: Database.Database, ...args: Parameters<typeof pragma>) {
    if (!opened.includes(this)) opened.push(this);
    return pragma.apply(this, args);
  } as typeof pragma;
  const dataDir = temp.make();
  let registry: Registry;
  try {
    registry = Registry.open(dataDir, new ManualClock());
  } finally {
    Database.prototype.pragma = pragma;
  }
  try {
    const db = opened.find((d) => d.name === path.join(dataDir, REGISTRY_FILE));
    assert.ok(db, `the registry's connection, among ${opened.map((d) => d.name).join(', ')}`);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('synchronous', { simple: true }), FULL);
  } finally {
    registry.close();
  }
});
