import { MAX_PAGE_ROWS, type QueryResultInfo } from '../../../shared/analysis/analytics.js';
import { jsonKeys, naturalJsonRow } from '../../../shared/analysis/natural-json.js';
import { formatCell, type WireCell, type WireColumn, type WirePage } from '../../../shared/wire.js';
import { UsageError } from '../args.js';
import { command } from '../command.js';
import type { Enclave } from '../../core/enclave.js';
import { formatTable, type CliIo } from '../io.js';
import { call } from '../session.js';
import { stringFlag } from './listing.js';

/** The largest page fetchRows allows: fewest round trips for a full result. */
const PAGE = MAX_PAGE_ROWS;

/** Every page of a kept result (there is no row cap), then closes it. */
export async function* resultPages(enclave: Enclave, info: QueryResultInfo): AsyncGenerator<WirePage> {
  try {
    if (info.firstPage.rowCount) yield info.firstPage;
    for (let offset = info.firstPage.rowCount; offset < info.totalRows; offset += PAGE) {
      yield await call(enclave, 'fetchRows', { resultId: info.resultId, offset, limit: PAGE });
    }
  } finally {
    await call(enclave, 'closeResult', { resultId: info.resultId });
  }
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
/** CSV keeps exact values; nested ones in DuckDB's literal style; NULL is an empty field. */
const csvCell = (col: WireColumn, cell: WireCell, timeZone: string) =>
  cell === null ? '' : csvField(typeof cell === 'string' ? cell : formatCell(col.type, cell, { timeZone }));

export const FORMATS = ['table', 'csv', 'json', 'ndjson', 'wire'] as const;
export type Format = (typeof FORMATS)[number];

/** --format (or --json), checked: a usage error names the formats. */
export function resultFormat(flags: Map<string, string | true>, json: boolean): Format {
  const format = (stringFlag(flags, 'format') ?? (json ? 'json' : 'table')) as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.join(', ')}`);
  return format;
}

/** The old `json`: objects whose values are the app's wire cells (exact strings, nested arrays). */
function wireRow(columns: readonly WireColumn[], page: WirePage, i: number): string {
  const obj: Record<string, WireCell> = {};
  columns.forEach((c, j) => Object.defineProperty(obj, c.name, { value: page.columns[j]![i] ?? null, enumerable: true }));
  return JSON.stringify(obj);
}

export const queryCommand = command({
  needsAnalytics: true,
  usage: 'enclave query --profile NAME SQL [--format table|csv|json|ndjson|wire]',
  summary: "Run SQL on the profile's tables and write the result to stdout",
  details:
    '--format table (default); csv; json: an array of objects with natural JSON values (numbers with every digit, nested values as\n' +
    'arrays and objects, ISO 8601 times); ndjson: the same objects one per line, streamed; wire: objects whose values are the\n' +
    "app's exact wire cells (every scalar as DuckDB's text).",
  async run({ args, flags, io, json, unlockProfile }) {
    const format = resultFormat(flags, json);
    const enclave = await unlockProfile();
    await runAndWrite(io, enclave, args.SQL!, format);
  },
});

/** Runs SQL through runQuery (the statement policy and sandbox of every user query) and writes its result in `format`. */
export async function runAndWrite(io: CliIo, enclave: Enclave, sql: string, format: Format): Promise<void> {
  const info = await call(enclave, 'runQuery', { sql, pageSize: PAGE });
  const { columns, timeZone } = info;
  if (format === 'json' || format === 'ndjson' || format === 'wire') {
    const keys = jsonKeys(columns);
    const row = format === 'wire' ? (page: WirePage, i: number) => wireRow(columns, page, i) : (page: WirePage, i: number) => naturalJsonRow(columns, keys, page, i, { timeZone });
    // One write per page, awaited: memory stays at one page whatever the row count.
    const [open, sep, close, empty] = format === 'ndjson' ? ['', '\n', '\n', ''] : ['[\n  ', ',\n  ', '\n]\n', '[]\n'];
    let first = true;
    for await (const page of resultPages(enclave, info)) {
      let text = '';
      for (let i = 0; i < page.rowCount; i++) {
        text += (first ? open : sep) + row(page, i);
        first = false;
      }
      if (text) await io.stdout(text);
    }
    await io.stdout(first ? empty : close);
    return;
  }
  if (format === 'csv') {
    await io.stdout(`${columns.map((c) => csvField(c.name)).join(',')}\n`);
    for await (const page of resultPages(enclave, info)) {
      let text = '';
      for (let i = 0; i < page.rowCount; i++) text += `${columns.map((c, j) => csvCell(c, page.columns[j]![i] ?? null, timeZone)).join(',')}\n`;
      await io.stdout(text);
    }
    return;
  }
  const shown: string[][] = [];
  for await (const page of resultPages(enclave, info)) {
    for (let i = 0; i < page.rowCount; i++) {
      shown.push(columns.map((c, j) => formatCell(c.type, page.columns[j]![i] ?? null, { timeZone }).replace(/[\r\n\t]/g, ' ')));
    }
  }
  if (columns.length) io.stdout(formatTable(columns.map((c) => c.name), shown));
  io.stdout(
    info.rowsChanged !== null ? `(${info.rowsChanged} row(s) changed)\n` : `(${info.totalRows} row${info.totalRows === 1 ? '' : 's'})\n`,
  );
}
