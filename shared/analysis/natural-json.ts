// Wire cells → natural JSON text, the shape DuckDB's own JSON output and jq users
// expect: numbers as number literals with every digit (JSON numbers have no precision
// limit; only JSON.parse in JavaScript has), nested values as arrays and objects, times
// as ISO 8601. Written as text, never through JSON.stringify of a number, because the
// wire's exact strings are the only place those digits still exist.
import { formatTimestampTz, type WireCell, type WireColumn, type WirePage, type WireType } from '../wire.js';

/** JSON's number grammar: what may be written as a literal. */
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

const quote = (s: string) => JSON.stringify(s);

/** A numeric wire string as a literal; anything else (NaN, ±Infinity) as a string. */
const numberLiteral = (text: string) => (JSON_NUMBER.test(text) ? text : quote(text));

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * A year as ISO 8601 writes it: four digits for 0–9999, else signed with six digits
 * (the expanded form JavaScript's Date reads). 1 BC is year 0, 2 BC year -1.
 */
const isoYear = (y: number) => (y >= 0 && y <= 9999 ? pad(y, 4) : `${y < 0 ? '-' : '+'}${pad(Math.abs(y), 6)}`);

/** A UTC offset as ±HH:MM (DuckDB writes '+02', '+05:30', '-03:30:15'). */
function isoOffset(offset: string): string {
  const m = /^([+-])(\d\d):?(\d\d)?(?::?(\d\d))?$/.exec(offset);
  if (!m) return offset;
  return `${m[1]}${m[2]}:${m[3] ?? '00'}${m[4] && m[4] !== '00' ? `:${m[4]}` : ''}`;
}

const DATE_TIME = /^(\d{4,})-(\d\d)-(\d\d)( \(BC\))?(?: (\d\d:\d\d:\d\d(?:\.\d+)?))?( \(BC\))?([+-]\d\d(?::?\d\d){0,2})?$/;

/** DuckDB's DATE/TIMESTAMP text ('0044-03-15 (BC) 12:00:00+00') as ISO 8601; 'infinity' stays. */
function isoDateTime(text: string): string {
  const m = DATE_TIME.exec(text);
  if (!m) return text;
  const bc = m[4] !== undefined || m[6] !== undefined;
  const year = bc ? 1 - Number(m[1]) : Number(m[1]);
  const date = `${isoYear(year)}-${m[2]}-${m[3]}`;
  if (m[5] === undefined) return date;
  return `${date}T${m[5]}${m[7] !== undefined ? isoOffset(m[7]) : ''}`;
}

/** TIMESTAMPTZ (UTC on the wire) as ISO 8601 in the profile's zone, with that zone's offset. */
function isoTimestampTz(utc: string, timeZone: string | undefined): string {
  if (timeZone && !/\(BC\)/.test(utc)) {
    // Intl writes years below 1000 without padding; those stay in UTC.
    const local = formatTimestampTz(utc, timeZone);
    if (DATE_TIME.test(local)) return isoDateTime(local);
  }
  return isoDateTime(utc);
}

/** '12:00:00+02' → '12:00:00+02:00'. */
function isoTimeTz(text: string): string {
  const m = /^(\d\d:\d\d:\d\d(?:\.\d+)?)([+-].+)$/.exec(text);
  return m ? `${m[1]}${isoOffset(m[2]!)}` : text;
}

/**
 * DuckDB's INTERVAL text ('1 year 2 months -3 days -04:05:06.5') as an ISO 8601
 * duration ('P1Y2M-3DT-4H-5M-6.5S'). Each part keeps its own sign, as PostgreSQL's
 * iso_8601 interval style does: months, days and time are independent in an interval.
 */
function isoDuration(text: string): string {
  let date = '';
  let time = '';
  for (const part of text.split(/ (?=-?\d)/)) {
    const unit = /^(-?\d+) (year|month|mon|day)s?$/.exec(part);
    if (unit) {
      date += `${unit[1]}${unit[2] === 'year' ? 'Y' : unit[2] === 'day' ? 'D' : 'M'}`;
      continue;
    }
    const clock = /^(-?)(\d+):(\d\d):(\d\d)(\.\d+)?$/.exec(part);
    if (!clock) return text;
    const sign = clock[1]!;
    const [h, m, s] = [Number(clock[2]), Number(clock[3]), Number(clock[4])];
    const frac = (clock[5] ?? '').replace(/0+$/, '').replace(/^\.$/, '');
    if (h) time += `${sign}${h}H`;
    if (m) time += `${sign}${m}M`;
    if (s || frac) time += `${sign}${s}${frac}S`;
  }
  if (!date && !time) return 'PT0S';
  return `P${date}${time ? `T${time}` : ''}`;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Lower-case hex (the wire's BLOB) as standard base64 with padding. */
export function hexToBase64(hex: string): string {
  let out = '';
  const byte = (i: number) => parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  const n = hex.length / 2;
  for (let i = 0; i < n; i += 3) {
    const b0 = byte(i);
    const b1 = i + 1 < n ? byte(i + 1) : 0;
    const b2 = i + 2 < n ? byte(i + 2) : 0;
    out += B64[b0 >> 2]! + B64[((b0 & 3) << 4) | (b1 >> 4)]!;
    out += i + 1 < n ? B64[((b1 & 15) << 2) | (b2 >> 6)]! : '=';
    out += i + 2 < n ? B64[b2 & 63]! : '=';
  }
  return out;
}

const TEXT_KEYS = new Set(['VARCHAR', 'ENUM', 'UUID']);

export interface NaturalJsonOptions {
  /** IANA zone TIMESTAMPTZ values are written in (the profile's); UTC without it. */
  timeZone?: string;
}

/** One cell as JSON text. */
export function naturalJson(type: WireType, cell: WireCell, options: NaturalJsonOptions = {}): string {
  if (cell === null) return 'null';
  switch (type.id) {
    case 'BOOLEAN':
      return cell ? 'true' : 'false';
    case 'TINYINT':
    case 'SMALLINT':
    case 'INTEGER':
    case 'BIGINT':
    case 'HUGEINT':
    case 'UTINYINT':
    case 'USMALLINT':
    case 'UINTEGER':
    case 'UBIGINT':
    case 'UHUGEINT':
    case 'BIGNUM':
    case 'DECIMAL':
    case 'FLOAT':
    case 'DOUBLE':
      return numberLiteral(cell as string);
    case 'DATE':
    case 'TIMESTAMP':
    case 'TIMESTAMP_S':
    case 'TIMESTAMP_MS':
    case 'TIMESTAMP_NS':
      return quote(isoDateTime(cell as string));
    case 'TIMESTAMP_TZ':
      return quote(isoTimestampTz(cell as string, options.timeZone));
    case 'TIME_TZ':
      return quote(isoTimeTz(cell as string));
    case 'INTERVAL':
      return quote(isoDuration(cell as string));
    case 'BLOB':
      return quote(hexToBase64(cell as string));
    case 'LIST':
    case 'ARRAY':
      return `[${(cell as WireCell[]).map((c) => naturalJson(type.child, c, options)).join(',')}]`;
    case 'STRUCT':
      return `{${type.fields.map((f, i) => `${quote(f.name)}:${naturalJson(f.type, (cell as WireCell[])[i] ?? null, options)}`).join(',')}}`;
    case 'MAP': {
      const entries = cell as WireCell[][];
      if (TEXT_KEYS.has(type.key.id)) {
        return `{${entries.map(([k, v]) => `${quote(String(k))}:${naturalJson(type.value, v ?? null, options)}`).join(',')}}`;
      }
      return `[${entries.map(([k, v]) => `{"key":${naturalJson(type.key, k ?? null, options)},"value":${naturalJson(type.value, v ?? null, options)}}`).join(',')}]`;
    }
    case 'UNION': {
      const [tag, value] = cell as [string, WireCell];
      const member = type.members.find((m) => m.name === tag);
      return member ? naturalJson(member.type, value, options) : quote(String(value));
    }
    default:
      // TIME, UUID, VARCHAR, ENUM (its label), BIT and types without a JSON shape: text.
      return typeof cell === 'string' ? quote(cell) : quote(JSON.stringify(cell));
  }
}

/** The object keys of a result's columns, quoted once for every row. */
export const jsonKeys = (columns: readonly WireColumn[]): string[] => columns.map((c) => `${quote(c.name)}:`);

/** Row `i` of a page as one JSON object (no whitespace), keys in column order. */
export function naturalJsonRow(columns: readonly WireColumn[], keys: readonly string[], page: WirePage, i: number, options: NaturalJsonOptions = {}): string {
  let out = '{';
  for (let j = 0; j < columns.length; j++) {
    if (j) out += ',';
    out += keys[j]! + naturalJson(columns[j]!.type, page.columns[j]![i] ?? null, options);
  }
  return `${out}}`;
}
