// Text for the clipboard from a block of result cells: TSV (what spreadsheets paste),
// CSV, a Markdown table, JSON and an SQL IN-list. Every value is written from its wire
// text, so BIGINT, HUGEINT and DECIMAL keep every digit (nothing passes through a JS
// number) and NULL stays apart from the empty string wherever the format can say so.
import { formatCell, isNumericType, type WireCell, type WireColumn, type WireType } from '../wire.js';

export type CopyFormat = 'tsv' | 'csv' | 'markdown' | 'json' | 'sql-in';

export interface CopyBlock {
  columns: WireColumn[];
  /** Row-major cells: rows[i][j] is column j of the i-th copied row. */
  rows: WireCell[][];
  /** The zone TIMESTAMPTZ values are written in (the grid's zone). */
  timeZone: string;
  /** Whether TSV starts with the column names (the other formats always name columns, IN-lists never). */
  header: boolean;
}

/** One value as plain text: the grid's exact text, BLOBs as unbroken hex, NULL as null. */
export function cellText(type: WireType, cell: WireCell, timeZone: string): string | null {
  if (cell === null) return null;
  if (type.id === 'BLOB' && typeof cell === 'string') return cell;
  return formatCell(type, cell, { timeZone, blobPreviewBytes: Number.MAX_SAFE_INTEGER });
}

/** Spreadsheet quoting: a field holding the separator, a quote or a line break is quoted, quotes doubled. */
function delimited(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function separated(block: CopyBlock, separator: string, header: boolean): string {
  const lines: string[] = [];
  if (header) lines.push(block.columns.map((c) => delimited(c.name, separator)).join(separator));
  for (const row of block.rows) {
    lines.push(block.columns.map((c, j) => delimited(cellText(c.type, row[j] ?? null, block.timeZone) ?? '', separator)).join(separator));
  }
  return lines.join('\r\n');
}

/** Pipes escaped and line breaks as <br>, so a cell stays one table cell. */
const markdownCell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, '<br>');

function markdown(block: CopyBlock): string {
  const numeric = block.columns.map((c) => isNumericType(c.type));
  const lines = [
    `| ${block.columns.map((c) => markdownCell(c.name)).join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '--:' : '---')).join(' | ')} |`,
  ];
  for (const row of block.rows) {
    lines.push(`| ${block.columns.map((c, j) => markdownCell(cellText(c.type, row[j] ?? null, block.timeZone) ?? 'NULL')).join(' | ')} |`);
  }
  return lines.join('\n');
}

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * A value as JSON text. Numbers are written from their wire digits (JSON numbers have no
 * size limit; a JS number would round a BIGINT), NaN and ±Infinity as strings, lists as
 * arrays, structs as objects, maps as [{key, value}], everything else as its text.
 */
function jsonValue(type: WireType, cell: WireCell, timeZone: string): string {
  if (cell === null) return 'null';
  if (typeof cell === 'boolean') return String(cell);
  switch (type.id) {
    case 'LIST':
    case 'ARRAY':
      return `[${(cell as WireCell[]).map((c) => jsonValue(type.child, c, timeZone)).join(',')}]`;
    case 'STRUCT':
      return `{${type.fields.map((f, i) => `${JSON.stringify(f.name)}:${jsonValue(f.type, (cell as WireCell[])[i] ?? null, timeZone)}`).join(',')}}`;
    case 'MAP':
      return `[${(cell as WireCell[][])
        .map(([k, v]) => `{"key":${jsonValue(type.key, k ?? null, timeZone)},"value":${jsonValue(type.value, v ?? null, timeZone)}}`)
        .join(',')}]`;
    case 'UNION': {
      const [tag, value] = cell as [string, WireCell];
      const member = type.members.find((m) => m.name === tag);
      return member ? jsonValue(member.type, value, timeZone) : JSON.stringify(String(value));
    }
    default: {
      if (isNumericType(type) && typeof cell === 'string' && JSON_NUMBER.test(cell)) return cell;
      return JSON.stringify(cellText(type, cell, timeZone) ?? '');
    }
  }
}

function json(block: CopyBlock): string {
  const names = block.columns.map((c) => JSON.stringify(c.name));
  const rows = block.rows.map(
    (row) => `  {${block.columns.map((c, j) => `${names[j]}: ${jsonValue(c.type, row[j] ?? null, block.timeZone)}`).join(', ')}}`,
  );
  return rows.length ? `[\n${rows.join(',\n')}\n]` : '[]';
}

/**
 * `(1, 2, 3)` or `('a', 'b')` from every selected value, in order, each once: numbers
 * bare, everything else as a quoted literal, NULL as NULL.
 */
function sqlInList(block: CopyBlock): string {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const row of block.rows) {
    block.columns.forEach((c, j) => {
      const cell = row[j] ?? null;
      let item: string;
      if (cell === null) item = 'NULL';
      else if (typeof cell === 'boolean') item = cell ? 'TRUE' : 'FALSE';
      else if (isNumericType(c.type) && typeof cell === 'string' && JSON_NUMBER.test(cell)) item = cell;
      else item = `'${(cellText(c.type, cell, block.timeZone) ?? '').replace(/'/g, "''")}'`;
      if (seen.has(item)) return;
      seen.add(item);
      items.push(item);
    });
  }
  return `(${items.join(', ')})`;
}

export function formatCopy(format: CopyFormat, block: CopyBlock): string {
  switch (format) {
    case 'tsv':
      return separated(block, '\t', block.header);
    case 'csv':
      return separated(block, ',', true);
    case 'markdown':
      return markdown(block);
    case 'json':
      return json(block);
    case 'sql-in':
      return sqlInList(block);
  }
}

export const COPY_FORMAT_LABELS: Record<CopyFormat, string> = {
  tsv: 'Copy (TSV)',
  csv: 'Copy as CSV',
  markdown: 'Copy as Markdown',
  json: 'Copy as JSON',
  'sql-in': 'Copy as SQL IN-list',
};
