// enclave ai set|show|clear and enclave ask, against a chat-completions server on loopback:
// the key from stdin (after the password), never printed, in the keychain only; ask prints
// the SQL under the question, and with --run runs it through the query command's path.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { aiKeyAccount } from '../../core/profiles/ai-key.js';
import { startFakeChatServer, type FakeChatServer } from '../../core/testing/fake-chat-server.js';
import { cliTestBed } from '../testing/cli-test-bed.js';

const { keychain, dataDir, cli, ok } = cliTestBed('cli-ai', { TZ: 'UTC' });
const KEY = 'sk-cli-key-0123456789';
const PASSWORD = 'pia password 1';
let server: FakeChatServer;

const idOf = async (name: string) => (JSON.parse(await ok(['profile', 'list', '--json'])) as { id: string; name: string }[]).find((p) => p.name === name)!.id;

before(async () => {
  server = await startFakeChatServer();
  await ok(['profile', 'create', 'Pia', '--password-stdin'], `${PASSWORD}\n`);
  await ok(['profile', 'create', 'Olaf']);
  await ok(['query', '--profile', 'Pia', '--password-stdin', "CREATE TABLE fruit AS SELECT * FROM (VALUES ('apple', 3), ('pear', 5)) t(name, qty)"], `${PASSWORD}\n`);
});
after(async () => {
  await server.close();
});

test('ai show before anything is set: nothing is sent anywhere', async () => {
  assert.match(await ok(['ai', 'show', '--profile', 'Olaf']), /^No AI endpoint is set for this profile: nothing is sent anywhere/);
  assert.deepEqual(JSON.parse(await ok(['ai', 'show', '--profile', 'Olaf', '--json'])), { configured: false, hasKey: false });
  const asked = await cli(['ask', '--profile', 'Olaf', 'How many?']);
  assert.equal(asked.code, 1);
  assert.match(asked.stderr, /^error: AI_NOT_CONFIGURED: /);
});

test('ai set reads the password, then the key, from stdin; show never prints the key', async () => {
  const out = await ok(['ai', 'set', '--profile', 'Pia', '--url', server.url, '--model', 'cli-model', '--key-stdin', '--password-stdin'], `${PASSWORD}\n${KEY}\n`);
  assert.ok(!out.includes(KEY));
  assert.equal(await keychain.store.get(aiKeyAccount(await idOf('Pia'))), KEY);
  const shown = await ok(['ai', 'show', '--profile', 'Pia', '--password-stdin'], `${PASSWORD}\n`);
  assert.match(shown, new RegExp(`^url: +${server.url.replace(/[.]/g, '\\.')}\nmodel: +cli-model\nkey: +set \\(in the OS keychain\\)\nsample rows: +off\n`));
  assert.ok(!shown.includes(KEY));
  const json = await ok(['ai', 'show', '--profile', 'Pia', '--password-stdin', '--json'], `${PASSWORD}\n`);
  assert.deepEqual(JSON.parse(json), { configured: true, url: server.url, model: 'cli-model', sampleRows: 0, timeoutSeconds: 120, hasKey: true });
  // The other profile has nothing.
  assert.deepEqual(JSON.parse(await ok(['ai', 'show', '--profile', 'Olaf', '--json'])), { configured: false, hasKey: false });
});

test('ai set: a wrong password is refused before anything is stored; usage errors exit 2', async () => {
  const wrong = await cli(['ai', 'set', '--profile', 'Pia', '--url', server.url, '--model', 'other', '--key-stdin', '--password-stdin'], `not it\nsk-other\n`);
  assert.equal(wrong.code, 3);
  assert.equal(await keychain.store.get(aiKeyAccount(await idOf('Pia'))), KEY);
  assert.equal((await cli(['ai', 'set', '--profile', 'Olaf', '--url', server.url])).code, 2);
  assert.equal((await cli(['ai', 'set', '--profile', 'Olaf', '--url', server.url, '--model', 'm', '--key-stdin'], '\n')).code, 2);
  const badUrl = await cli(['ai', 'set', '--profile', 'Olaf', '--url', 'ftp://x/v1', '--model', 'm']);
  assert.equal(badUrl.code, 1);
  assert.match(badUrl.stderr, /^error: INVALID_INPUT: url: /);
});

test('ask prints the SQL under the question; the request carries the schema and the key in its header only', async () => {
  server.reply({ kind: 'json', content: 'Here:\n```sql\nSELECT name, qty FROM fruit ORDER BY qty DESC\n```' });
  const out = await ok(['ask', '--profile', 'Pia', '--password-stdin', 'Which fruit do I have most of?'], `${PASSWORD}\n`);
  assert.equal(out, '-- Which fruit do I have most of?\nSELECT name, qty FROM fruit ORDER BY qty DESC\n');
  const sent = server.requests.at(-1)!;
  assert.equal(sent.headers.authorization, `Bearer ${KEY}`);
  assert.match(sent.body, /\\"fruit\\" \(table\): \\"name\\" VARCHAR, \\"qty\\" INTEGER/);
  assert.ok(!sent.body.includes('apple') && !sent.body.includes(KEY) && !sent.body.includes(dataDir));
});

test('ask --run runs the SQL through the query path, in its formats', async () => {
  server.reply({ kind: 'json', content: '```sql\nSELECT name, qty FROM fruit ORDER BY qty DESC\n```' });
  const table = await ok(['ask', '--profile', 'Pia', '--password-stdin', 'Most?', '--run'], `${PASSWORD}\n`);
  assert.equal(table, '-- Most?\nSELECT name, qty FROM fruit ORDER BY qty DESC\n\nname   qty\npear   5\napple  3\n(2 rows)\n');
  const csv = await cli(['ask', '--profile', 'Pia', '--password-stdin', 'Most?', '--run', '--format', 'csv'], `${PASSWORD}\n`);
  assert.deepEqual([csv.code, csv.stdout, csv.stderr], [0, 'name,qty\npear,5\napple,3\n', '-- Most?\nSELECT name, qty FROM fruit ORDER BY qty DESC\n']);
  const json = await cli(['ask', '--profile', 'Pia', '--password-stdin', 'Most?', '--run', '--format', 'json'], `${PASSWORD}\n`);
  assert.deepEqual(JSON.parse(json.stdout), [{ name: 'pear', qty: 5 }, { name: 'apple', qty: 3 }]);
});

test('ask --run: SQL the statement policy refuses does not run', async () => {
  server.reply({ kind: 'json', content: "```sql\nSELECT * FROM read_text('/etc/passwd')\n```" });
  const refused = await cli(['ask', '--profile', 'Pia', '--password-stdin', 'Read a file', '--run'], `${PASSWORD}\n`);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /error: PERMISSION_DENIED: /);
  assert.ok(!refused.stdout.includes('root:'));
});

test('ai clear removes settings and key; deleting a profile leaves no keychain entry', async () => {
  assert.match(await ok(['ai', 'clear', '--profile', 'Pia', '--password-stdin'], `${PASSWORD}\n`), /removed/);
  assert.equal(await keychain.store.get(aiKeyAccount(await idOf('Pia'))), null);
  assert.deepEqual(JSON.parse(await ok(['ai', 'show', '--profile', 'Pia', '--password-stdin', '--json'], `${PASSWORD}\n`)), { configured: false, hasKey: false });
  await ok(['ai', 'set', '--profile', 'Olaf', '--url', server.url, '--model', 'm', '--key-stdin'], 'sk-olaf\n');
  const olaf = await idOf('Olaf');
  assert.ok((await keychain.accounts()).includes(aiKeyAccount(olaf)));
  await ok(['profile', 'delete', 'Olaf', '--yes']);
  assert.deepEqual((await keychain.accounts()).filter((a) => a.startsWith(olaf)), []);
});
