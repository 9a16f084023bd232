// A source's own CA certificate, against a real PostgreSQL started by the test with TLS on
// and a certificate signed by a CA made here with openssl (no system trusts it): with that
// CA the source connects and imports, with another CA or none (verify-full) it answers
// SOURCE_CERTIFICATE_UNTRUSTED saying what to do, and the certificate's text is kept
// with the source but never listed to a window. (The CLI's --ca: source-ca-command.test.ts.)
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { AppError, Result } from '../../../shared/errors.js';
import type { SourceImportOutcome, SourceInfo } from '../../../shared/sources/sources.js';
import type { Enclave } from '../enclave.js';
import { postgresMissing, startPostgres, type DbServer } from '../testing/db-servers.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { makeTestCertificates, opensslMissing } from '../testing/tls-certificates.js';

const W = 1;
const missing = postgresMissing() || opensslMissing();
const fx = enclaveFixture('pg-tls');
let pg: DbServer;
let certs = '';

before(async () => {
  if (missing) return;
  certs = fx.tempDir();
  pg = await startPostgres({ tls: makeTestCertificates(certs) });
  pg.admin('CREATE TABLE t AS SELECT g AS id, md5(g::text) AS h FROM generate_series(1, 50) g');
});
after(async () => {
  await pg?.stop();
});

describe('a PostgreSQL source over TLS with its own CA', { skip: missing, timeout: 300_000 }, () => {
  let enclave: Enclave;

  const answer = async <T>(channel: string, input?: unknown) => (await enclave.handle(W, channel, input)) as Result<T>;
  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const r = await answer<T>(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  const fails = async (channel: string, input: unknown): Promise<AppError> => {
    const r = await answer(channel, input);
    assert.ok(!r.ok, `${channel} should fail`);
    return r.error;
  };
  const token = (file: string) => enclave.grantFile(W, 'read', file).token;

  before(async () => {
    enclave = await fx.open({ dataDir: fx.tempDir(), secrets: fx.keychain.store });
    const profile = await call<{ id: string }>('createProfile', { name: 'Tess' });
    await call('unlockProfile', { profileId: profile.id });
  });
  test('with the CA that signed the server certificate it connects over TLS and imports; the listing says so without the certificate', async () => {
    const added = await call<SourceInfo>('addSource', { name: 'tls', url: pg.url, password: pg.password, ca: token(path.join(certs, 'test-ca.pem')) });
    // A loopback URL defaults to plain TCP; a CA given makes it verified TLS.
    assert.equal(added.tls, 'verify-full');
    assert.equal(added.hasCa, true);
    const tables = await call<{ name: string }[]>('browseSource', { source: 'tls' });
    assert.ok(tables.some((t) => t.name === 't'));
    const out = await call<SourceImportOutcome>('importFromSource', { source: 'tls', from: { table: 't' }, table: 't' });
    assert.equal(out.rows, 50);
    const listed = await call<SourceInfo[]>('listSources');
    assert.deepEqual(listed.map((s) => [s.name, s.hasCa]), [['tls', true]]);
    assert.ok(!JSON.stringify(listed).includes('BEGIN CERTIFICATE'), 'a window never gets the certificate text');
  });

  test('another CA, or none with verify-full, answers SOURCE_CERTIFICATE_UNTRUSTED saying what to do; require without a CA encrypts unchecked', async () => {
    await call('addSource', { name: 'wrong', url: pg.url, password: pg.password, ca: token(path.join(certs, 'other-ca.pem')) });
    const wrong = await fails('browseSource', { source: 'wrong' });
    assert.equal(wrong.code, 'SOURCE_CERTIFICATE_UNTRUSTED');
    assert.match(wrong.message, /CA certificate saved with the source did not sign it/);
    assert.match(wrong.message, /--ca FILE/);
    assert.equal((await fails('importFromSource', { source: 'wrong', from: { table: 't' }, table: 'w' })).code, 'SOURCE_CERTIFICATE_UNTRUSTED');

    await call('addSource', { name: 'system', url: `${pg.url}?sslmode=verify-full`, password: pg.password });
    const system = await fails('browseSource', { source: 'system' });
    assert.equal(system.code, 'SOURCE_CERTIFICATE_UNTRUSTED');
    assert.match(system.message, /no CA this computer trusts signed it/);

    await call('addSource', { name: 'unchecked', url: `${pg.url}?sslmode=require`, password: pg.password });
    assert.ok((await call<{ name: string }[]>('browseSource', { source: 'unchecked' })).some((t) => t.name === 't'));
  });

  test('a CA with TLS off, or a file that is no certificate, is refused and nothing is saved', async () => {
    const off = await fails('addSource', { name: 'off', url: `${pg.url}?sslmode=disable`, ca: token(path.join(certs, 'test-ca.pem')) });
    assert.equal(off.code, 'INVALID_INPUT');
    assert.equal(off.field, 'tls');
    const junk = await fails('addSource', { name: 'junk', url: pg.url, ca: token(path.join(certs, 'not-a-cert.pem')) });
    assert.equal(junk.code, 'INVALID_INPUT');
    assert.equal(junk.field, 'ca');
    const names = (await call<SourceInfo[]>('listSources')).map((s) => s.name);
    assert.ok(!names.includes('off') && !names.includes('junk'), 'a refused source is not saved');
  });
});
