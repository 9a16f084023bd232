// The WHERE of a list or a count: its conditions and their `?` values, kept side by side
// so a condition is never added without its values (or the values of another in its place).
import type { KeyValue } from './keyset.js';

export class ListFilters {
  readonly where: string[];
  readonly params: KeyValue[] = [];

  /** Starts from conditions without values (e.g. rows not in the Trash). */
  constructor(...where: string[]) {
    this.where = where;
  }

  /** Adds a condition with the values of its `?` marks, in order. */
  add(condition: string, ...values: KeyValue[]): void {
    this.where.push(condition);
    this.params.push(...values);
  }

  /** The conditions as one SQL expression. */
  sql(): string {
    return this.where.join(' AND ');
  }
}
