// Asking in plain language against a real chat-completions server on loopback (written
// here, testing/fake-chat-server.ts), through the router, real hosts, real databases and
// the real keychain: what is sent (schema yes, rows only when switched on, another
// profile's never, the key only in the Authorization header, no path), streamed and
// whole answers, the correction round, every error, cancel, two profiles apart, and the
// key gone with its profile.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { AiAnswer, AiProgress, AiSettingsView } from '../../../shared/ai/ai.js';
import type { EventName } from '../../../shared/contract.js';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import type { Enclave, EventSink } from '../enclave.js';
import { aiKeyAccount } from '../profiles/ai-key.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { closedPort, startFakeChatServer, type FakeChatServer, type RecordedRequest } from '../testing/fake-chat-server.js';
import { expectError, expectOk } from '../testing/results.js';

const fixture = enclaveFixture('ai-ask');
const { keychain } = fixture;

const ANA_KEY = 'sk-ana-0123456789-secret';
const BEN_KEY = 'sk-ben-9876543210-secret';
/** Window 1 holds Ana, window 2 Ben. */
const ANA = 1;
const BEN = 2;

let enclave: Enclave;
let dataDir: string;
let ana: ProfileSummary;
let ben: ProfileSummary;
let serverA: FakeChatServer;
let serverB: FakeChatServer;
const pushed: [number, EventName, unknown][] = [];

const call = async <T>(window: number, channel: string, input?: unknown) => expectOk<T>(await enclave.handle(window, channel, input), channel);
const ask = (window: number, question: string, stream = true, requestId: string = crypto.randomUUID()) =>
  enclave.handle(window, 'askAi', { requestId, question, stream });
const progressOf = (window: number, requestId: string) =>
  pushed
    .filter(([w, e, p]) => w === window && e === 'aiProgress' && (p as AiProgress).requestId === requestId)
    .map(([, , p]) => (p as AiProgress).delta)
    .join('');

/** Every file under the data folder, read as bytes (SQLite files, their WALs, DuckDB's). */
function everyFileText(dir: string): string {
  let all = '';
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) all += fs.readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1');
  }
  return all;
}

/** What a request carried besides its body: every header but Authorization. */
const otherHeaders = (r: RecordedRequest) => JSON.stringify(Object.entries(r.headers).filter(([k]) => k !== 'authorization'));

before(async () => {
  [serverA, serverB] = await Promise.all([startFakeChatServer(), startFakeChatServer()]);
  dataDir = fixture.tempDir();
  const events: EventSink = (windowId, event, payload) => void pushed.push([windowId, event, payload]);
  enclave = await fixture.open({ dataDir, secrets: keychain.store, events });
  ana = expectOk<ProfileSummary>(await enclave.handle(ANA, 'createProfile', { name: 'Ana' }));
  ben = expectOk<ProfileSummary>(await enclave.handle(BEN, 'createProfile', { name: 'Ben', password: 'ben password 1' }));
  await call(ANA, 'unlockProfile', { profileId: ana.id });
  await call(BEN, 'unlockProfile', { profileId: ben.id, password: 'ben password 1' });
  await call(ANA, 'runQuery', { sql: "CREATE TABLE sales (region VARCHAR, amount DECIMAL(10,2)); INSERT INTO sales VALUES ('north-ana-row', 12.50), ('south', 3)" });
  await call(BEN, 'runQuery', { sql: "CREATE TABLE salaries (person VARCHAR, pay BIGINT); INSERT INTO salaries VALUES ('ben-private-person', 99)" });
});
after(async () => {
  await Promise.all([serverA.close(), serverB.close()]);
});

describe('settings', () => {
  test('nothing is configured at first, and a question is refused without sending anything', async () => {
    assert.deepEqual(await call<AiSettingsView>(ANA, 'aiSettings'), { settings: null, hasKey: false });
    expectError(await ask(ANA, 'How many sales?'), 'AI_NOT_CONFIGURED');
    assert.equal(serverA.requests.length + serverB.requests.length, 0);
  });

  test('each profile keeps its own endpoint, model and key; answers say hasKey, never the key', async () => {
    const a = await call<AiSettingsView>(ANA, 'setAiSettings', { url: serverA.url, model: 'model-ana', key: ANA_KEY });
    const b = await call<AiSettingsView>(BEN, 'setAiSettings', { url: serverB.url, model: 'model-ben', key: BEN_KEY, sampleRows: 3 });
    assert.deepEqual(a, { settings: { url: serverA.url, model: 'model-ana', sampleRows: 0, timeoutSeconds: 120 }, hasKey: true });
    assert.deepEqual(b, { settings: { url: serverB.url, model: 'model-ben', sampleRows: 3, timeoutSeconds: 120 }, hasKey: true });
    assert.deepEqual(await call(ANA, 'aiSettings'), a);
    assert.deepEqual(await call(BEN, 'aiSettings'), b);
    // One keychain account per profile, beside the profile's own entry.
    assert.equal(await keychain.store.get(aiKeyAccount(ana.id)), ANA_KEY);
    assert.equal(await keychain.store.get(aiKeyAccount(ben.id)), BEN_KEY);
    // Never in a file: not in data.sqlite, its WAL, the registry or anything else.
    const files = everyFileText(dataDir);
    assert.ok(files.includes('model-ana'), 'the settings themselves are in the profile data');
    assert.ok(!files.includes(ANA_KEY) && !files.includes(BEN_KEY), 'a key was written to a file');
  });

  test('a URL that is not http(s) or carries credentials is refused', async () => {
    for (const url of ['ftp://127.0.0.1/v1', 'file:///etc/passwd', 'not a url', `http://user:${ANA_KEY}@127.0.0.1:1/v1`]) {
      expectError(await enclave.handle(ANA, 'setAiSettings', { url, model: 'm' }), 'INVALID_INPUT', url);
    }
  });
});

describe('asking', () => {
  test('a streamed answer: the schema is sent, rows are not, the key only in its header; progress reaches only that profile’s window', async () => {
    serverA.reply({ kind: 'stream', pieces: ['Here is the query:\n```sql\nSELECT region, ', 'sum(amount) AS total\nFROM sales GROUP BY region\n```\n', 'It sums per region.'] });
    const requestId = crypto.randomUUID();
    const answer = expectOk<AiAnswer>(await ask(ANA, 'Total sales per region?', true, requestId));
    assert.equal(answer.sql, 'SELECT region, sum(amount) AS total\nFROM sales GROUP BY region');
    assert.equal(answer.round, 0);
    assert.equal(progressOf(ANA, requestId), answer.text);
    assert.equal(progressOf(BEN, requestId), '');

    const sent = serverA.requests.at(-1)!;
    assert.equal(sent.path, '/v1/chat/completions');
    assert.equal(sent.headers.authorization, `Bearer ${ANA_KEY}`);
    const body = JSON.parse(sent.body) as { model: string; stream: boolean; messages: { role: string; content: string }[] };
    assert.equal(body.model, 'model-ana');
    assert.equal(body.stream, true);
    const text = body.messages.map((m) => m.content).join('\n');
    assert.match(text, /Total sales per region\?/);
    assert.match(text, /"sales" \(table\): "region" VARCHAR, "amount" DECIMAL\(10,2\)/);
    assert.ok(!sent.body.includes('north-ana-row'), 'rows were sent with the switch off');
    assert.ok(!sent.body.includes('salaries') && !sent.body.includes('ben-private-person'), 'another profile’s table was sent');
    assert.ok(!sent.body.includes(ANA_KEY) && !otherHeaders(sent).includes(ANA_KEY), 'the key left the Authorization header');
    assert.ok(!sent.body.includes(dataDir) && !sent.body.includes(ana.id), 'a path of the data folder was sent');
    assert.equal(serverB.requests.length, 0);
  });

  test('a whole (non-streamed) answer, for the other profile with its own settings, rows switched on', async () => {
    serverB.reply({ kind: 'json', content: 'SELECT person, pay FROM salaries ORDER BY pay DESC;' });
    const answer = expectOk<AiAnswer>(await ask(BEN, 'Who earns most?', false));
    assert.equal(answer.sql, 'SELECT person, pay FROM salaries ORDER BY pay DESC;');
    const sent = serverB.requests.at(-1)!;
    assert.equal(sent.headers.authorization, `Bearer ${BEN_KEY}`);
    const body = JSON.parse(sent.body) as { model: string; stream: boolean };
    assert.deepEqual([body.model, body.stream], ['model-ben', false]);
    assert.ok(sent.body.includes('ben-private-person'), 'sample rows were switched on');
    assert.ok(!sent.body.includes('sales') && !sent.body.includes('north-ana-row') && !sent.body.includes(ANA_KEY));
    assert.ok(!sent.body.includes(dataDir) && !sent.body.includes(ben.id));
  });

  test('sample rows go only once the profile turns them on, at most N per table', async () => {
    await call(ANA, 'setAiSettings', { url: serverA.url, model: 'model-ana', sampleRows: 1 });
    serverA.reply({ kind: 'json', content: '```sql\nSELECT 1\n```' });
    expectOk(await ask(ANA, 'Anything?'));
    const body = serverA.requests.at(-1)!.body;
    assert.ok(body.includes('north-ana-row'), 'the first row was not sent');
    assert.ok(!body.includes('south'), 'more rows than asked for were sent');
    assert.equal((await call<AiSettingsView>(ANA, 'aiSettings')).hasKey, true, 'changing the settings at the same origin keeps the key');
    await call(ANA, 'setAiSettings', { url: serverA.url, model: 'model-ana', sampleRows: 0 });
  });

  test('a correction round sends the failed SQL and DuckDB’s error, and answers the corrected query', async () => {
    serverA.reply({ kind: 'json', content: 'Sorry about that.\n```sql\nSELECT region FROM sales\n```' });
    const answer = expectOk<AiAnswer>(
      await enclave.handle(ANA, 'fixAiSql', {
        requestId: crypto.randomUUID(),
        question: 'Regions?',
        sql: 'SELECT regin FROM sales',
        error: 'Binder Error: Referenced column "regin" not found',
        round: 1,
        stream: false,
      }),
    );
    assert.deepEqual([answer.sql, answer.round], ['SELECT region FROM sales', 1]);
    const messages = (JSON.parse(serverA.requests.at(-1)!.body) as { messages: { role: string; content: string }[] }).messages;
    assert.deepEqual(messages.map((m) => m.role), ['system', 'user', 'assistant', 'user']);
    assert.match(messages[2]!.content, /SELECT regin FROM sales/);
    assert.match(messages[3]!.content, /Referenced column "regin" not found/);
    // At most a few rounds.
    expectError(await enclave.handle(ANA, 'fixAiSql', { requestId: crypto.randomUUID(), question: 'q', sql: 's', error: 'e', round: 4 }), 'INVALID_INPUT');
  });
});

describe('errors', () => {
  test('an endpoint nobody listens on: AI_UNREACHABLE', async () => {
    await call(ANA, 'setAiSettings', { url: `http://127.0.0.1:${await closedPort()}/v1`, model: 'model-ana', key: ANA_KEY });
    const error = expectError(await ask(ANA, 'q'), 'AI_UNREACHABLE');
    assert.match(error.message, /cannot be reached/);
  });

  test('401 and 403: AI_KEY_REJECTED, without the key in the message', async () => {
    await call(ANA, 'setAiSettings', { url: serverA.url, model: 'model-ana', key: ANA_KEY });
    for (const status of [401, 403]) {
      serverA.reply({ kind: 'status', status, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${ANA_KEY}` } }) });
      const error = expectError(await ask(ANA, 'q'), 'AI_KEY_REJECTED');
      assert.ok(!error.message.includes(ANA_KEY));
    }
  });

  test('another error status: AI_ENDPOINT_ERROR with the server’s message, the key scrubbed from it', async () => {
    serverA.reply({ kind: 'status', status: 404, body: JSON.stringify({ error: { message: `model "nope" not found (key ${ANA_KEY})` } }) });
    const error = expectError(await ask(ANA, 'q'), 'AI_ENDPOINT_ERROR');
    assert.match(error.message, /HTTP 404: model "nope" not found/);
    assert.ok(!error.message.includes(ANA_KEY));
  });

  test('an answer without SQL: AI_NO_SQL, quoting what the model said', async () => {
    for (const content of ['I cannot answer that from these tables.', 'Select a table first.', '<think>\nSELECT * FROM sales\n</think>\nThere is no such data.']) {
      serverA.reply({ kind: 'json', content });
      const error = expectError(await ask(ANA, 'What is the weather?'), 'AI_NO_SQL', content);
      assert.match(error.message, /without SQL/);
    }
  });

  test('no answer within the timeout: AI_TIMEOUT', async () => {
    await call(ANA, 'setAiSettings', { url: serverA.url, model: 'model-ana', timeoutSeconds: 1 });
    serverA.reply({ kind: 'hang' });
    expectError(await ask(ANA, 'q'), 'AI_TIMEOUT');
    serverA.reply({ kind: 'stream', pieces: ['```sql\nSELECT'], hang: true });
    expectError(await ask(ANA, 'q'), 'AI_TIMEOUT');
    await call(ANA, 'setAiSettings', { url: serverA.url, model: 'model-ana', timeoutSeconds: 120 });
  });

  test('cancel mid-stream: CANCELLED; the other profile is not touched by the cancel', async () => {
    serverA.reply({ kind: 'stream', pieces: ['```sql\nSELECT '], hang: true });
    const requestId = crypto.randomUUID();
    const asking = ask(ANA, 'q', true, requestId);
    await new Promise<void>((resolve) => {
      const check = () => (progressOf(ANA, requestId) ? resolve() : setImmediate(check));
      check();
    });
    // Ben's window cannot reach Ana's request.
    assert.deepEqual(await call(BEN, 'cancelAi', { requestId }), { cancelled: false });
    assert.deepEqual(await call(ANA, 'cancelAi', { requestId }), { cancelled: true });
    expectError(await asking, 'CANCELLED');
    assert.deepEqual(await call(ANA, 'cancelAi', { requestId }), { cancelled: false });
  });
});

describe('keys follow their profile', () => {
  test('moving the URL to another server without a new key drops the key; clearing removes settings and key', async () => {
    const moved = await call<AiSettingsView>(ANA, 'setAiSettings', { url: serverB.url.replace('127.0.0.1', 'localhost'), model: 'model-ana' });
    assert.equal(moved.hasKey, false);
    assert.equal(await keychain.store.get(aiKeyAccount(ana.id)), null);
    await call(ANA, 'setAiSettings', { url: serverA.url, model: 'model-ana', key: ANA_KEY });
    assert.equal(await call(ANA, 'clearAiSettings'), null);
    assert.deepEqual(await call(ANA, 'aiSettings'), { settings: null, hasKey: false });
    assert.equal(await keychain.store.get(aiKeyAccount(ana.id)), null);
    // Ben's are untouched.
    assert.equal(await keychain.store.get(aiKeyAccount(ben.id)), BEN_KEY);
  });

  test('deleting a profile leaves no keychain entry behind, its AI key included', async () => {
    expectOk(await enclave.handle(BEN, 'deleteProfile', { profileId: ben.id, password: 'ben password 1' }));
    const left = await keychain.accounts();
    assert.deepEqual(left.filter((a) => a.startsWith(ben.id)), []);
    assert.ok(left.includes(ana.id), 'the other profile keeps its entry');
  });
});
