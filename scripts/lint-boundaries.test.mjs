// Proves the import-boundary rules in eslint.config.js fire (and do not over-fire).
// Run: node --test scripts/lint-boundaries.test.mjs
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });

/** Boundary messages ESLint reports for `code` as if it lived at `file` (the file need not exist). */
async function boundaryErrors(code, file) {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result.messages.filter((m) => /no-restricted-(imports|syntax|globals)|enclave\/(layers|no-cycles)/.test(m.ruleId ?? '') || m.fatal);
}

const reported = [
  ["import fs from 'node:fs';", 'shared/x.ts'],
  ["import { join } from 'path';", 'shared/x.ts'],
  ["import { readFile } from 'fs/promises';", 'shared/x.ts'],
  ["import { app } from 'electron';", 'shared/x.ts'],
  ["import { useState } from 'react';", 'shared/x.ts'],
  ["import { x } from '../electron/core/enclave.js';", 'shared/x.ts'],
  ["import { x } from '../renderer/bridge/bridge.js';", 'shared/x.ts'],
  ['export const w = window.innerWidth;', 'shared/x.ts'],
  ['export const e = process.env.HOME;', 'shared/x.ts'],
  ["import { app } from 'electron';", 'electron/core/x.ts'],
  ["import { app } from 'electron';", 'electron/cli/x.ts'],
  ["import { app } from 'electron';", 'bench/x.ts'],
  ["import { app } from 'electron';", 'e2e/chromium/x.spec.ts'],
  ["import { app } from 'electron';", 'e2e/electron/x.spec.ts'],
  ["import { _electron } from '@playwright/test';", 'e2e/chromium/x.spec.ts'],
  ["import { app } from 'electron';", 'renderer/x.tsx'],
  ["import { ipcRenderer } from 'electron/renderer';", 'renderer/x.ts'],
  ["import os from 'node:os';", 'renderer/x.ts'],
  ["import '../electron/core/enclave.js';", 'renderer/x.ts'],
  ["export const m = await import('node:fs');", 'renderer/x.ts'],
  ["import fs from 'node:fs';", 'electron/preload/x.ts'],
  // The profile host runs in its own process: no main-only code in it, and it in no main-only code.
  ["import { app } from 'electron';", 'electron/host/x.ts'],
  ["import { startShell } from '../main/shell.js';", 'electron/host/x.ts'],
  ["import { x } from '../../main/ipc.js';", 'electron/host/sub/x.ts'],
  ["import { run } from '../cli/cli.js';", 'electron/host/x.ts'],
  ["export { run } from '../cli/cli.js';", 'electron/host/x.ts'],
  ["export const m = await import('../main/shell.js');", 'electron/host/x.ts'],
  ["import '../host/profile-host.js';", 'electron/main/x.ts'],
  ["import { connectToParent } from '../host/parent-link.js';", 'electron/cli/x.ts'],
  ["import { x } from '../../host/profile-host.js';", 'electron/core/storage/x.ts'],
  ["export const m = await import('../host/profile-host.js');", 'electron/main/x.ts'],
  // One case per forbidden direction of the runtime layers (scripts/import-graph.mjs: LAYERS),
  // each on the resolved path, so a roundabout spelling is caught too.
  ["import { x } from '../renderer/format/byte-size.js';", 'shared/x.ts'],
  ["import { x } from '../electron/preload/bridge.js';", 'shared/channels/../x.ts'],
  ["import { x } from '../electron/host/profile-host.js';", 'shared/x.ts'],
  ["import { x } from '../../electron/main/ipc.js';", 'renderer/bridge/x.ts'],
  ["import { x } from '../electron/preload/bridge.js';", 'renderer/x.ts'],
  ["import { x } from '../../shared/../electron/core/paths.js';", 'renderer/bridge/x.ts'],
  ["import { x } from '../core/paths.js';", 'electron/preload/x.ts'],
  ["import { x } from '../main/ipc.js';", 'electron/preload/x.ts'],
  ["import { x } from '../../renderer/bridge/bridge.js';", 'electron/preload/x.ts'],
  ["import { x } from '../../main/ipc.js';", 'electron/core/router/x.ts'],
  ["import { x } from '../../cli/session.js';", 'electron/core/storage/x.ts'],
  ["import { x } from '../preload/bridge.js';", 'electron/core/x.ts'],
  ["import { x } from '../../renderer/App.js';", 'electron/core/x.ts'],
  ["import { x } from '../core/../main/ipc.js';", 'electron/host/x.ts'],
  ["import { x } from '../preload/bridge.js';", 'electron/host/x.ts'],
  ["import { x } from '../../renderer/App.js';", 'electron/host/x.ts'],
  ["import { x } from '../main/ipc.js';", 'electron/cli/x.ts'],
  ["import { x } from '../../main/windows.js';", 'electron/cli/commands/x.ts'],
  ["import { x } from '../host/profile-host.js';", 'electron/cli/x.ts'],
  ["import { x } from '../preload/bridge.js';", 'electron/cli/x.ts'],
  ["import { x } from '../cli/cli.js';", 'electron/main/x.ts'],
  ["import { x } from '../preload/bridge.js';", 'electron/main/x.ts'],
  ["import { x } from '../../renderer/App.js';", 'electron/main/x.ts'],
  ["import { x } from '../electron/main/ipc.js';", 'bench/x.ts'],
  ["import { x } from '../electron/host/profile-host.js';", 'bench/x.ts'],
  // Shipped code never imports a test kit (testing/ folders are left out of the package).
  ["import { makeTempDir } from '../testing/temp-dir.js';", 'electron/core/storage/x.ts'],
  ["import { storePerTest } from '../testing/test-store.js';", 'electron/host/tasks/x.ts'],
  ["import { standIn } from './testing/electron-stand-in.js';", 'electron/main/x.ts'],
  ["import { runCaptured } from './testing/run-captured.js';", 'electron/cli/x.ts'],
  ["import { x } from './x.test.js';", 'electron/core/y.ts'],
  // A planted cycle: paths.ts is imported (through others) by enclave.ts, so importing it back closes a loop.
  ["import { openEnclave } from './enclave.js'; export const p = openEnclave;", 'electron/core/paths.ts'],
  ["import type { Enclave } from './enclave.js'; export type P = Enclave;", 'electron/core/paths.ts'],
  ["import { x } from './x.js';", 'shared/x.ts'],
  // The host never imports the core's main-only code (import-graph.mjs: MAIN_ONLY_CORE), nor main-only code the host's handlers.
  ["import { route } from '../core/router/router.js';", 'electron/host/x.ts'],
  ["import type { Handlers } from '../../core/router/handler-types.js';", 'electron/host/tasks/x.ts'],
  ["import { Sessions } from '../core/sessions/sessions.js';", 'electron/host/x.ts'],
  ["import { Enclave } from '../core/enclave.js';", 'electron/host/x.ts'],
  ["import { FileGrants } from '../../core/files/file-grants.js';", 'electron/host/analysis/x.ts'],
  ["import { ProfileWorkerClient } from '../core/storage/profile-worker-client.js';", 'electron/host/x.ts'],
  ["import { checkImportSource } from '../../electron/core/analytics/import-source.js';", 'electron/host/x.ts'],
  ["import { hostHandlers } from '../../host/host-handlers.js';", 'electron/core/router/x.ts'],
  ["import { taskHandlers } from '../../../host/tasks/task-handlers.js';", 'electron/core/router/handlers/x.ts'],
  ["import { hostHandlers } from '../host/host-handlers.js';", 'electron/cli/x.ts'],
  // The core never uses a feature's repository, its tests included (they live in electron/host/<feature>/).
  ["import { TaskRepository } from '../../../host/tasks/task-repository.js';", 'electron/core/storage/sqlite-migrations/x.test.ts'],
  ["import { openTestStore } from '../../host/testing/test-store.js';", 'electron/core/analytics/x.test.ts'],
  // Only the CLI's legacy import may use the host, and only its repositories.
  ["import { TaskRepository } from '../../host/tasks/task-repository.js';", 'electron/cli/commands/x.ts'],
  ["import { taskHandlers } from '../../host/tasks/task-handlers.js';", 'electron/cli/legacy/x.ts'],
  ["import { repositories } from '../../host/repositories.js';", 'electron/cli/legacy/x.ts'],
  ["import { ProfileWorkerClient } from '../../core/storage/profile-worker-client.js';", 'electron/host/trash/x.ts'],
];

for (const [code, file] of reported) {
  test(`reported: ${code} in ${file}`, async () => {
    const errors = await boundaryErrors(code, file);
    assert.ok(errors.length > 0, `expected a boundary error for ${file}`);
    assert.ok(errors.every((m) => !m.fatal && m.message.length > 20), JSON.stringify(errors));
  });
}

const allowed = [
  ["import { app } from 'electron';", 'electron/main/x.ts'],
  ["import { contextBridge } from 'electron';", 'electron/preload/x.ts'],
  ["import fs from 'node:fs';", 'electron/core/x.ts'],
  ["import { z } from 'zod';", 'shared/x.ts'],
  ["import { test } from 'node:test';", 'shared/x.test.ts'],
  ["import { x } from '../shared/contract.js';", 'renderer/x.ts'],
  ["import { x } from './electron-bridge.js';", 'renderer/x.ts'],
  ["import { _electron } from '@playwright/test';", 'e2e/electron/x.spec.ts'],
  ["import { x } from '../core/enclave.js';", 'electron/main/x.ts'],
  ["import { hostHandlers } from './host-handlers.js';", 'electron/host/x.ts'],
  ["import { repositories } from '../repositories.js';", 'electron/host/tasks/x.ts'],
  ["import { SqliteRepository } from '../../core/storage/repositories/sqlite-repository.js';", 'electron/host/tasks/x.ts'],
  ["import type { HostHandlerTable } from '../../core/storage/profile-stores.js';", 'electron/host/tasks/x.ts'],
  ["import { snapshotHandlers } from '../../core/backup/snapshot-methods.js';", 'electron/host/analysis/x.ts'],
  // A feature's slice across runtimes: its host folder and the CLI's legacy import use its repository.
  ["import { TaskRepository } from '../../host/tasks/task-repository.js';", 'electron/cli/legacy/x.ts'],
  // A host test may start a host through main's thin client (it runs in the test runner, not in a host).
  ["import { ProfileWorkerClient } from '../../core/storage/profile-worker-client.js';", 'electron/host/trash/x.test.ts'],
  ["import type { HostInput } from '../core/storage/worker-protocol.js';", 'electron/host/x.ts'],
  // The thin client's protocol is what both ends share.
  ["import { servedByHost } from '../storage/worker-protocol.js';", 'electron/core/router/x.ts'],
  ["import { x } from '../../shared/errors.js';", 'electron/host/x.ts'],
  ["import { utilityLauncher } from './utility-launcher.js';", 'electron/main/x.ts'],
  ["import { ProfileWorkerClient } from '../core/storage/profile-worker-client.js';", 'electron/main/x.ts'],
  ["import { forkLauncher } from '../core/storage/fork-launcher.js';", 'electron/cli/x.ts'],
  ["import { x } from './host-budget.js';", 'electron/core/storage/x.ts'],
  // Each allowed direction of the runtime layers.
  ["import { x } from './channels/fields.js';", 'shared/x.ts'],
  ["import { x } from '../../shared/contract.js';", 'renderer/bridge/x.ts'],
  ["import { x } from '../../shared/contract.js';", 'electron/preload/x.ts'],
  ["import { x } from './bridge.js';", 'electron/preload/x.ts'],
  ["import { x } from '../../shared/errors.js';", 'electron/core/x.ts'],
  ["import { x } from '../storage/host-budget.js';", 'electron/core/sessions/x.ts'],
  ["import { x } from '../core/storage/sqlite-store.js';", 'electron/host/x.ts'],
  ["import { x } from './parent-link.js';", 'electron/host/x.ts'],
  ["import { x } from '../core/enclave.js';", 'electron/cli/x.ts'],
  ["import { x } from '../../shared/contract.js';", 'electron/cli/x.ts'],
  ["import { x } from '../../shared/contract.js';", 'electron/main/x.ts'],
  ["import { x } from '../electron/core/enclave.js';", 'bench/x.ts'],
  ["import { x } from '../shared/contract.js';", 'bench/x.ts'],
  // Tests and kits may use kits.
  ["import { makeTempDir } from '../testing/temp-dir.js';", 'electron/core/storage/x.test.ts'],
  ["import { makeTempDir } from './temp-dir.js';", 'electron/core/testing/x.ts'],
  ["import { testKeychain } from '../../core/testing/test-keychain.js';", 'electron/cli/testing/x.ts'],
  // An import of a file that does not import us back is no cycle.
  ["import { profileDir } from './paths.js'; export const p = profileDir;", 'electron/core/enclave.ts'],
];

for (const [code, file] of allowed) {
  test(`allowed: ${code} in ${file}`, async () => {
    assert.deepEqual(await boundaryErrors(code, file), []);
  });
}
