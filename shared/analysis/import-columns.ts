// The column names an import produces: the file's own, with the person's renames
// (original name → new name) applied. One check for the preview (to say what is wrong
// while typing) and the core (which refuses the import before anything is written).

export const MAX_COLUMN_NAME = 255;

export type ColumnNamesCheck =
  | { ok: true; names: string[] }
  | { ok: false; message: string; column: string | null };

/** The final names, in file order; DuckDB compares column names case-insensitively, so must we. */
export function renamedColumns(source: readonly string[], renames: Readonly<Record<string, string>>): ColumnNamesCheck {
  for (const from of Object.keys(renames)) {
    if (!source.includes(from)) return { ok: false, message: `The file has no column named ${from}`, column: from };
  }
  const names: string[] = [];
  const seen = new Map<string, string>();
  for (const column of source) {
    const name = Object.hasOwn(renames, column) ? renames[column]!.trim() : column;
    if (!name) return { ok: false, message: `Column ${column} needs a name`, column };
    if (name.length > MAX_COLUMN_NAME) return { ok: false, message: `The name of column ${column} is longer than ${MAX_COLUMN_NAME} characters`, column };
    const other = seen.get(name.toLowerCase());
    if (other !== undefined) return { ok: false, message: `Two columns would be named ${name} (${other} and ${column})`, column };
    seen.set(name.toLowerCase(), column);
    names.push(name);
  }
  return { ok: true, names };
}
