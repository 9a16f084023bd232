// `enclave source add --ca FILE` against a private PostgreSQL with TLS on and a
// certificate signed by a CA the test makes: the CA's content is saved with the source,
// an import connects through it, another CA fails saying what to do, and --ca on a
// SQLite file is a usage error.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SourceInfo } from '../../../shared/sources/sources.js';
import { postgresMissing, startPostgres, type DbServer } from '../../core/testing/db-servers.js';
import { makeTempDir, removeTempDir } from '../../core/testing/temp-dir.js';
import { testKeychain } from '../../core/testing/test-keychain.js';
import { makeTestCertificates, opensslMissing } from '../../core/testing/tls-certificates.js';
import { runCaptured, runCapturedOk } from '../testing/run-captured.js';

const missing = postgresMissing() || opensslMissing();
const certs = makeTempDir();
let pg: DbServer;

before(async () => {
  if (missing) return;
  pg = await startPostgres({ tls: makeTestCertificates(certs) });
  pg.admin('CREATE TABLE t AS SELECT g AS id FROM generate_series(1, 50) g');
});
after(async () => {
  await pg?.stop();
  removeTempDir(certs);
});

describe('enclave source add --ca FILE', { skip: missing, timeout: 300_000 }, () => {
  const keychain = testKeychain('cli-source-ca');
  const options = { keychain, dataDir: makeTempDir(), env: { TZ: 'UTC' } };
  after(async () => {
    await keychain.clear();
    removeTempDir(options.dataDir);
  });

  test('saves the CA with the source: import works with it, another CA fails with what to do, --ca on a SQLite file is a usage error', async () => {
    await runCapturedOk(['profile', 'create', 'Cli'], options);
    await runCapturedOk(['source', 'add', '--profile', 'Cli', 'tls', pg.url, '--password-stdin', '--ca', path.join(certs, 'test-ca.pem')], { ...options, stdin: `${pg.password}\n` });
    const listed = JSON.parse(await runCapturedOk(['source', 'list', '--profile', 'Cli', '--json'], options)) as SourceInfo[];
    assert.deepEqual(listed.map((s) => [s.name, s.tls, s.hasCa]), [['tls', 'verify-full', true]]);
    await runCapturedOk(['import', '--profile', 'Cli', '--source', 'tls', '--source-table', 't', '--table', 't'], options);

    await runCapturedOk(['source', 'add', '--profile', 'Cli', 'wrong', pg.url, '--password-stdin', '--ca', path.join(certs, 'other-ca.pem')], { ...options, stdin: `${pg.password}\n` });
    const wrong = await runCaptured(['import', '--profile', 'Cli', '--source', 'wrong', '--source-table', 't', '--table', 'w'], options);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /^error: SOURCE_CERTIFICATE_UNTRUSTED: .*Give the CA certificate that signed the server's \(a PEM file: --ca FILE/);

    const usage = await runCaptured(['source', 'add', '--profile', 'Cli', 'lite', `sqlite:${path.join(certs, 'x.db')}`, '--ca', path.join(certs, 'test-ca.pem')], options);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /^error: USAGE: --ca is for a PostgreSQL or MySQL source/);
  });
});
