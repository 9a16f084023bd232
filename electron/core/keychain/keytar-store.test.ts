import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { runCliProcess } from '../testing/cli-process.js';
import { listTree, tempDirs } from '../testing/temp-dir.js';
import { testKeychain } from '../testing/test-keychain.js';

const keychain = testKeychain('keytar');
const temp = tempDirs();
after(async () => {
  await keychain.clear();
  temp.removeAll();
});

describe('keytarStore against the real Secret Service', () => {
  test('set, get, overwrite and delete', async () => {
    const { store } = keychain;
    const account = 'account-1';
    assert.equal(await store.get(account), null);
    await store.set(account, 'first secret');
    assert.equal(await store.get(account), 'first secret');
    await store.set(account, 'second secret ✓');
    assert.equal(await store.get(account), 'second secret ✓');
    assert.deepEqual(await keychain.accounts(), [account]);
    assert.equal(await store.delete(account), true);
    assert.equal(await store.get(account), null);
    assert.equal(await store.delete(account), false);
  });

  test('services are separate namespaces', async () => {
    const other = testKeychain('keytar-other');
    try {
      await keychain.store.set('shared-account', 'mine');
      assert.equal(await other.store.get('shared-account'), null);
    } finally {
      await keychain.store.delete('shared-account');
      await other.clear();
    }
  });
});

describe('an unreachable keychain', () => {
  test('profile create fails with exit 4 and KEYCHAIN_UNAVAILABLE, and leaves nothing of the profile', async () => {
    const dataDir = temp.make();
    const result = await runCliProcess(['profile', 'create', 'X', '--data-dir', dataDir], {
      env: {
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(dataDir, 'no-such-bus')}`,
        ENCLAVE_KEYCHAIN_SERVICE: keychain.service,
      },
    });
    assert.equal(result.code, 4, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^error: KEYCHAIN_UNAVAILABLE: /);
    // It names the cause, so the user knows what to fix.
    assert.match(result.stderr, /Could not connect|Secret Service|D-?Bus/i);
    assert.equal(result.stderr.trim().split('\n').length, 1, 'one error line');

    // Never a silent fallback to a file: no profile directory, no secret file, no registry row.
    const tree = listTree(dataDir).filter((p) => !/^registry\.sqlite(-wal|-shm)?$/.test(p));
    assert.deepEqual(tree, ['profiles/']);
    const db = new Database(path.join(dataDir, 'registry.sqlite'), { readonly: true });
    try {
      assert.equal((db.prepare('SELECT count(*) AS n FROM profiles').get() as { n: number }).n, 0);
      assert.equal((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n, 0);
    } finally {
      db.close();
    }
    assert.equal(fs.readdirSync(path.join(dataDir, 'profiles')).length, 0);
    assert.deepEqual(await keychain.accounts(), []);
  });
});
