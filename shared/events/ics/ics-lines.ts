// RFC 5545 content lines: unfolding, folding at 75 octets, parameters, text escaping.

export interface ContentLine {
  /** Upper-case property name (`DTSTART`). */
  name: string;
  /** Upper-case parameter names to values, quotes removed (`TZID` → `Europe/Berlin`). */
  params: Map<string, string>;
  value: string;
}

/** Lines with folded continuations joined (CRLF or LF; a continuation starts with a space or tab). */
export function unfold(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)) {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && out.length > 0) out[out.length - 1] += raw.slice(1);
    else if (raw.length > 0) out.push(raw);
  }
  return out;
}

/** One content line split into name, parameters and value; null when it is not one. */
export function parseLine(line: string): ContentLine | null {
  let i = 0;
  const nameEnd = /[;:]/.exec(line);
  if (!nameEnd) return null;
  const name = line.slice(0, nameEnd.index).toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  i = nameEnd.index;
  const params = new Map<string, string>();
  while (line[i] === ';') {
    const eq = line.indexOf('=', i);
    if (eq < 0) return null;
    const pname = line.slice(i + 1, eq).toUpperCase();
    i = eq + 1;
    let value = '';
    // A parameter value may be quoted (and then hold ; : ,), several values comma-separated.
    for (;;) {
      if (line[i] === '"') {
        const close = line.indexOf('"', i + 1);
        if (close < 0) return null;
        value += line.slice(i + 1, close);
        i = close + 1;
      } else {
        const m = /[;:,]/.exec(line.slice(i));
        const stop = m ? i + m.index : line.length;
        value += line.slice(i, stop);
        i = stop;
      }
      if (line[i] !== ',') break;
      value += ',';
      i++;
    }
    params.set(pname, value);
  }
  if (line[i] !== ':') return null;
  return { name, params, value: line.slice(i + 1) };
}

/** A TEXT value with its escapes resolved (`\n` newline, `\,` `\;` `\\`). */
export const unescapeText = (v: string): string =>
  v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** A TEXT value escaped for writing. */
export const escapeText = (v: string): string =>
  v.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

const encoder = new TextEncoder();

/** A line folded to at most 75 octets per physical line, never inside a UTF-8 character; CRLF-terminated. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      // A continuation's leading space counts towards its 75.
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return `${parts.join('\r\n ')}\r\n`;
}
