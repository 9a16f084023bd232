// Saved queries with names, of one profile. Runs inside that profile's host. Names are
// unique in any case ("Sales" and "sales" would be the same entry in the list).
import { AppException } from '../../../shared/errors.js';
import { SAVED_QUERIES_MAX, searchWords, type SavedQuery } from '../../../shared/analysis/query-workspace.js';
import { SqliteRepository } from '../../core/storage/repositories/sqlite-repository.js';
import { uuidv7 } from '../../core/storage/repositories/uuidv7.js';

interface Row {
  id: string;
  name: string;
  sql: string;
  created_at: string;
  updated_at: string;
}

const toQuery = (r: Row): SavedQuery => ({ id: r.id, name: r.name, sql: r.sql, createdAt: r.created_at, updatedAt: r.updated_at });
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class SavedQueryRepository extends SqliteRepository {

  private all(): Row[] {
    return this.s.get('SELECT id, name, sql, created_at, updated_at FROM saved_queries').all() as Row[];
  }

  /**
   * A–Z by name (any case). A search keeps the queries whose name or SQL holds every word
   * of it; matched in JavaScript, whose case folding knows more than ASCII (SQLite's lower()
   * does not), over at most SAVED_QUERIES_MAX rows.
   */
  list(search?: string): SavedQuery[] {
    const words = searchWords(search);
    return this.all()
      .filter((r) => {
        const hay = `${r.name}\n${r.sql}`.toLowerCase();
        return words.every((w) => hay.includes(w));
      })
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.name.localeCompare(b.name))
      .map(toQuery);
  }

  private get(id: string): Row {
    const row = this.s.get('SELECT id, name, sql, created_at, updated_at FROM saved_queries WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new AppException('NOT_FOUND', 'No saved query has that id', { field: 'id' });
    return row;
  }

  private checkName(name: string, except: string | null): void {
    const taken = this.all().find((r) => r.id !== except && sameName(r.name, name));
    if (taken) throw new AppException('ALREADY_EXISTS', `A saved query is already named “${taken.name}”`, { field: 'name' });
  }

  create(name: string, sql: string): SavedQuery {
    const count = (this.s.get('SELECT count(*) AS n FROM saved_queries').get() as { n: number }).n;
    if (count >= SAVED_QUERIES_MAX) {
      throw new AppException('LIMIT_REACHED', `This profile has ${SAVED_QUERIES_MAX} saved queries, the most it keeps: delete some first`);
    }
    this.checkName(name, null);
    const at = this.now();
    const row: Row = { id: uuidv7(at.getTime()), name, sql, created_at: at.toISOString(), updated_at: at.toISOString() };
    this.s.get('INSERT INTO saved_queries (id, name, sql, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(row.id, row.name, row.sql, row.created_at, row.updated_at);
    return toQuery(row);
  }

  update(id: string, changes: { name?: string | undefined; sql?: string | undefined }): SavedQuery {
    const row = this.get(id);
    if (changes.name !== undefined) this.checkName(changes.name, id);
    const next: Row = { ...row, name: changes.name ?? row.name, sql: changes.sql ?? row.sql, updated_at: this.now().toISOString() };
    this.s.get('UPDATE saved_queries SET name = ?, sql = ?, updated_at = ? WHERE id = ?').run(next.name, next.sql, next.updated_at, id);
    return toQuery(next);
  }

  delete(id: string): null {
    if (this.s.get('DELETE FROM saved_queries WHERE id = ?').run(id).changes === 0) {
      throw new AppException('NOT_FOUND', 'No saved query has that id', { field: 'id' });
    }
    return null;
  }
}
