// What a question sends: the profile's own tables with their column names and types, and
// sample rows only when the profile turned them on. Read from the profile's DuckDB on the
// host, so nothing of another profile is ever at hand; the text is scrubbed of the
// profile's folder like every result (result-scrub.ts), so no path leaves either.
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../analytics/sql-text.js';
import { scrubText } from '../analytics/result-scrub.js';
import { readUserCatalog } from '../analytics/tables.js';
import type { ChatMessage } from './chat-completions.js';

/** The schema part of a prompt stops growing here (a 10 000-column table would not fit a model's context anyway). */
const SCHEMA_MAX_CHARS = 60_000;
const SAMPLE_CELL_MAX_CHARS = 200;

const SYSTEM = [
  "You write DuckDB SQL that answers the user's question about their own tables, which are listed below with their columns and types.",
  'Answer with exactly one SQL query in a ```sql code block, followed by at most one sentence.',
  'Use only the tables and columns listed; quote names with double quotes when they need it.',
  'If the question cannot be answered from these tables, say so in one sentence and write no SQL.',
].join(' ');

interface Relation {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  columns: string[];
}

async function relations(conn: DuckDBConnection): Promise<{ db: string; list: Relation[] }> {
  const { db, objects, columns } = await readUserCatalog(conn);
  const byTable = new Map<string, string[]>();
  for (const c of columns) {
    const key = `${String(c.schema_name)}.${String(c.table_name)}`;
    byTable.set(key, [...(byTable.get(key) ?? []), `${quoteIdent(String(c.column_name))} ${String(c.data_type)}`]);
  }
  const list = objects.map((o) => ({
    schema: String(o.schema_name),
    name: String(o.name),
    kind: o.kind === 'view' ? ('view' as const) : ('table' as const),
    columns: byTable.get(`${String(o.schema_name)}.${String(o.name)}`) ?? [],
  }));
  return { db, list };
}

const shorten = (value: unknown): unknown =>
  typeof value === 'string' && value.length > SAMPLE_CELL_MAX_CHARS ? `${value.slice(0, SAMPLE_CELL_MAX_CHARS)}…` : value;

/** Up to `n` rows of a table as JSON lines. Views are left out: running one runs its whole plan. */
async function sampleRows(conn: DuckDBConnection, db: string, r: Relation, n: number): Promise<string[]> {
  const reader = await conn.runAndReadAll(`SELECT * FROM ${quoteIdent(db)}.${quoteIdent(r.schema)}.${quoteIdent(r.name)} LIMIT ${n}`);
  return reader.getRowObjectsJson().map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, shorten(v)]))));
}

/** The schema text sent with a question: one line per table or view, sample rows under tables when asked for. */
export async function schemaText(conn: DuckDBConnection, profileDir: string, sampleRowsPerTable: number): Promise<string> {
  const { db, list } = await relations(conn);
  if (list.length === 0) return '(This profile has no tables yet.)';
  let text = '';
  for (const r of list) {
    const name = r.schema === 'main' ? quoteIdent(r.name) : `${quoteIdent(r.schema)}.${quoteIdent(r.name)}`;
    let block = `- ${name} (${r.kind}): ${r.columns.join(', ')}\n`;
    if (sampleRowsPerTable > 0 && r.kind === 'table') {
      const rows = await sampleRows(conn, db, r, sampleRowsPerTable);
      if (rows.length) block += `  sample rows:\n${rows.map((row) => `    ${row}\n`).join('')}`;
    }
    if (text.length + block.length > SCHEMA_MAX_CHARS) {
      text += '(more tables and columns left out: the list is too long)\n';
      break;
    }
    text += block;
  }
  return scrubText(text.trimEnd(), profileDir);
}

const questionMessage = (schema: string, question: string): ChatMessage => ({
  role: 'user',
  content: `Tables (DuckDB):\n${schema}\n\nQuestion: ${question}`,
});

export function askMessages(schema: string, question: string): ChatMessage[] {
  return [{ role: 'system', content: SYSTEM }, questionMessage(schema, question)];
}

/** A correction round: the question, the SQL proposed for it, and what DuckDB said when it ran. */
export function fixMessages(schema: string, question: string, sql: string, error: string): ChatMessage[] {
  return [
    { role: 'system', content: SYSTEM },
    questionMessage(schema, question),
    { role: 'assistant', content: `\`\`\`sql\n${sql}\n\`\`\`` },
    { role: 'user', content: `DuckDB could not run that query. Its error:\n${error}\n\nWrite a corrected query for the same question.` },
  ];
}
