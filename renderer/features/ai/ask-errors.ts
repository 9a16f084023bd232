// What each failure of a question means for the person asking, in words.
import { errorWords, type ErrorTexts } from '../../format/error-words.js';

const TITLES: ErrorTexts = {
  AI_NOT_CONFIGURED: 'Asking is off for this profile',
  AI_UNREACHABLE: 'The AI endpoint cannot be reached',
  AI_KEY_REJECTED: 'The AI endpoint refused the key',
  AI_TIMEOUT: 'The AI endpoint took too long',
  AI_NO_SQL: 'The model answered without SQL',
  AI_ENDPOINT_ERROR: 'The AI endpoint answered an error',
  KEYCHAIN_UNAVAILABLE: 'The keychain cannot be reached',
};

const HINTS: ErrorTexts = {
  AI_NOT_CONFIGURED: 'Set an endpoint in Settings › Ask in plain language.',
  AI_UNREACHABLE: 'Is the server running, and is the URL in Settings › Ask in plain language right?',
  AI_KEY_REJECTED: 'Enter the right key in Settings › Ask in plain language.',
  AI_TIMEOUT: 'Try again, ask a simpler question, or allow more time in Settings › Ask in plain language.',
  AI_NO_SQL: 'Try asking in other words, naming the table or columns you mean.',
};

export const { title: askErrorTitle, hint: askErrorHint } = errorWords(TITLES, HINTS, 'The question could not be answered');
