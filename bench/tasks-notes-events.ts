// Tasks, notes, events and search on a large profile, end to end through the router
// and the profile's worker — once with no other profile busy, once while ANOTHER
// profile's worker runs a ~2 s DuckDB query over and over.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelInput } from '../shared/contract.js';
import type { Page, Task } from '../shared/tasks/tasks.js';
import { openEnclave, type Enclave } from '../electron/core/enclave.js';
import { profileDir, SQLITE_FILE } from '../electron/core/paths.js';
import { ProfileWorkerClient } from '../electron/core/storage/profile-worker-client.js';
import { commitCost } from './commit-durability.js';
import { benchData, SIZES } from './generate-profile.js';
import { callAs } from './bench-call.js';
import { mib, reportSideBySide, sideBySideHeader, stats, time, type Stats, type Target } from './measure.js';

const WINDOW = 1;
const RUNS = 300;
const BUSY_SECONDS = 2;

const call = <T>(enclave: Enclave, channel: string, input?: unknown) => callAs<T>(enclave, WINDOW, channel, input);

function printSizes(dir: string) {
  const file = path.join(dir, SQLITE_FILE);
  const db = new Database(file, { readonly: true });
  try {
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    console.log(
      `data: ${one('SELECT count(*) FROM tasks')} tasks, ${one('SELECT count(*) FROM notes')} notes ` +
        `(average body ${Math.round(one('SELECT avg(length(body)) FROM notes'))} B), ${one('SELECT count(*) FROM events')} events; ` +
        `data.sqlite ${mib(fs.statSync(file).size)}`,
    );
  } finally {
    db.close();
  }
}

/** A cross join DuckDB cannot shortcut, sized so one run takes about `seconds`. */
async function calibrateBusyQuery(worker: ProfileWorkerClient, seconds: number): Promise<{ sql: string; ms: number }> {
  const sql = (n: number) => `SELECT count(*) FROM range(${n}) a, range(${n}) b WHERE (a.range * 31 + b.range) % 7 = 3`;
  let n = 8000;
  let ms = (await worker.call('duckdbQuery', { sql: sql(n) })).ms;
  for (let i = 0; i < 6 && Math.abs(ms - seconds * 1000) > seconds * 100; i++) {
    n = Math.max(1000, Math.round(n * Math.sqrt((seconds * 1000) / Math.max(ms, 1))));
    ms = (await worker.call('duckdbQuery', { sql: sql(n) })).ms;
  }
  return { sql: sql(n), ms };
}

interface Figure {
  name: string;
  target: Target;
  measure(): Promise<Stats>;
}

export async function run(): Promise<void> {
  const data = await benchData();
  if (data.generatedIn !== null) console.log(`generated in ${(data.generatedIn / 1000).toFixed(1)} s`);
  printSizes(profileDir(data.dataDir, data.bench));

  const enclave = await openEnclave({ dataDir: data.dataDir, secrets: data.secrets });
  // "Busy" is opened the way Sessions opens any profile: a worker thread of its own.
  const busyWorker = await ProfileWorkerClient.start(profileDir(data.dataDir, data.busy));
  const created: string[] = [];
  try {
    await call(enclave, 'unlockProfile', { profileId: data.bench });
    const w = data.vocabulary;
    const deep = await call<Page<Task>>(enclave, 'listTasks', { status: 'todo', sort: 'due', limit: 500 });
    const lists: ChannelInput<'listTasks'>[] = [
      { status: 'todo', sort: 'due', limit: 100 },
      { status: 'doing', sort: 'priority', limit: 100 },
      { status: 'todo', sort: 'manual', limit: 100 },
      { due: 'week', now: data.now, timeZone: 'Europe/Berlin', sort: 'priority', limit: 100 },
      { due: 'overdue', now: data.now, timeZone: 'Europe/Berlin', sort: 'due', limit: 100 },
      { tag: 'tag7', sort: 'created', limit: 100 },
      { status: 'todo', sort: 'due', limit: 100, cursor: deep.nextCursor! },
    ];
    // What people search for: content words from fairly common to rare (Zipf ranks 150 to
    // 15,000 of 20,000), two-word queries and a half-typed word. The last word of a query
    // is matched as a prefix, so every one of these is a prefix query too.
    const queries = [
      w[150]!,
      w[400]!,
      w[1000]!,
      w[2500]!,
      w[6000]!,
      w[15000]!,
      `${w[300]!} ${w[3000]!}`,
      `${w[800]!} ${w[5000]!}`,
      w[900]!.slice(0, 4),
    ];
    // Shown apart, without a target: a word like "there", in about half of all notes.
    const commonQueries = [w[30]!, w[40]!, w[60]!];
    const figures: Figure[] = [
      {
        name: `tasks.list page(100) filter+sort`,
        target: { median: 5 },
        measure: () => time(RUNS, (i) => call(enclave, 'listTasks', lists[i % lists.length])),
      },
      {
        name: 'search top 50',
        target: { median: 15, p95: 30 },
        measure: () => time(RUNS, (i) => call(enclave, 'search', { query: queries[i % queries.length], limit: 50 })),
      },
      {
        name: 'search top 50, very common word',
        target: {},
        measure: () => time(60, (i) => call(enclave, 'search', { query: commonQueries[i % commonQueries.length], limit: 50 }), 3),
      },
      {
        name: 'tasks.create',
        target: { median: 3 },
        measure: () =>
          time(RUNS, async (i) => {
            const t = await call<Task>(enclave, 'createTask', { title: `bench created ${i}`, priority: 'low', tags: ['bench'] });
            created.push(t.id);
          }),
      },
    ];

    const idle: Stats[] = [];
    for (const f of figures) idle.push(await f.measure());

    const { sql, ms } = await calibrateBusyQuery(busyWorker, BUSY_SECONDS);
    let stop = false;
    const busyRuns: number[] = [];
    const busyLoop = (async () => {
      while (!stop) busyRuns.push((await busyWorker.call('duckdbQuery', { sql })).ms);
    })();
    // Let the query get going before measuring.
    await new Promise((r) => setTimeout(r, 200));
    const busy: Stats[] = [];
    for (const f of figures) busy.push(await f.measure());
    stop = true;
    await busyLoop;

    console.log(`other profile's worker: "${sql}" takes ${(ms / 1000).toFixed(2)} s; ran ${busyRuns.length}× during the busy column`);
    console.log(`${RUNS} calls each, end to end (enclave.handle → router → zod → worker → SQLite and back)`);
    console.log(`machine: ${os.availableParallelism()} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (other processes skew every figure)`);
    sideBySideHeader('other profiles quiet', `another profile busy in DuckDB (${(stats(busyRuns).median / 1000).toFixed(1)} s query)`);
    figures.forEach((f, i) => reportSideBySide(f.name, idle[i]!, busy[i]!, f.target));
    console.log(`(list variants: ${lists.length} filter/sort combinations incl. due windows, tag, and a page deep behind a cursor;`);
    console.log(` search: ${queries.length} queries from fairly common to rare words, two-word and half-typed; ${SIZES.tasks + SIZES.notes + SIZES.events} items indexed)`);
    const commit = commitCost(data.dataDir);
    console.log(
      `durability: a one-row commit on this disk takes ${commit.normal.toFixed(2)} ms with synchronous = NORMAL, ${commit.full.toFixed(2)} ms with FULL ` +
        `(the app runs FULL: +${(commit.full - commit.normal).toFixed(2)} ms per acknowledged write, included in tasks.create above)`,
    );
  } finally {
    // Leave the generated profile as it was for the next run.
    for (const id of created) await call(enclave, 'deleteTask', { id });
    for (let i = 0; i < created.length; i += 1000) {
      const items = created.slice(i, i + 1000).map((id) => ({ kind: 'task' as const, id }));
      await call(enclave, 'purgeTrash', { items });
    }
    await busyWorker.close();
    await enclave.close();
  }
}
