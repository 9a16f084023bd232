// Asking a profile's tables in plain language (issue 18 A): what a profile's AI settings
// hold, what the ask channels answer, and the limits both sides check. The settings live
// in the profile's own data.sqlite; the API key only in the OS keychain under that
// profile, so no answer here ever carries it (`hasKey` says whether there is one).

/** Up to this many sample rows per table may be sent, when the profile turns it on. */
export const AI_SAMPLE_ROWS_MAX = 50;
/** Sample rows sent per table when the switch is turned on without a count. */
export const AI_SAMPLE_ROWS_DEFAULT = 5;
/** How long one answer may take, in seconds (a local model on a laptop can be slow). */
export const AI_TIMEOUT_DEFAULT_S = 120;
export const AI_TIMEOUT_MIN_S = 1;
export const AI_TIMEOUT_MAX_S = 600;
/** Correction rounds after the first answer ("Fix with AI"), each shown to the user. */
export const AI_FIX_ROUNDS_MAX = 3;
export const AI_QUESTION_MAX = 4_000;
export const AI_URL_MAX = 2_000;
export const AI_MODEL_MAX = 200;
export const AI_KEY_MAX = 4_000;
/** The most answer text the app reads from an endpoint; more is refused, not kept. */
export const AI_ANSWER_MAX_CHARS = 200_000;

/** A profile's AI settings as its own data holds them (never the key). */
export interface AiSettings {
  /** The OpenAI-compatible endpoint: a base such as http://127.0.0.1:11434/v1 or the full …/chat/completions URL. */
  url: string;
  model: string;
  /** Sample rows sent per table; 0 (the default) sends none. */
  sampleRows: number;
  timeoutSeconds: number;
}

/** What the settings channels answer: the settings (null when none are set) and whether the keychain holds a key. */
export interface AiSettingsView {
  settings: AiSettings | null;
  hasKey: boolean;
}

/** The SQL the model proposed, for review in the editor; nothing has run. */
export interface AiAnswer {
  requestId: string;
  /** The SQL found in the answer (a ```sql block, or the answer itself when it is bare SQL). */
  sql: string;
  /** The model's whole answer text, as streamed. */
  text: string;
  /** 0 for the question itself, 1… for each correction round. */
  round: number;
}

/** Pushed while an answer streams in: the text received since the previous event of the same request. */
export interface AiProgress {
  requestId: string;
  delta: string;
}

/**
 * The endpoint a setting names, as the app calls it: a base URL gets
 * `/chat/completions` appended, a URL already ending in it is used as it is.
 */
export function chatCompletionsUrl(url: string): string {
  const u = new URL(url);
  if (!/\/chat\/completions\/?$/.test(u.pathname)) u.pathname = `${u.pathname.replace(/\/+$/, '')}/chat/completions`;
  return u.toString();
}

/** Why a URL cannot be an endpoint setting, or null when it can. */
export function aiUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'Enter a full URL, such as http://127.0.0.1:11434/v1';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'The URL must start with http:// or https://';
  // A key in the URL would be stored in a file and shown in the settings: it belongs in the keychain.
  if (u.username || u.password) return 'Put no user name or password in the URL; the key field keeps a key in the keychain';
  return null;
}

/** What will be sent to the endpoint with these settings, in words for the settings screen and `enclave ai show`. */
export function aiSendsText(settings: Pick<AiSettings, 'sampleRows'>, hasKey: boolean): string {
  const rows = settings.sampleRows > 0 ? `, and up to ${settings.sampleRows} sample rows of each table` : '';
  const key = hasKey ? ' The key goes only in the Authorization header.' : '';
  return (
    `Each question you ask is sent with this profile's table and column names and their types${rows}. ` +
    `Nothing else: no other profile's data, no file paths, no tasks, notes or events.${key}`
  );
}
