// The guess main.ts makes from argv before the commands load (early-host.ts): which
// commands get their profile host forked at once, and which of those preload DuckDB.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { HostChannel, HostExit } from '../core/storage/host-channel.js';
import type { HostInbound, WorkerMessage } from '../core/storage/worker-protocol.js';
import { commands } from './cli.js';
import { ANALYTICS_COMMAND_WORDS, endedByCloseReply, hostWanted } from './early-host.js';

describe('the host forked before the CLI loads', () => {
  test('preloads analytics exactly for the commands that need it', () => {
    for (const c of commands) {
      assert.deepEqual(hostWanted([...c.path, '--profile', 'P']), { analytics: c.needsAnalytics === true }, c.path.join(' '));
    }
    const needing = new Set(commands.filter((c) => c.needsAnalytics).map((c) => c.path[0]));
    assert.deepEqual([...ANALYTICS_COMMAND_WORDS].sort(), [...needing].sort());
  });

  test('is forked only for a command that names a profile and asks for no help', () => {
    assert.equal(hostWanted(['task', 'list']), null);
    assert.equal(hostWanted(['task', 'list', '--profile', 'P', '--help']), null);
    assert.equal(hostWanted(['task', 'list', '-h', '--profile', 'P']), null);
    assert.equal(hostWanted(['--profile']), null, 'a usage error');
    assert.deepEqual(hostWanted(['task', 'list', '--profile=P']), { analytics: false });
    assert.deepEqual(hostWanted(['--data-dir', 'query', 'task', 'list', '--profile', 'P']), { analytics: false });
    assert.deepEqual(hostWanted(['--data-dir', '/d', '--json', 'query', '--format', 'csv', '--profile', 'P', 'select 1']), { analytics: true });
  });
});

/** A host channel driven by the test: what was sent, and a way to answer or exit. */
function scriptedHost() {
  const sent: HostInbound[] = [];
  const messageListeners: ((m: WorkerMessage) => void)[] = [];
  const exitListeners: ((e: HostExit) => void)[] = [];
  const channel: HostChannel = {
    pid: 42,
    send: (m) => void sent.push(m),
    onMessage: (l) => void messageListeners.push(l),
    onExit: (l) => void exitListeners.push(l),
    onStderrLine: () => undefined,
    kill: () => undefined,
  };
  return {
    sent,
    launcher: endedByCloseReply({ launch: () => channel }),
    answer: (m: WorkerMessage) => messageListeners.forEach((l) => l(m)),
    exit: (e: HostExit) => exitListeners.forEach((l) => l(e)),
  };
}

describe("the CLI's host is gone once it answered close", () => {
  test('its close reply is delivered, then it counts as exited (code 0), once', () => {
    const host = scriptedHost();
    const channel = host.launcher.launch('entry', 'name');
    const seen: string[] = [];
    channel.onMessage((m) => seen.push(m.kind === 'reply' ? `reply ${m.id}` : m.kind));
    channel.onExit((e) => seen.push(`exit ${e.code} ${e.signal}`));
    channel.send({ kind: 'call', id: 1, method: 'listTasks', params: {} });
    host.answer({ kind: 'reply', id: 1, ok: true, value: [] });
    assert.deepEqual(seen, ['reply 1'], 'another reply ends nothing');
    channel.send({ kind: 'close', id: 2 });
    assert.deepEqual(host.sent.map((m) => m.kind), ['call', 'close'], 'requests go through');
    host.answer({ kind: 'reply', id: 2, ok: true, value: null });
    assert.deepEqual(seen, ['reply 1', 'reply 2', 'exit 0 null'], 'exited without waiting for the process');
    host.exit({ code: 0, signal: null });
    assert.deepEqual(seen, ['reply 1', 'reply 2', 'exit 0 null'], 'the real exit is not told twice');
    const late: HostExit[] = [];
    channel.onExit((e) => late.push(e));
    assert.deepEqual(late, [{ code: 0, signal: null }], 'a listener added afterwards hears it too');
  });

  test('a host that dies before answering is reported by its real exit', () => {
    const host = scriptedHost();
    const channel = host.launcher.launch('entry', 'name');
    const exits: HostExit[] = [];
    channel.onExit((e) => exits.push(e));
    channel.send({ kind: 'close', id: 1 });
    host.exit({ code: null, signal: 'SIGKILL' });
    host.answer({ kind: 'reply', id: 1, ok: true, value: null });
    assert.deepEqual(exits, [{ code: null, signal: 'SIGKILL' }]);
  });
});
