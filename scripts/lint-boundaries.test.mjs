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
  return result.messages.filter((m) => /no-restricted-(imports|syntax|globals)|enclave\/resolved-boundaries/.test(m.ruleId ?? '') || m.fatal);
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
  ["import { workerHandlers } from '../core/storage/worker-methods.js';", 'electron/host/x.ts'],
  ["import { x } from '../../shared/errors.js';", 'electron/host/x.ts'],
  ["import { utilityLauncher } from './utility-launcher.js';", 'electron/main/x.ts'],
  ["import { ProfileWorkerClient } from '../core/storage/profile-worker-client.js';", 'electron/main/x.ts'],
  ["import { forkLauncher } from '../core/storage/fork-launcher.js';", 'electron/cli/x.ts'],
  ["import { x } from './host-budget.js';", 'electron/core/storage/x.ts'],
];

for (const [code, file] of allowed) {
  test(`allowed: ${code} in ${file}`, async () => {
    assert.deepEqual(await boundaryErrors(code, file), []);
  });
}
