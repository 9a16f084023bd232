// A table name people can type in SQL without quotes: what the importer will create.

const MAX = 63;

export function sanitizeTableName(raw: string): string {
  let name = raw
    .trim()
    .replace(/\.[A-Za-z0-9]+$/, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  if (!name) name = 'imported';
  if (/^[0-9]/.test(name)) name = `t_${name}`;
  return name.slice(0, MAX);
}

/** `name`, or `name_2`, `name_3`… — the first not in `taken` (compared like DuckDB: ignoring case). */
export function freeTableName(name: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name}_${i}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** A double-quoted SQL identifier. */
export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
