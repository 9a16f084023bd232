// One call to an OpenAI-compatible chat-completions endpoint with Node's fetch: streamed
// (server-sent events, `data:` lines up to `data: [DONE]`) or as one JSON answer, with a
// timeout, cancellation, a cap on what is read, and a typed error for each way it fails.
// Runs in the profile's host: a hung or huge answer holds up nothing else.
import { AI_ANSWER_MAX_CHARS, chatCompletionsUrl } from '../../../shared/ai/ai.js';
import { AppException } from '../../../shared/errors.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  url: string;
  model: string;
  apiKey: string | null;
  messages: ChatMessage[];
  stream: boolean;
  timeoutMs: number;
  /** Aborting it cancels the call (CANCELLED). */
  signal: AbortSignal;
  /** Text as it streams in. */
  onDelta?: (text: string) => void;
}

/** Bytes read of an answer before it is refused: answer text plus the JSON around every streamed piece. */
const MAX_BODY_BYTES = AI_ANSWER_MAX_CHARS * 20;
const ERROR_BODY_BYTES = 4_000;

class Timeout extends Error {}

/** The endpoint as errors name it: its origin, never its path or query (which could carry a token). */
const where = (url: string) => new URL(url).origin;

/** The model's answer text. Throws AppException: AI_UNREACHABLE, AI_KEY_REJECTED, AI_TIMEOUT, AI_ENDPOINT_ERROR, CANCELLED. */
export async function chatCompletion(req: ChatRequest): Promise<string> {
  const endpoint = chatCompletionsUrl(req.url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Timeout()), req.timeoutMs);
  const cancel = () => controller.abort(req.signal.reason);
  if (req.signal.aborted) cancel();
  req.signal.addEventListener('abort', cancel);
  const scrub = (text: string) => (req.apiKey ? text.split(req.apiKey).join('…') : text);
  try {
    let res: Response;
    try {
      res = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: req.stream ? 'text/event-stream, application/json' : 'application/json',
          ...(req.apiKey ? { authorization: `Bearer ${req.apiKey}` } : {}),
        },
        body: JSON.stringify({ model: req.model, messages: req.messages, stream: req.stream, temperature: 0 }),
        // A redirect could carry the request (and its key) somewhere else: refused, named below.
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch (e) {
      if (controller.signal.aborted) throw e;
      throw new AppException('AI_UNREACHABLE', `The AI endpoint ${where(endpoint)} cannot be reached (${causeOf(e)}). Is the server running, and the URL right?`);
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel().catch(() => undefined);
      throw new AppException(
        'AI_KEY_REJECTED',
        `The AI endpoint ${where(endpoint)} refused the request (HTTP ${res.status}): ${req.apiKey ? 'the key is wrong or lacks access' : 'it needs a key'}. Set the key in this profile's AI settings.`,
      );
    }
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel().catch(() => undefined);
      throw new AppException('AI_ENDPOINT_ERROR', `The AI endpoint ${where(endpoint)} redirects (HTTP ${res.status}); enter the address it redirects to.`);
    }
    if (!res.ok) {
      const detail = scrub(errorDetail(await readCapped(res, ERROR_BODY_BYTES, true)));
      throw new AppException('AI_ENDPOINT_ERROR', `The AI endpoint ${where(endpoint)} answered HTTP ${res.status}${detail ? `: ${detail}` : ''}`);
    }
    const type = res.headers.get('content-type') ?? '';
    // A server may answer in one piece although asked to stream (or the other way round): follow what it sent.
    return type.includes('text/event-stream') ? await readStream(res, req.onDelta, scrub) : await readJson(res, scrub);
  } catch (e) {
    if (controller.signal.aborted) {
      if (controller.signal.reason instanceof Timeout) {
        throw new AppException('AI_TIMEOUT', `The AI endpoint gave no complete answer within ${Math.round(req.timeoutMs / 1000)} s (the timeout is in this profile's AI settings).`);
      }
      throw new AppException('CANCELLED', 'The question was cancelled');
    }
    throw e;
  } finally {
    clearTimeout(timer);
    req.signal.removeEventListener('abort', cancel);
  }
}

function causeOf(e: unknown): string {
  const cause = e instanceof Error ? (e.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message.split('\n')[0]!;
  return e instanceof Error ? e.message : String(e);
}

/** The body as text, at most `max` bytes: past that, an error (or, for an error body, the start). */
async function readCapped(res: Response, max: number, truncate = false): Promise<string> {
  if (!res.body) return '';
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    text += decoder.decode(chunk, { stream: true });
    if (bytes > max) {
      if (truncate) return text.slice(0, max);
      throw tooLarge();
    }
  }
  return text + decoder.decode();
}

const tooLarge = () => new AppException('AI_ENDPOINT_ERROR', `The AI endpoint's answer is longer than ${AI_ANSWER_MAX_CHARS} characters; nothing of it was kept`);

/** An error body's message (OpenAI's `{"error":{"message"}}`, or the text), short and on one line. */
function errorDetail(body: string): string {
  let text = body;
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const m = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (typeof m === 'string') text = m;
  } catch {
    // not JSON: the text as it is
  }
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

const notACompletion = (what: string) => new AppException('AI_ENDPOINT_ERROR', `The AI endpoint's answer is not a chat completion (${what}); is the URL an OpenAI-compatible endpoint?`);

interface Choice {
  message?: { content?: unknown };
  delta?: { content?: unknown };
  text?: unknown;
}
interface CompletionChunk {
  choices?: Choice[];
  error?: { message?: unknown } | string;
}

function parseChunk(json: string, scrub: (s: string) => string): CompletionChunk {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw notACompletion('not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) throw notACompletion('not an object');
  const chunk = parsed as CompletionChunk;
  if (chunk.error) throw new AppException('AI_ENDPOINT_ERROR', `The AI endpoint answered an error: ${scrub(errorDetail(json))}`);
  return chunk;
}

async function readJson(res: Response, scrub: (s: string) => string): Promise<string> {
  const chunk = parseChunk(await readCapped(res, MAX_BODY_BYTES), scrub);
  const choice = chunk.choices?.[0];
  const content = choice?.message?.content ?? choice?.text;
  if (typeof content !== 'string') throw notACompletion('no choices[0].message.content');
  if (content.length > AI_ANSWER_MAX_CHARS) throw tooLarge();
  return content;
}

/** Server-sent events: `data: {json}` lines (events end at a blank line), until `data: [DONE]` or the end of the body. */
async function readStream(res: Response, onDelta: ((text: string) => void) | undefined, scrub: (s: string) => string): Promise<string> {
  if (!res.body) return '';
  const decoder = new TextDecoder();
  let buffer = '';
  let answer = '';
  let bytes = 0;
  let sawData = false;
  const line = (raw: string): boolean => {
    const l = raw.replace(/\r$/, '');
    if (!l.startsWith('data:')) return false; // comments (`: keep-alive`), `event:`, `id:`, blank lines
    const data = l.slice(5).trim();
    if (data === '[DONE]') return true;
    if (!data) return false;
    sawData = true;
    const choice = parseChunk(data, scrub).choices?.[0];
    const piece = choice?.delta?.content ?? choice?.message?.content ?? choice?.text;
    if (typeof piece === 'string' && piece) {
      answer += piece;
      if (answer.length > AI_ANSWER_MAX_CHARS) throw tooLarge();
      onDelta?.(piece);
    }
    return false;
  };
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > MAX_BODY_BYTES) throw tooLarge();
      buffer += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffer.indexOf('\n')) !== -1) {
        const l = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line(l)) return answer;
      }
    }
    buffer += decoder.decode();
    if (buffer) line(buffer);
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  if (!sawData) throw notACompletion('an event stream without data');
  return answer;
}
