// The preload against a stand-in contextBridge and ipcRenderer: window.api must hold
// exactly the contract's methods, map them onto our IPC channel names, and hand
// listeners the payload only. Runs in Node (its lint lets tests use Node built-ins;
// the bundled preload itself may not).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { CHANNEL_NAMES, EVENT_NAMES, eventMethodName, ipcChannel, ipcEvent } from '../../shared/contract.js';
import { DROPPED_FILE_IPC } from '../../shared/files/file-grants.js';
import { exposeApi, exposeDroppedFiles, type BridgeContext, type BridgeIpc } from './bridge.js';

type Fn = (...args: unknown[]) => unknown;

function standIns() {
  const exposed: Array<{ key: string; api: unknown }> = [];
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  const listeners = new Map<string, Set<Fn>>();
  const contextBridge: BridgeContext = {
    exposeInMainWorld(apiKey, api) {
      exposed.push({ key: apiKey, api });
    },
  };
  const ipcRenderer: BridgeIpc = {
    async invoke(channel, ...args) {
      invoked.push({ channel, args });
      return { ok: true, value: channel };
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set<Fn>();
      set.add(listener as Fn);
      listeners.set(channel, set);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener as Fn);
      return ipcRenderer;
    },
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener(...args);
  };
  return { contextBridge, ipcRenderer, exposed, invoked, listeners, emit };
}

const expectedKeys = () => [...CHANNEL_NAMES, ...EVENT_NAMES.map(eventMethodName)].sort();

/** What every preload variant must do, given what it exposed through the stand-ins. */
async function assertBridge(s: ReturnType<typeof standIns>) {
  const api = s.exposed.find((e) => e.key === 'api')?.api;
  assert.ok(api, 'window.api is exposed');
  const methods = api as Record<string, Fn>;
  assert.deepEqual(Object.keys(methods).sort(), expectedKeys(), 'window.api holds the contract methods and nothing else');
  assert.ok(Object.isFrozen(methods));
  for (const k of Object.keys(methods)) assert.equal(typeof methods[k], 'function', k);

  for (const name of CHANNEL_NAMES) {
    assert.deepEqual(await methods[name]!({ probe: name }), { ok: true, value: ipcChannel(name) });
  }
  assert.deepEqual(
    s.invoked,
    CHANNEL_NAMES.map((name) => ({ channel: ipcChannel(name), args: [{ probe: name }] })),
  );

  for (const event of EVENT_NAMES) {
    const received: unknown[][] = [];
    const unsubscribe = methods[eventMethodName(event)]!((...args: unknown[]) => received.push(args)) as () => void;
    const ipcRendererEvent = { sender: s.ipcRenderer, senderId: 0 };
    s.emit(ipcEvent(event), ipcRendererEvent, { reason: 'idle' });
    assert.deepEqual(received, [[{ reason: 'idle' }]], 'the listener gets the payload only, never the IpcRendererEvent');
    unsubscribe();
    assert.equal(s.listeners.get(ipcEvent(event))?.size, 0, 'unsubscribe removes the ipcRenderer listener');
    s.emit(ipcEvent(event), ipcRendererEvent, { reason: 'user' });
    assert.equal(received.length, 1);
  }
}

/** A stand-in for webUtils.getPathForFile: '' for a file that is not on disk, throws on a non-File. */
function getPathForFile(file: unknown): string {
  if (typeof file !== 'object' || file === null || !('name' in file)) throw new TypeError('not a File');
  return 'onDisk' in file ? `/home/ada/Downloads/${String(file.name)}` : '';
}

/**
 * window.files answers a read grant for a dropped file and nothing else: the path goes
 * from webUtils to main over DROPPED_FILE_IPC, never to the page.
 */
async function assertDroppedFiles(s: ReturnType<typeof standIns>) {
  assert.deepEqual(s.exposed.map((e) => e.key), ['api', 'files'], 'exactly window.api and window.files');
  const files = s.exposed[1]!.api as Record<string, Fn>;
  assert.deepEqual(Object.keys(files), ['grant']);
  assert.ok(Object.isFrozen(files));
  s.invoked.length = 0;
  const grant = await files.grant!({ name: 'sales.csv', onDisk: true });
  assert.deepEqual(s.invoked, [{ channel: DROPPED_FILE_IPC, args: ['/home/ada/Downloads/sales.csv'] }], 'the path goes to main only');
  assert.equal(grant, DROPPED_FILE_IPC, "the page gets main's answer (the stand-in answers the channel's name), not the path");
  s.invoked.length = 0;
  assert.equal(await files.grant!({ name: 'made-by-script.csv' }), null, 'a File not on disk gets no token');
  assert.equal(await files.grant!('/etc/passwd'), null, 'not a File: no token');
  assert.deepEqual(s.invoked, [], 'and main is not even asked');
}

test('the preload exposes exactly the contract as window.api over our IPC channels', async () => {
  const s = standIns();
  exposeApi(s.contextBridge, s.ipcRenderer);
  exposeDroppedFiles(s.contextBridge, s.ipcRenderer, getPathForFile);
  await assertBridge(s);
  await assertDroppedFiles(s);
});

test('the bundled preload (build/preload/preload.cjs) requires only electron and exposes the same api', async (t) => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const bundle = path.join(root, 'build/preload/preload.cjs');
  if (!fs.existsSync(bundle)) {
    t.skip('build/preload/preload.cjs is not built (npm run build bundles it with esbuild)');
    return;
  }
  const s = standIns();
  const required: string[] = [];
  // Like Electron's sandboxed preload: a CommonJS function with a `require` that knows
  // only a few modules. Anything else the bundle asked for would fail at run time.
  const module = { exports: {} };
  const wrapper = vm.runInThisContext(
    `(function (exports, require, module, __filename, __dirname) {${fs.readFileSync(bundle, 'utf8')}\n})`,
    { filename: bundle },
  ) as (...args: unknown[]) => void;
  wrapper(
    module.exports,
    (id: string) => {
      required.push(id);
      if (id === 'electron') return { contextBridge: s.contextBridge, ipcRenderer: s.ipcRenderer, webUtils: { getPathForFile } };
      throw new Error(`a sandboxed preload cannot require '${id}'`);
    },
    module,
    bundle,
    path.dirname(bundle),
  );
  assert.deepEqual(required, ['electron']);
  await assertBridge(s);
  await assertDroppedFiles(s);
});
