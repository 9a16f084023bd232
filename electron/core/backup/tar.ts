// The minimal ustar (POSIX tar) a profile archive is: regular files only, flat
// names, sizes beyond the 8 GiB octal field in GNU base-256. Anything else a
// reader meets is refused, so an archive can never name a path outside the folder
// it is unpacked into. `tar -tvf` lists our archives; we never read foreign ones.
import type { FileHandle } from 'node:fs/promises';

export const BLOCK = 512;
const OCTAL_SIZE_MAX = 8 ** 11 - 1;

export class TarFormatError extends Error {}

export function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

function writeString(buf: Buffer, offset: number, length: number, value: string): void {
  buf.write(value, offset, length, 'utf8');
}

function writeOctal(buf: Buffer, offset: number, length: number, value: number): void {
  writeString(buf, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
}

/** One 512-byte header of a regular file. */
export function fileHeader(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 100 || name.includes('/')) throw new Error(`tar: name too long or not flat: ${name}`);
  const h = Buffer.alloc(BLOCK);
  writeString(h, 0, 100, name);
  writeOctal(h, 100, 8, 0o600);
  writeOctal(h, 108, 8, 0);
  writeOctal(h, 116, 8, 0);
  if (size <= OCTAL_SIZE_MAX) writeOctal(h, 124, 12, size);
  else {
    h[124] = 0x80;
    h.writeBigUInt64BE(BigInt(size), 128);
  }
  writeOctal(h, 136, 12, Math.floor(mtime.getTime() / 1000));
  h[156] = 0x30; // '0': regular file
  writeString(h, 257, 6, 'ustar\0');
  writeString(h, 263, 2, '00');
  h.fill(0x20, 148, 156); // the checksum is computed with its own field as spaces
  writeOctal(h, 148, 7, checksum(h));
  h[155] = 0x20;
  return h;
}

/** The two zero blocks that end an archive. */
export const endOfArchive = () => Buffer.alloc(BLOCK * 2);

function checksum(h: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  return sum;
}

function readOctal(h: Buffer, offset: number, length: number): number {
  const text = h.toString('latin1', offset, offset + length).replace(/[\0 ]+$/, '').replace(/^ +/, '');
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError('bad number field');
  return parseInt(text, 8);
}

function readSize(h: Buffer): number {
  if (h[124] === 0x80) {
    if (h.readUInt32BE(124) !== 0x80000000) throw new TarFormatError('size out of range');
    const size = h.readBigUInt64BE(128);
    if (size > BigInt(Number.MAX_SAFE_INTEGER)) throw new TarFormatError('size out of range');
    return Number(size);
  }
  return readOctal(h, 124, 12);
}

export interface TarEntry {
  name: string;
  size: number;
  /** Where the entry's bytes start in the archive. */
  offset: number;
}

/**
 * Reads the header at `offset`: the entry, or null at the end-of-archive marker.
 * Throws TarFormatError for anything that is not a plain ustar regular file.
 */
export async function readEntry(file: FileHandle, offset: number, fileSize: number): Promise<TarEntry | null> {
  if (offset + BLOCK > fileSize) throw new TarFormatError('the archive is truncated');
  const h = Buffer.alloc(BLOCK);
  await file.read(h, 0, BLOCK, offset);
  if (h.every((b) => b === 0)) return null;
  if (h.toString('latin1', 257, 263) !== 'ustar\0') throw new TarFormatError('not a ustar header');
  if (readOctal(h, 148, 8) !== checksum(h)) throw new TarFormatError('header checksum mismatch');
  const type = h[156];
  if (type !== 0x30 && type !== 0) throw new TarFormatError('an entry that is not a regular file');
  const nameEnd = h.indexOf(0, 0);
  const name = h.toString('utf8', 0, nameEnd === -1 || nameEnd > 100 ? 100 : nameEnd);
  if (h[345] !== 0) throw new TarFormatError(`an entry with a path prefix: ${name}`);
  const size = readSize(h);
  const start = offset + BLOCK;
  if (start + size + padding(size) > fileSize) throw new TarFormatError('the archive is truncated');
  return { name, size, offset: start };
}
