// The questions running in one profile's host: each one reads the profile's schema, calls
// its endpoint and finds the SQL in the answer. Cancel finds a request by its id among
// this profile's only (each profile has its own host process).
import { AppException } from '../../../shared/errors.js';
import type { AiAnswer } from '../../../shared/ai/ai.js';
import { scrubText } from '../analytics/result-scrub.js';
import type { ProfileStores } from '../storage/profile-stores.js';
import type { HostInput } from '../storage/worker-protocol.js';
import { readAiSettings } from './ai-settings-store.js';
import { askMessages, fixMessages, schemaText } from './ask-prompt.js';
import { chatCompletion, type ChatMessage } from './chat-completions.js';
import { extractSql } from './sql-extract.js';

/** Streamed text is pushed to the windows at most this often (one event per token would flood them). */
const PROGRESS_EVERY_MS = 50;

const running = new Map<string, AbortController>();

export function cancelAiRequest(requestId: string): boolean {
  const controller = running.get(requestId);
  if (!controller) return false;
  controller.abort();
  return true;
}

type AskInput = HostInput<'askAi'> | HostInput<'fixAiSql'>;

async function answer(stores: ProfileStores, input: AskInput, messages: (schema: string) => ChatMessage[], round: number): Promise<AiAnswer> {
  const settings = readAiSettings(stores.sqlite.db);
  if (!settings) {
    throw new AppException('AI_NOT_CONFIGURED', 'No AI endpoint is set for this profile: set one in Settings › Ask in plain language (or enclave ai set)');
  }
  if (running.has(input.requestId)) throw new AppException('INVALID_INPUT', 'A question with this requestId is already running', { field: 'requestId' });
  const controller = new AbortController();
  running.set(input.requestId, controller);
  let pending = '';
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    stores.emit?.({ kind: 'event', event: 'aiProgress', payload: { requestId: input.requestId, delta: pending } });
    pending = '';
  };
  try {
    const schema = await schemaText(stores.duckdb.conn, stores.duckdb.dir, settings.sampleRows);
    const text = await chatCompletion({
      url: settings.url,
      model: settings.model,
      apiKey: input.apiKey,
      messages: messages(schema),
      stream: input.stream,
      timeoutMs: settings.timeoutSeconds * 1000,
      signal: controller.signal,
      onDelta: (delta) => {
        pending += delta;
        timer ??= setTimeout(flush, PROGRESS_EVERY_MS);
      },
    });
    flush();
    const sql = extractSql(text);
    if (sql === null) {
      const said = text.replace(/\s+/g, ' ').trim();
      throw new AppException('AI_NO_SQL', `The model answered without SQL${said ? `: “${said.length > 300 ? `${said.slice(0, 300)}…` : said}”` : ' (an empty answer)'}`);
    }
    return { requestId: input.requestId, sql, text, round };
  } finally {
    if (timer) clearTimeout(timer);
    running.delete(input.requestId);
  }
}

export const askAi = (stores: ProfileStores, input: HostInput<'askAi'>) =>
  answer(stores, input, (schema) => askMessages(schema, input.question), 0);

export const fixAiSql = (stores: ProfileStores, input: HostInput<'fixAiSql'>) => {
  const dir = stores.duckdb.dir;
  return answer(stores, input, (schema) => fixMessages(schema, input.question, scrubText(input.sql, dir), scrubText(input.error, dir)), input.round);
};
