// For a test file that opens real enclaves as it goes, over temporary data directories and
// the test's own keychain: after the file's tests every enclave is closed (before its
// directory goes), the keychain entries are deleted and the directories removed.
import { after } from 'node:test';
import { openEnclave, type Enclave, type EnclaveOptions } from '../enclave.js';
import { tempDirs } from './temp-dir.js';
import { testKeychain, type TestKeychain } from './test-keychain.js';

export interface EnclaveFixture {
  keychain: TestKeychain;
  /** A new temporary directory, removed after the file's tests. */
  tempDir(): string;
  /** openEnclave, closed after the file's tests. */
  open(options: EnclaveOptions): Promise<Enclave>;
}

export function enclaveFixture(name: string): EnclaveFixture {
  const keychain = testKeychain(name);
  const temp = tempDirs();
  const opened: Enclave[] = [];
  after(async () => {
    await Promise.all(opened.map((e) => e.close()));
    await keychain.clear();
    temp.removeAll();
  });
  return {
    keychain,
    tempDir: () => temp.make(),
    async open(options) {
      const enclave = await openEnclave(options);
      opened.push(enclave);
      return enclave;
    },
  };
}
