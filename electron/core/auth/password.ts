// Password verifiers: scrypt with a per-profile random salt, parameters stored with
// the hash so they can be raised later without breaking existing profiles.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface PasswordVerifier {
  alg: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string; // base64
  hash: string; // base64
}

// N = 2^15, r = 8: ~32 MiB and ~100 ms per attempt on this class of machine.
const DEFAULTS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };

function scrypt(password: string, salt: Buffer, keyLength: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, keyLength, { ...opts, maxmem: 256 * opts.N! * opts.r! }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function createVerifier(password: string): Promise<PasswordVerifier> {
  const { N, r, p, keyLength } = DEFAULTS;
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, keyLength, { N, r, p });
  return { alg: 'scrypt', N, r, p, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export async function verifyPassword(password: string, v: PasswordVerifier): Promise<boolean> {
  const expected = Buffer.from(v.hash, 'base64');
  const actual = await scrypt(password, Buffer.from(v.salt, 'base64'), expected.length, { N: v.N, r: v.r, p: v.p });
  return timingSafeEqual(actual, expected);
}
