// Channels of asking in plain language (issue 18 A). Settings and the question go to the
// calling window's profile only: main adds that profile's key from the keychain, its host
// reads the profile's own schema and calls the endpoint, so a hung or huge answer stalls
// neither main nor another profile. Answers carry `hasKey`, never the key.
import { z } from 'zod';
import { channel, noInputChannel, returns } from '../channel.js';
import {
  AI_FIX_ROUNDS_MAX,
  AI_KEY_MAX,
  AI_MODEL_MAX,
  AI_QUESTION_MAX,
  AI_SAMPLE_ROWS_MAX,
  AI_TIMEOUT_MAX_S,
  AI_TIMEOUT_MIN_S,
  AI_URL_MAX,
  aiUrlProblem,
  type AiAnswer,
  type AiSettingsView,
} from './ai.js';

const requestId = z.uuid();
const question = z.string().trim().min(1, 'Ask a question').max(AI_QUESTION_MAX);
const url = z
  .string()
  .trim()
  .min(1)
  .max(AI_URL_MAX)
  .superRefine((s, ctx) => {
    const problem = aiUrlProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const ASK_ERRORS = ['AI_NOT_CONFIGURED', 'AI_UNREACHABLE', 'AI_KEY_REJECTED', 'AI_TIMEOUT', 'AI_NO_SQL', 'AI_ENDPOINT_ERROR', 'CANCELLED', 'KEYCHAIN_UNAVAILABLE', 'STORAGE_ERROR'] as const;

export const aiChannels = {
  /** The window's profile's AI settings (null when none are set) and whether its keychain entry holds a key. */
  aiSettings: noInputChannel<AiSettingsView>(['KEYCHAIN_UNAVAILABLE', 'STORAGE_ERROR']),
  /**
   * Sets the endpoint and model. Left out, `sampleRows` and `timeoutSeconds` keep their
   * values (0 and 120 s at first); `key` left out keeps the key, null removes it. A key
   * kept is removed when the URL moves to another origin: it goes only where it was given for.
   */
  setAiSettings: channel({
    scope: 'data',
    input: z.strictObject({
      url,
      model: z.string().trim().min(1, 'Enter a model name').max(AI_MODEL_MAX),
      sampleRows: z.number().int().min(0).max(AI_SAMPLE_ROWS_MAX).optional(),
      timeoutSeconds: z.number().int().min(AI_TIMEOUT_MIN_S).max(AI_TIMEOUT_MAX_S).optional(),
      key: z.string().min(1).max(AI_KEY_MAX).nullable().optional(),
    }),
    output: returns<AiSettingsView>(),
    errors: ['KEYCHAIN_UNAVAILABLE', 'STORAGE_ERROR'],
  }),
  /** Removes the profile's AI settings and its key: nothing is sent anywhere until set again. */
  clearAiSettings: noInputChannel<null>(['KEYCHAIN_UNAVAILABLE', 'STORAGE_ERROR']),
  /**
   * Sends the question with this profile's table and column names and types (and sample
   * rows when the profile turned them on) and answers the SQL found in the answer, for
   * review: nothing runs. With `stream`, `aiProgress` events carry the text as it comes.
   */
  askAi: channel({
    scope: 'data',
    input: z.strictObject({ requestId, question, stream: z.boolean().default(true) }),
    output: returns<AiAnswer>(),
    errors: ASK_ERRORS,
  }),
  /** One correction round: the question, the SQL that failed and DuckDB's error go back for a corrected query. */
  fixAiSql: channel({
    scope: 'data',
    input: z.strictObject({
      requestId,
      question,
      sql: z.string().min(1).max(100_000),
      error: z.string().min(1).max(4_000),
      round: z.number().int().min(1).max(AI_FIX_ROUNDS_MAX),
      stream: z.boolean().default(true),
    }),
    output: returns<AiAnswer>(),
    errors: ASK_ERRORS,
  }),
  /** Stops a running askAi/fixAiSql: it answers CANCELLED. False when no such request runs in this profile. */
  cancelAi: channel({
    scope: 'data',
    input: z.strictObject({ requestId }),
    output: returns<{ cancelled: boolean }>(),
    errors: [],
  }),
} as const;
