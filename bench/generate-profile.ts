// Generates the bench's profiles once and keeps them between runs (set
// ENCLAVE_BENCH_FRESH=1 to regenerate): "Bench" with 100,000 tasks, 50,000 notes
// (about 2 KB of Markdown each) and 20,000 events, written through the real schema and
// triggers, and "Busy", an empty profile whose worker runs the heavy DuckDB query.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProfileSummary } from '../shared/profiles/profiles.js';
import { openEnclave } from '../electron/core/enclave.js';
import type { SecretStore } from '../electron/core/keychain/secret-store.js';
import { profileDir } from '../electron/core/paths.js';
import { uuidv7 } from '../electron/core/storage/repositories/uuidv7.js';
import { mulberry32 } from '../electron/core/testing/prng.js';
import { SearchIndex } from '../electron/core/storage/search/search-index.js';
import { openSqliteStore } from '../electron/core/storage/sqlite-store.js';
import { fileSecretStore } from './file-secret-store.js';

/** Bump when the generated data changes, so stale caches are not reused. */
const GENERATOR_VERSION = 1;

export const SIZES = { tasks: 100_000, notes: 50_000, events: 20_000, noteBytes: 2048 };

export interface BenchData {
  dataDir: string;
  secrets: SecretStore;
  bench: string;
  busy: string;
  /** Words by frequency rank (0 = most common), as the generator drew them. */
  vocabulary: string[];
  /** When the generated "now" is (due dates and events spread around it). */
  now: string;
  generatedIn: number | null;
}

const SYLLABLES = 'ka lo mi ne ru sa ti vo be da fe gi ho ju ly pa qu re so tu wa xe yo ze an el in or un ar en'.split(' ');

export function vocabulary(size = 20_000): string[] {
  const rnd = mulberry32(7); // seeded, so every run generates the same data
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(rnd() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

/** Draws word ranks with a Zipf distribution (s = 1.07), like natural text. */
function zipf(n: number, rnd: () => number) {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, 1.07);
  return () => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const NOW = '2030-06-15T12:00:00.000Z';

function fill(dir: string, words: string[]) {
  const rnd = mulberry32(42);
  const rank = zipf(words.length, rnd);
  const word = () => words[rank()]!;
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const now = Date.parse(NOW);
  const day = 86_400_000;
  const tags = Array.from({ length: 30 }, (_, i) => `tag${i}`);
  const created = (i: number, total: number) => now - 400 * day + Math.floor((i / total) * 399 * day);

  const store = openSqliteStore(dir);
  const db = store.db;
  try {
    const task = db.prepare(
      `INSERT INTO tasks (id, title, details, status, priority, due, tags, position, created_at, updated_at, completed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const note = db.prepare('INSERT INTO notes (id, title, body, tags, pinned, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const event = db.prepare(
      `INSERT INTO events (id, title, start_at, end_at, time_zone, all_day, location, description, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < SIZES.tasks; i++) {
        const t = created(i, SIZES.tasks);
        const at = new Date(t).toISOString();
        const r = rnd();
        const status = r < 0.6 ? 'todo' : r < 0.75 ? 'doing' : 'done';
        const dueAt = now + Math.floor((rnd() - 0.4) * 120) * day;
        const due = rnd() < 0.3 ? null : rnd() < 0.8 ? new Date(dueAt).toISOString().slice(0, 10) : new Date(dueAt + 9 * 3_600_000).toISOString();
        const taskTags = Array.from({ length: Math.floor(rnd() * 3) }, () => pick(tags));
        task.run(
          uuidv7(t),
          sentence(3 + Math.floor(rnd() * 6)),
          rnd() < 0.5 ? '' : sentence(5 + Math.floor(rnd() * 40)),
          status,
          pick(['none', 'none', 'low', 'medium', 'high']),
          due,
          JSON.stringify([...new Set(taskTags)]),
          i + 1,
          at,
          at,
          status === 'done' ? at : null,
        );
      }
      for (let i = 0; i < SIZES.notes; i++) {
        const t = created(i, SIZES.notes);
        const at = new Date(t).toISOString();
        const paragraphs: string[] = [`# ${sentence(4)}`];
        let bytes = 0;
        const target = SIZES.noteBytes * (0.5 + rnd());
        while (bytes < target) {
          const p = rnd() < 0.2 ? `- ${sentence(8)}\n- ${sentence(6)}` : sentence(20 + Math.floor(rnd() * 40)) + '.';
          paragraphs.push(p);
          bytes += p.length + 2;
        }
        note.run(uuidv7(t), sentence(2 + Math.floor(rnd() * 5)), paragraphs.join('\n\n'), JSON.stringify([pick(tags)]), rnd() < 0.02 ? 1 : 0, at, at);
      }
      for (let i = 0; i < SIZES.events; i++) {
        const t = created(i, SIZES.events);
        const at = new Date(t).toISOString();
        const start = now - 365 * day + Math.floor(rnd() * 730 * 24) * 3_600_000;
        event.run(
          uuidv7(t),
          sentence(2 + Math.floor(rnd() * 4)),
          new Date(start).toISOString(),
          new Date(start + (1 + Math.floor(rnd() * 3)) * 3_600_000).toISOString(),
          pick(['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC']),
          0,
          rnd() < 0.5 ? '' : sentence(2),
          sentence(10 + Math.floor(rnd() * 30)),
          at,
          at,
        );
      }
    })();
    new SearchIndex(db).catchUp(); // the triggers only queued the rows for search
    db.exec("INSERT INTO notes_fts (notes_fts) VALUES ('optimize'); INSERT INTO tasks_fts (tasks_fts) VALUES ('optimize');");
    db.exec("INSERT INTO events_fts (events_fts) VALUES ('optimize'); ANALYZE;");
  } finally {
    store.close();
  }
}

export async function benchData(log: (line: string) => void = console.log): Promise<BenchData> {
  const root = process.env.ENCLAVE_BENCH_DIR ?? path.join(os.tmpdir(), `enclave-bench-v${GENERATOR_VERSION}`);
  const ready = path.join(root, 'ready.json');
  const secrets = fileSecretStore(path.join(root, 'secrets.json'));
  const words = vocabulary();
  if (fs.existsSync(ready) && !process.env.ENCLAVE_BENCH_FRESH) {
    const { bench, busy } = JSON.parse(fs.readFileSync(ready, 'utf8')) as { bench: string; busy: string };
    return { dataDir: root, secrets, bench, busy, vocabulary: words, now: NOW, generatedIn: null };
  }
  const start = performance.now();
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  log(`generating bench profiles in ${root} (once; ENCLAVE_BENCH_FRESH=1 regenerates) …`);
  const enclave = await openEnclave({ dataDir: root, secrets });
  let bench: ProfileSummary;
  let busy: ProfileSummary;
  try {
    const create = async (name: string) => {
      const r = await enclave.handle(0, 'createProfile', { name });
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value as ProfileSummary;
    };
    bench = await create('Bench');
    busy = await create('Busy');
  } finally {
    await enclave.close();
  }
  fill(profileDir(root, bench.id), words);
  fs.writeFileSync(ready, JSON.stringify({ bench: bench.id, busy: busy.id }));
  return { dataDir: root, secrets, bench: bench.id, busy: busy.id, vocabulary: words, now: NOW, generatedIn: performance.now() - start };
}
