import type { QueryResultInfo } from '../../../shared/analytics.js';
import { formatCell, type WireCell, type WireColumn, type WirePage } from '../../../shared/wire.js';
import { UsageError } from '../args.js';
import type { Command } from '../command.js';
import type { Enclave } from '../../core/enclave.js';
import { formatTable } from '../io.js';
import { call } from '../session.js';
import { stringFlag } from './listing.js';

const PAGE = 10_000;

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

export const queryCommand: Command = {
  path: ['query'],
  usage: 'enclave query --profile NAME SQL [--format table|csv|json]',
  summary: "Run SQL on the profile's tables and write the result to stdout",
  positionals: ['SQL'],
  flags: { format: 'string' },
  details: '--format table (default), csv, or json (an array of objects, values in the exact wire format of the app).',
  async run({ args, flags, io, json, unlockProfile }) {
    const format = stringFlag(flags, 'format') ?? (json ? 'json' : 'table');
    if (!['table', 'csv', 'json'].includes(format)) throw new UsageError('--format must be table, csv or json');
    const enclave = await unlockProfile();
    const info = await call(enclave, 'runQuery', { sql: args.SQL!, pageSize: PAGE });
    const { columns, timeZone } = info;
    if (format === 'json') {
      let first = true;
      io.stdout('[');
      for await (const page of resultPages(enclave, info)) {
        for (let i = 0; i < page.rowCount; i++) {
          const obj: Record<string, WireCell> = {};
          columns.forEach((c, j) => Object.defineProperty(obj, c.name, { value: page.columns[j]![i] ?? null, enumerable: true }));
          io.stdout(`${first ? '\n' : ',\n'}  ${JSON.stringify(obj)}`);
          first = false;
        }
      }
      io.stdout(first ? ']\n' : '\n]\n');
      return;
    }
    if (format === 'csv') {
      io.stdout(`${columns.map((c) => csvField(c.name)).join(',')}\n`);
      for await (const page of resultPages(enclave, info)) {
        let text = '';
        for (let i = 0; i < page.rowCount; i++) text += `${columns.map((c, j) => csvCell(c, page.columns[j]![i] ?? null, timeZone)).join(',')}\n`;
        io.stdout(text);
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
  },
};
