// Profile archives rebuilt entry by entry, for tests that tamper with them: read a
// good archive's entries, change some, write them back (names with a slash included,
// which our own writer refuses).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { MANIFEST_NAME } from '../backup/archive.js';
import { BLOCK, endOfArchive, fileHeader, padding } from '../backup/tar.js';

export interface Entry {
  name: string;
  data: Buffer;
}

export function readEntries(file: string): Entry[] {
  const buf = fs.readFileSync(file);
  const entries: Entry[] = [];
  let offset = 0;
  while (offset + BLOCK <= buf.length && !buf.subarray(offset, offset + BLOCK).every((b) => b === 0)) {
    const h = buf.subarray(offset, offset + BLOCK);
    const name = h.toString('utf8', 0, h.indexOf(0));
    const size = parseInt(h.toString('latin1', 124, 135), 8);
    entries.push({ name, data: Buffer.from(buf.subarray(offset + BLOCK, offset + BLOCK + size)) });
    offset += BLOCK + size + padding(size);
  }
  return entries;
}

export function writeEntries(file: string, entries: Entry[]): void {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const h = Buffer.alloc(BLOCK);
    // fileHeader refuses names with a slash; a hostile archive does not care, so write those by hand.
    if (e.name.includes('/')) {
      fileHeader('x', e.data.length, new Date()).copy(h);
      h.fill(0, 0, 100);
      h.write(e.name, 0, 'utf8');
      h.fill(0x20, 148, 156);
      let sum = 0;
      for (const b of h) sum += b;
      h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    } else fileHeader(e.name, e.data.length, new Date()).copy(h);
    parts.push(h, e.data, Buffer.alloc(padding(e.data.length)));
  }
  parts.push(endOfArchive());
  fs.writeFileSync(file, Buffer.concat(parts));
}

export const editManifest = (entries: Entry[], edit: (m: Record<string, unknown>) => void) =>
  entries.map((e) => {
    if (e.name !== MANIFEST_NAME) return e;
    const m = JSON.parse(e.data.toString('utf8')) as Record<string, unknown>;
    edit(m);
    return { name: e.name, data: Buffer.from(JSON.stringify(m)) };
  });

/** The entries with `name`'s bytes replaced and the manifest's size and checksum to match: a forgery that checks out. */
export const forgeEntry = (entries: Entry[], name: string, data: Buffer) =>
  editManifest(
    entries.map((e) => (e.name === name ? { name, data } : e)),
    (m) => {
      const spec = (m.files as { name: string; size: number; sha256: string }[]).find((x) => x.name === name)!;
      spec.size = data.length;
      spec.sha256 = createHash('sha256').update(data).digest('hex');
    },
  );
