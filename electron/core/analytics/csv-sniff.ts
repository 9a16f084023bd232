// One run of DuckDB's CSV sniffer, and a reader that uses its result instead of sniffing again.
//
// On a wide file the sniff is nearly all of a preview's time (400 columns × 20,000 rows:
// about a second of it), and read_csv with auto-detection sniffs every time it is
// called. The preview needs the dialect (shown on screen) and the first rows, and used
// to get them from two sniffs: sniff_csv, then read_csv. Sniffing once and reading with
// auto_detect off and the sniffed columns is what DuckDB's own sniff_csv "Prompt"
// column prescribes for reproducing its detection; here it is built from the typed
// fields rather than parsed out of that text (which does not quote names for SQL).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DetectedCsv } from '../../../shared/analysis/analytics.js';
import { quoteLiteral } from './sql-text.js';

export interface CsvSniff {
  detected: DetectedCsv;
  /** DuckDB's spelling of the line ending (`\n`, `\r\n`, `\r`), or '' when it found none. */
  newLine: string;
  comment: string;
  /** Every column of the file in order, with the user's type overrides already applied. */
  columns: readonly { name: string; type: string }[];
}

/** sniff_csv prints an unset character as "(empty)". */
const text = (v: unknown) => (v === null || v === undefined || v === '(empty)' ? '' : String(v));

/**
 * Sniffs the file with the same arguments read_csv would get (the user's overrides
 * included: a given delimiter or type is kept, the rest detected). Null when the
 * sniffer fails: the caller then reads with auto-detection, so the person sees
 * read_csv's own error, exactly as before.
 */
export async function sniffCsv(conn: DuckDBConnection, readCsvArgs: readonly string[]): Promise<CsvSniff | null> {
  const r = await conn.runAndReadAll(`SELECT * FROM system.main.sniff_csv(${readCsvArgs.join(', ')})`).catch(() => null);
  const row = r?.getRowObjectsJS()[0];
  if (!row || !Array.isArray(row.Columns)) return null;
  const columns = (row.Columns as unknown[]).map((c) => {
    const col = c as { name?: unknown; type?: unknown };
    return { name: String(col.name), type: String(col.type) };
  });
  if (columns.length === 0) return null;
  return {
    detected: {
      delimiter: text(row.Delimiter),
      quote: text(row.Quote),
      escape: text(row.Escape),
      header: Boolean(row.HasHeader),
      skipRows: Number(row.SkipRows ?? 0),
      dateFormat: row.DateFormat == null ? null : String(row.DateFormat),
      timestampFormat: row.TimestampFormat == null ? null : String(row.TimestampFormat),
    },
    newLine: text(row.NewLineDelimiter),
    comment: text(row.Comment),
    columns,
  };
}

/**
 * The date format sniff_csv reports for ISO dates, which DuckDB's own auto-detecting
 * read does not apply: it casts those dates natively. Given as `dateformat`, the same
 * column is parsed by strptime instead, which is about 5 % slower over a 5M-row file
 * and reads other values: `infinity` becomes 1900-01-01, and `2020-01-05 00:00:00`,
 * `02020-01-05` or `5877642-06-25` are rejected rows. Checked for DuckDB 1.5 by
 * import-file.test.ts ("reads dates as DuckDB's own detection does").
 */
const NATIVE_DATE_FORMAT = '%Y-%m-%d';

/** The formats the person chose; a chosen format is always applied, ISO or not. */
export interface GivenFormats {
  dateFormat?: string | undefined;
  timestampFormat?: string | undefined;
}

/**
 * read_csv arguments that reproduce the sniff without running it again: the dialect,
 * the header, the rows skipped, the formats and every column's name and type. The
 * read parses values exactly as an auto-detecting read_csv of the file would.
 */
export function sniffedDialectArgs(s: CsvSniff, given: GivenFormats = {}): string[] {
  const d = s.detected;
  const args = [
    'auto_detect = false',
    `delim = ${quoteLiteral(d.delimiter)}`,
    `quote = ${quoteLiteral(d.quote)}`,
    `escape = ${quoteLiteral(d.escape)}`,
    `comment = ${quoteLiteral(s.comment)}`,
    `header = ${d.header}`,
    `skip = ${d.skipRows}`,
    `columns = {${s.columns.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(c.type)}`).join(', ')}}`,
  ];
  // DuckDB takes the escaped spelling it prints (a backslash and an `n`), as its Prompt does.
  if (s.newLine) args.push(`new_line = ${quoteLiteral(s.newLine)}`);
  const dateFormat = given.dateFormat ?? (d.dateFormat === NATIVE_DATE_FORMAT ? null : d.dateFormat);
  if (dateFormat !== null) args.push(`dateformat = ${quoteLiteral(dateFormat)}`);
  const timestampFormat = given.timestampFormat ?? d.timestampFormat;
  if (timestampFormat !== null) args.push(`timestampformat = ${quoteLiteral(timestampFormat)}`);
  return args;
}
