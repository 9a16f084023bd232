// enclave query --format ndjson streams: a million rows, hundreds of megabytes of
// output, through a real pipe, while the CLI process's peak memory stays far below the
// size of what it wrote (a CLI that built the output, or wrote it without waiting for
// the pipe, would hold most of it at once).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { buildModule, REPO_ROOT } from '../../core/testing/cli-process.js';
import { makeTempDir, removeTempDir } from '../../core/testing/temp-dir.js';
import { testKeychain } from '../../core/testing/test-keychain.js';
import { runCapturedOk } from '../testing/run-captured.js';

const keychain = testKeychain('cli-ndjson-memory');
const dataDir = makeTempDir();
const scriptDir = makeTempDir();

before(async () => {
  await runCapturedOk(['profile', 'create', 'Mo'], { keychain, dataDir });
});
after(async () => {
  await keychain.clear();
  removeTempDir(dataDir);
  removeTempDir(scriptDir);
});

const ROWS = 1_000_000;
// Long names make every output line long while DuckDB holds only two BIGINTs a row.
const A = 'a'.repeat(200);
const B = 'b'.repeat(200);

interface Streamed {
  bytes: number;
  lines: number;
  last: string | undefined;
  maxRss: number;
}

/** Runs the real CLI entry in a child process, reading its output as it comes; reports the child's peak memory. */
async function streamNdjson(rows: number): Promise<Streamed> {
  const script = path.join(scriptDir, 'cli-with-maxrss.mjs');
  fs.writeFileSync(
    script,
    `import fs from 'node:fs';
process.on('exit', () => fs.writeSync(2, '\\nmaxrss-kb ' + process.resourceUsage().maxRSS + '\\n'));
await import(${JSON.stringify(buildModule('electron/cli/main.js'))});
`,
  );
  const sql = `SELECT range AS "${A}", range * 2 AS "${B}" FROM range(${rows})`;
  const child = spawn(process.execPath, [script, 'query', '--profile', 'Mo', sql, '--format', 'ndjson', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    env: { ...process.env, ENCLAVE_KEYCHAIN_SERVICE: keychain.service },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let bytes = 0;
  let lines = 0;
  let tail = Buffer.alloc(0);
  child.stdout.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    tail = Buffer.concat([tail, chunk]).subarray(-1000);
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  assert.equal(code, 0, stderr);
  const maxRssKb = Number(/maxrss-kb (\d+)/.exec(stderr)?.[1]);
  assert.ok(maxRssKb > 0, stderr);
  return { bytes, lines, last: tail.toString('utf8').trimEnd().split('\n').pop(), maxRss: maxRssKb * 1024 };
}

const MiB = (n: number) => Math.round(n / 2 ** 20);

test('ndjson: 1M rows streamed through a pipe with bounded memory', async (t) => {
  const small = await streamNdjson(ROWS / 10);
  const big = await streamNdjson(ROWS);
  assert.equal(big.lines, ROWS);
  assert.equal(big.last, `{"${A}":${ROWS - 1},"${B}":${2 * (ROWS - 1)}}`);
  assert.ok(big.bytes > 400 * 2 ** 20, `output ${big.bytes} bytes`);
  t.diagnostic(`peak memory ${MiB(small.maxRss)} MiB for ${MiB(small.bytes)} MiB of output, ${MiB(big.maxRss)} MiB for ${MiB(big.bytes)} MiB`);
  // Ten times the rows and some 360 MiB more output may cost only a fixed budget more:
  // what grows is the database's kept result (16 bytes a row here), never the output.
  assert.ok(
    big.maxRss - small.maxRss < 128 * 2 ** 20,
    `peak memory grew from ${MiB(small.maxRss)} to ${MiB(big.maxRss)} MiB while the output grew by ${MiB(big.bytes - small.bytes)} MiB`,
  );
});
