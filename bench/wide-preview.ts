// The import preview (issue 16 item 8), end to end through the router and the profile's
// host, against bare DuckDB reading the same file's first 100 rows with its sniffer, in
// the same run: a wide file, 400 columns × 20,000 rows of CSV (about 69 MB), and a long
// one (the analytics bench's 5M-row CSV, 537 MB).
// Where the time goes: on a wide file the sniff is nearly all of it. The preview sniffs
// once (sniff_csv, for the dialect it shows) and reads the first rows with that result
// (auto_detect off, the sniffed columns); sniffing twice made it about 2× the baseline.
// On a long file it was the staging copy of the whole file (0.45 s, about 3× the
// baseline): a preview now stages only the leading lines the sniffer reads.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportPreview } from '../shared/analysis/analytics.js';
import type { FileGrant } from '../shared/files/file-grants.js';
import { openEnclave, type Enclave } from '../electron/core/enclave.js';
import { fileSecretStore } from './file-secret-store.js';
import { machineLine, mib, stats } from './measure.js';

const COLUMNS = 400;
const ROWS = 20_000;
const REPS = 5;
const TARGET = 1.5;
const WINDOW = 1;

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** A column of each kind in turn: integers, doubles, text, dates. */
function columnSql(i: number): string {
  switch (i % 4) {
    case 0:
      return `range * ${i + 1} AS c${i}`;
    case 1:
      return `round(range * 1.37 + ${i}, 3) AS c${i}`;
    case 2:
      return `'txt_' || ((range * ${i + 7}) % 9973) AS c${i}`;
    default:
      return `DATE '2020-01-01' + ((range + ${i}) % 3650)::INTEGER AS c${i}`;
  }
}

export async function writeWideCsv(file: string, columns = COLUMNS, rows = ROWS): Promise<void> {
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  try {
    const select = Array.from({ length: columns }, (_, i) => columnSql(i)).join(', ');
    await c.run(`COPY (SELECT ${select} FROM range(${rows})) TO '${file.replaceAll("'", "''")}' (HEADER)`);
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

/**
 * Bare: DuckDB reading the first 100 rows with its sniffer (read_csv sniffs the dialect
 * and types, then reads), into JavaScript values. One sniff: the strict baseline.
 */
async function barePreview(file: string): Promise<number> {
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  try {
    const lit = `'${file.replaceAll("'", "''")}'`;
    const t0 = performance.now();
    const r = await c.runAndReadAll(`SELECT * FROM read_csv(${lit}) LIMIT 100`);
    if (r.getRows().length !== 100) throw new Error('bare preview rows');
    return performance.now() - t0;
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

async function enclavePreview(enclave: Enclave, file: string, columns: number): Promise<number> {
  const grant: FileGrant = enclave.grantFile(WINDOW, 'read', file);
  const t0 = performance.now();
  const r = await enclave.handle(WINDOW, 'previewImport', { file: grant.token });
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(`previewImport: ${r.error.code}: ${r.error.message}`);
  const preview = r.value as ImportPreview;
  if (preview.columns.length !== columns || preview.page.rowCount !== 100) throw new Error('preview shape');
  return ms;
}

/** The wide file's figure, with a profile of `enclave` unlocked in WINDOW; `dir` holds the generated file. */
export async function widePreviewFigure(enclave: Enclave, dir: string): Promise<void> {
  const file = path.join(dir, `wide-${COLUMNS}x${ROWS}.csv`);
  const t0 = performance.now();
  await writeWideCsv(file);
  console.log(`generated ${ROWS.toLocaleString('en')} rows × ${COLUMNS} columns: CSV ${mib(fs.statSync(file).size)} in ${fmt(performance.now() - t0)}`);
  await previewFigure(enclave, file, COLUMNS, `import preview, ${COLUMNS} columns × ${ROWS.toLocaleString('en')} rows`);
}

/** The preview of `file` (of `columns` columns) against the bare baseline, in paired runs. */
export async function previewFigure(enclave: Enclave, file: string, columns: number, name: string): Promise<void> {
  // One untimed run of each: the file into the page cache, DuckDB loaded in the host.
  await barePreview(file);
  await enclavePreview(enclave, file, columns);
  const ours: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < REPS; i++) {
    bare.push(await barePreview(file));
    ours.push(await enclavePreview(enclave, file, columns));
  }
  const ratio = stats(ours.map((o, i) => o / bare[i]!)).median;
  const ok = ratio <= TARGET;
  if (!ok) process.exitCode = 1;
  console.log(
    `${name.padEnd(40)} enclave ${fmt(stats(ours).median).padStart(9)}  bare ${fmt(stats(bare).median).padStart(9)}  ratio ${ratio.toFixed(3)}  (target ≤ ${TARGET.toFixed(2)}, bare = read_csv's sniff + first 100 rows; median of ${REPS} paired runs)  ${ok ? 'OK' : 'MISSED'}`,
  );
  console.log(`${''.padEnd(40)} runs: enclave ${ours.map(fmt).join(', ')} | bare ${bare.map(fmt).join(', ')}`);
}

/** Only this figure: `npm run bench -- analytics-preview`. */
export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-preview-bench-'));
  let enclave: Enclave | undefined;
  try {
    console.log(machineLine());
    enclave = await openEnclave({ dataDir: path.join(dir, 'userdata'), secrets: fileSecretStore(path.join(dir, 'secrets.json')) });
    const created = await enclave.handle(WINDOW, 'createProfile', { name: 'Bench' });
    if (!created.ok) throw new Error(`createProfile: ${created.error.message}`);
    const unlocked = await enclave.handle(WINDOW, 'unlockProfile', { profileId: (created.value as { id: string }).id });
    if (!unlocked.ok) throw new Error(`unlockProfile: ${unlocked.error.message}`);
    await widePreviewFigure(enclave, dir);
  } finally {
    await enclave?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
