import type Database from 'better-sqlite3';
import { Statements } from './statements.js';

/**
 * What every repository over a profile's data.sqlite holds: its prepared statements and
 * the clock its writes stamp (tests pass their own).
 */
export abstract class SqliteRepository {
  protected readonly s: Statements;

  constructor(
    db: Database.Database,
    protected readonly now: () => Date = () => new Date(),
  ) {
    this.s = new Statements(db);
  }
}
