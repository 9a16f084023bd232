// Finding the SQL in a model's answer. Models answer in one of a few shapes: a ```sql
// block inside prose (most), a bare ``` block, or the statement alone; reasoning models
// first think aloud inside <think>…</think>, which may itself hold draft SQL.

const SQL_START = /^(select|with|from|values|table|pivot|unpivot|describe|desc|summarize|show|explain|insert|update|delete|create|alter|drop)\b/i;

const stripThinking = (text: string) => text.replace(/<think>[\s\S]*?(<\/think>|$)/gi, '');

/** The SQL of an answer (without a trailing semicolon's whitespace), or null when it holds none. */
export function extractSql(answer: string): string | null {
  const text = stripThinking(answer);
  const fences = [...text.matchAll(/```[ \t]*([\w-]*)[^\n]*\n([\s\S]*?)(?:```|$)/g)].map((m) => ({ lang: m[1]!.toLowerCase(), body: m[2]!.trim() }));
  const fenced =
    fences.find((f) => (f.lang === 'sql' || f.lang === 'duckdb' || f.lang === 'postgresql') && f.body) ??
    fences.find((f) => f.lang === '' && SQL_START.test(f.body));
  if (fenced) return fenced.body;
  if (fences.length > 0) return null;
  // Bare SQL: from the first line that starts a statement to the end of that statement.
  const lines = text.split('\n');
  for (let start = 0; start < lines.length; start++) {
    const line = lines[start]!.trim();
    const keyword = SQL_START.exec(line)?.[1];
    if (!keyword) continue;
    const rest = lines.slice(start).join('\n').trim();
    // Prose after the statement ends at its semicolon; without one, at the first blank line.
    const semicolon = rest.indexOf(';');
    const sql = (semicolon !== -1 ? rest.slice(0, semicolon + 1) : rest.split(/\n\s*\n/)[0]!).trim();
    // "Select a table first." is a sentence: a keyword in lower or title case starts SQL
    // only when what follows does not end like one.
    if (keyword === keyword.toUpperCase() || !/[.!?:]$/.test(sql)) return sql;
  }
  return null;
}
