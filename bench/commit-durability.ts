// What synchronous = FULL costs on this disk: one-row commits to a WAL SQLite file beside
// the bench profile, with NORMAL (syncs only at checkpoints: a power loss may drop the last
// commits) and FULL (syncs the WAL at every commit: what the app runs), alternating batches
// so both see the same load. The end-to-end tasks.create figure includes the FULL cost.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { stats } from './measure.js';

const COMMITS = 200;
const BATCH = 20;

export function commitCost(dir: string): { normal: number; full: number } {
  const file = path.join(dir, `commit-durability-${process.pid}.sqlite`);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const samples: Record<'NORMAL' | 'FULL', number[]> = { NORMAL: [], FULL: [] };
    for (let done = 0; done < COMMITS; done += BATCH) {
      for (const mode of ['NORMAL', 'FULL'] as const) {
        db.pragma(`synchronous = ${mode}`);
        for (let i = 0; i < BATCH; i++) {
          const t0 = performance.now();
          insert.run('x'.repeat(200));
          samples[mode].push(performance.now() - t0);
        }
      }
    }
    return { normal: stats(samples.NORMAL).median, full: stats(samples.FULL).median };
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  }
}
