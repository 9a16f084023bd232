// The profile's saved sources and sourced tables, in its data.sqlite (migration 0007).
// Host side: only the profile's host opens that file.
import type { Database } from 'better-sqlite3';
import { AppException } from '../../../shared/errors.js';
import type { SourceKind, SourceSelection, SourcedTable, TlsMode } from '../../../shared/sources/sources.js';
import type { SavedSource } from './source-reader.js';

interface SourceRow {
  name: string;
  kind: SourceKind;
  url: string;
  tls: TlsMode | null;
  has_password: number;
  ca_pem: string | null;
  created_at: string;
}

const toSource = (r: SourceRow): SavedSource => ({ name: r.name, kind: r.kind, url: r.url, tls: r.tls, hasPassword: r.has_password === 1, ca: r.ca_pem, createdAt: r.created_at });

// The message never repeats the name asked for: an answer carries nothing of the request
// back (the isolation suite sends another profile's names through every channel).
export const unknownSource = () => new AppException('NOT_FOUND', 'This profile has no saved source of that name', { field: 'source' });

export function listSources(db: Database): SavedSource[] {
  return (db.prepare('SELECT * FROM sources ORDER BY name COLLATE NOCASE').all() as SourceRow[]).map(toSource);
}

export function getSource(db: Database, name: string): SavedSource {
  const row = db.prepare('SELECT * FROM sources WHERE name = ?').get(name) as SourceRow | undefined;
  if (!row) throw unknownSource();
  return toSource(row);
}

export function addSource(db: Database, s: Omit<SavedSource, 'createdAt'>, now: string): SavedSource {
  if (db.prepare('SELECT 1 FROM sources WHERE name = ?').get(s.name)) throw new AppException('ALREADY_EXISTS', 'This profile has a saved source of that name already', { field: 'name' });
  db.prepare('INSERT INTO sources (name, kind, url, tls, has_password, ca_pem, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(s.name, s.kind, s.url, s.tls, s.hasPassword ? 1 : 0, s.ca, now);
  return { ...s, createdAt: now };
}

export function removeSource(db: Database, name: string): void {
  if (db.prepare('DELETE FROM sources WHERE name = ?').run(name).changes === 0) throw unknownSource();
}

export function listSourcedTables(db: Database): SourcedTable[] {
  const rows = db.prepare('SELECT table_name, source, selection, imported_at, row_count FROM sourced_tables ORDER BY table_name COLLATE NOCASE').all() as {
    table_name: string;
    source: string;
    selection: string;
    imported_at: string;
    row_count: number;
  }[];
  return rows.map((r) => ({ table: r.table_name, source: r.source, selection: JSON.parse(r.selection) as SourceSelection, importedAt: r.imported_at, rows: r.row_count }));
}

export function getSourcedTable(db: Database, table: string): SourcedTable {
  const found = listSourcedTables(db).find((t) => t.table.toLowerCase() === table.toLowerCase());
  if (!found) throw new AppException('NOT_FOUND', 'That table was not imported from a source (or was renamed since)', { field: 'table' });
  return found;
}

export function recordSourcedTable(db: Database, t: SourcedTable): void {
  db.prepare(
    `INSERT INTO sourced_tables (table_name, source, selection, imported_at, row_count) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (table_name) DO UPDATE SET source = excluded.source, selection = excluded.selection, imported_at = excluded.imported_at, row_count = excluded.row_count`,
  ).run(t.table, t.source, JSON.stringify(t.selection), t.importedAt, t.rows);
}
