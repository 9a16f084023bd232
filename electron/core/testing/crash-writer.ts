// The child process of the crash test (crash-safety.test.ts): the real core writing
// through the router as the app does, until the test kills it with SIGKILL. Every
// write the router acknowledged is reported as one JSON line on stdout, written only
// after the call resolved; stdout is a pipe, and pipe writes are synchronous on
// Linux, so a reported line was acknowledged before the kill.
//
//   node crash-writer.js data <dataDir> <keychainService> <profileId> <csv> <seed> <trial> [import]
//   node crash-writer.js profiles <dataDir> <keychainService> <seed> <trial>
//
// With `import` a data writer always starts an import, and reports its progress events
// (`import-progress`): the test kills it at one of those, a moment provably mid-import.
import fs from 'node:fs';
import path from 'node:path';
import type { ImportOutcome, ImportProgress, TableInfo } from '../../../shared/analysis/analytics.js';
import type { Note, NoteSummary } from '../../../shared/notes/notes.js';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import type { Page, Task } from '../../../shared/tasks/tasks.js';
import { openEnclave, type Enclave } from '../enclave.js';
import { STAGING_DIR } from '../analytics/sandbox.js';
import { keytarStore } from '../keychain/keytar-store.js';
import { profileDir } from '../paths.js';
import { sha256, type CrashAck } from './crash-ack.js';
import { mulberry32 } from './prng.js';
import { readToken } from './file-tokens.js';

const WINDOW = 1;
/** A writer nobody kills stops by itself, so a broken test cannot leave it running. */
const GIVE_UP_MS = 30_000;

const report = (ack: CrashAck) => process.stdout.write(`${JSON.stringify(ack)}\n`);

async function call<T>(enclave: Enclave, channel: string, input?: unknown): Promise<T> {
  const result = await enclave.handle(WINDOW, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Task creates and updates, note autosaves and (in some trials) one large CSV import, at once. */
async function writeData(
  enclave: Enclave,
  dataDir: string,
  profileId: string,
  csv: string,
  random: () => number,
  trial: number,
  alwaysImport: boolean,
): Promise<void> {
  // This start is also the check of the previous writer's kill: it reports what it found.
  await call(enclave, 'unlockProfile', { profileId });
  const tables = (await call<TableInfo[]>(enclave, 'listTables')).map((t) => ({ name: t.name, rows: t.rowCount }));
  const staging = fs.readdirSync(path.join(profileDir(dataDir, profileId), STAGING_DIR));
  const first = (await call<Page<NoteSummary>>(enclave, 'listNotes', { limit: 1 })).items[0];
  let note = first ? await call<Note>(enclave, 'getNote', { id: first.id }) : await call<Note>(enclave, 'createNote', { title: 'Autosaved' });
  const tasks: Task[] = [];
  report({ kind: 'ready', staging, tables });

  if (random() < 0.6 || alwaysImport) {
    // Always the same table, replaced: a kill mid-import must leave the previous one whole.
    const table = 'orders';
    report({ kind: 'import-start', table });
    void call<ImportOutcome>(enclave, 'startImport', { file: readToken(enclave, csv, WINDOW), table, onConflict: 'replace' }).then((outcome) => {
      if (outcome.status === 'imported') report({ kind: 'import', table, rows: outcome.rows });
    }, (e: unknown) => process.stderr.write(`crash-writer: import failed: ${String(e)}\n`));
  }

  for (let n = 0; ; n++) {
    const r = random();
    if (r < 0.4 || tasks.length === 0) {
      const task = await call<Task>(enclave, 'createTask', { title: `task ${trial}.${n}` });
      tasks.push(task);
      report({ kind: 'task', id: task.id, version: task.version, title: task.title });
    } else if (r < 0.65) {
      const i = Math.floor(random() * tasks.length);
      const task = await call<Task>(enclave, 'updateTask', { id: tasks[i]!.id, version: tasks[i]!.version, title: `edited ${trial}.${n}` });
      tasks[i] = task;
      report({ kind: 'task', id: task.id, version: task.version, title: task.title });
    } else {
      // An autosave: the whole body again, a few KB, on top of the version last saved.
      const body = `Draft ${trial}.${n}\n${'lorem ipsum dolor sit amet '.repeat(50 + Math.floor(random() * 200))}`;
      note = await call<Note>(enclave, 'updateNote', { id: note.id, version: note.version, body });
      report({ kind: 'note', id: note.id, version: note.version, bodySha: sha256(note.body) });
    }
  }
}

/** Profile creations and deletions, back to back. */
async function writeProfiles(enclave: Enclave, random: () => number, trial: number): Promise<void> {
  const made: ProfileSummary[] = [];
  report({ kind: 'ready' });
  for (let n = 0; ; n++) {
    if (made.length > 0 && random() < 0.5) {
      const victim = made.splice(Math.floor(random() * made.length), 1)[0]!;
      report({ kind: 'deleting', id: victim.id });
      await call(enclave, 'deleteProfile', { profileId: victim.id, confirmName: victim.name });
      report({ kind: 'deleted', id: victim.id });
    } else {
      const profile = await call<ProfileSummary>(enclave, 'createProfile', { name: `Crash ${trial}.${n}` });
      made.push(profile);
      report({ kind: 'profile', id: profile.id });
    }
  }
}

async function main(): Promise<void> {
  const [mode, dataDir, service, ...rest] = process.argv.slice(2);
  setTimeout(() => process.exit(3), GIVE_UP_MS).unref();
  const enclave = await openEnclave({
    dataDir: dataDir!,
    secrets: keytarStore(service!),
    events: (_windowId, event, payload) => {
      if (event !== 'importProgress') return;
      const p = payload as unknown as ImportProgress;
      if (p.phase === 'reading') report({ kind: 'import-progress', phase: p.phase, bytesRead: p.bytesRead });
    },
  });
  if (mode === 'data') {
    const [profileId, csv, seed, trial, flag] = rest;
    await writeData(enclave, dataDir!, profileId!, csv!, mulberry32(Number(seed)), Number(trial), flag === 'import');
  } else {
    const [seed, trial] = rest;
    await writeProfiles(enclave, mulberry32(Number(seed)), Number(trial));
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`crash-writer: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
