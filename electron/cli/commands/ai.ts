// enclave ai set|show|clear and enclave ask: a profile's chat-completions endpoint, and
// questions in plain language answered with SQL. The key is read from standard input
// only, kept in the keychain only, and never printed (`ai show` says whether there is one).
import { AI_SAMPLE_ROWS_MAX, AI_TIMEOUT_MAX_S, AI_TIMEOUT_MIN_S, aiSendsText, type AiSettingsView } from '../../../shared/ai/ai.js';
import type { Enclave } from '../../core/enclave.js';
import { UsageError } from '../args.js';
import { command, type CommandContext } from '../command.js';
import { readStdinLines } from '../io.js';
import { call, unlock } from '../session.js';
import { stringFlag } from './listing.js';
import { resultFormat, runAndWrite } from './query.js';

function intFlag(flags: Map<string, string | true>, name: string, min: number, max: number): number | undefined {
  const v = stringFlag(flags, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return Number(v);
}

function showText(view: AiSettingsView): string {
  const s = view.settings;
  if (!s) return 'No AI endpoint is set for this profile: nothing is sent anywhere. Set one with: enclave ai set --profile NAME --url URL --model MODEL\n';
  return (
    `url:          ${s.url}\n` +
    `model:        ${s.model}\n` +
    `key:          ${view.hasKey ? 'set (in the OS keychain)' : 'none'}\n` +
    `sample rows:  ${s.sampleRows > 0 ? `${s.sampleRows} per table` : 'off'}\n` +
    `timeout:      ${s.timeoutSeconds} s\n` +
    `sends:        ${aiSendsText(s, view.hasKey)}\n`
  );
}

const showJson = (view: AiSettingsView) => `${JSON.stringify({ configured: view.settings !== null, ...view.settings, hasKey: view.hasKey }, null, 2)}\n`;

const set = command({
  usage: 'enclave ai set --profile NAME --url URL --model MODEL [--key-stdin] [--sample-rows N] [--timeout SECONDS] [--password-stdin]',
  summary: "Set the profile's OpenAI-compatible chat-completions endpoint, model and (optionally) key",
  details:
    'URL: a base such as http://127.0.0.1:11434/v1 (Ollama) or http://127.0.0.1:8080/v1 (llama.cpp), or the full …/chat/completions URL.\n' +
    'Standard input: the profile\'s password first if --password-stdin is given, then the key with --key-stdin, each on its own line.\n' +
    'Without --key-stdin the key stays as it is, unless the URL moves to another server: then it is removed.\n' +
    '--sample-rows N sends up to N rows of each table with every question (0, the default, sends none).',
  async run(ctx: CommandContext) {
    const { flags, io, json } = ctx;
    const url = stringFlag(flags, 'url');
    const model = stringFlag(flags, 'model');
    if (url === undefined || model === undefined) throw new UsageError('ai set needs --url URL and --model MODEL');
    const sampleRows = intFlag(flags, 'sample-rows', 0, AI_SAMPLE_ROWS_MAX);
    const timeoutSeconds = intFlag(flags, 'timeout', AI_TIMEOUT_MIN_S, AI_TIMEOUT_MAX_S);
    let password: string | undefined;
    let key: string | undefined;
    if (flags.has('key-stdin')) {
      // One read of standard input holds both: the password line (when asked for), then the key.
      const lines = await readStdinLines(io);
      if (flags.has('password-stdin')) password = lines.shift();
      key = lines.shift() ?? '';
      if (key === '') throw new UsageError('--key-stdin: standard input holds no key line');
    } else {
      password = await ctx.password();
    }
    const enclave = await ctx.enclave();
    await unlock(enclave, stringFlag(flags, 'profile'), password);
    const view = await call(enclave, 'setAiSettings', {
      url,
      model,
      ...(sampleRows !== undefined ? { sampleRows } : {}),
      ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
      ...(key !== undefined ? { key } : {}),
    });
    io.stdout(json ? showJson(view) : showText(view));
  },
});

const show = command({
  usage: 'enclave ai show --profile NAME [--json]',
  summary: "Show the profile's AI endpoint settings and what a question sends (never the key)",
  async run({ io, json, unlockProfile }) {
    const view = await call(await unlockProfile(), 'aiSettings');
    io.stdout(json ? showJson(view) : showText(view));
  },
});

const clear = command({
  usage: 'enclave ai clear --profile NAME',
  summary: "Remove the profile's AI endpoint settings and its key from the keychain",
  async run({ io, unlockProfile }) {
    await call(await unlockProfile(), 'clearAiSettings');
    io.stdout('AI settings and key removed: nothing is sent anywhere.\n');
  },
});

/** The SQL with the question above it as a comment, so it can be read (and run) as it stands. */
const withQuestion = (question: string, sql: string) => `${question.split(/\r?\n/).map((l) => `-- ${l}`).join('\n')}\n${sql}\n`;

async function askFor(enclave: Enclave, question: string) {
  return call(enclave, 'askAi', { requestId: crypto.randomUUID(), question, stream: false });
}

export const askCommand = command({
  needsAnalytics: true,
  usage: 'enclave ask --profile NAME QUESTION [--run] [--format table|csv|json]',
  summary: "Ask a question about the profile's tables in plain language; prints the SQL the model proposes",
  details:
    "Sends the question with the profile's table and column names and types (and sample rows if `enclave ai set --sample-rows`\n" +
    'turned them on) to the endpoint of `enclave ai set`, and prints the SQL of the answer under the question as a comment.\n' +
    'With --run it also runs the SQL, through the same statement policy and sandbox as `enclave query`, and writes the\n' +
    'result in --format (as `enclave query`); for csv and json the SQL goes to stderr so stdout holds only the result.',
  async run({ args, flags, io, json, unlockProfile }) {
    const run = flags.has('run');
    if (!run && flags.has('format')) throw new UsageError('--format applies to the result: add --run');
    const format = resultFormat(flags, json);
    const enclave = await unlockProfile();
    const answer = await askFor(enclave, args.QUESTION!);
    const shown = withQuestion(args.QUESTION!, answer.sql);
    if (!run) {
      io.stdout(json ? `${JSON.stringify({ question: args.QUESTION, sql: answer.sql }, null, 2)}\n` : shown);
      return;
    }
    if (format === 'table') io.stdout(`${shown}\n`);
    else io.stderr(shown);
    await runAndWrite(io, enclave, answer.sql, format);
  },
});

export const aiCommands = [set, show, clear];
