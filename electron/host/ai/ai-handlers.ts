// Asking in plain language, served in the profile's host: the question goes with this
// profile's own schema to this profile's own endpoint. The key arrives in the call from
// main (which alone opens the keychain) and is used for that call only.
import type { HostHandlerTable } from '../../core/storage/profile-stores.js';
import { askAi, cancelAiRequest, fixAiSql } from '../../core/ai/ask-requests.js';

export const aiAskHandlers = {
  askAi,
  fixAiSql,
  cancelAi: (_stores, { requestId }) => ({ cancelled: cancelAiRequest(requestId) }),
} satisfies Partial<HostHandlerTable>;
