// The ask feature's only way to the core: the AI channels and the `aiProgress` event,
// through the shared bridge (a transport failure becomes an error value).
import type { AiAnswer, AiProgress, AiSettingsView } from '../../../shared/ai/ai.js';
import type { ChannelInput } from '../../../shared/contract.js';
import type { Result } from '../../../shared/errors.js';
import { callBridge, subscribeBridge } from '../../bridge/bridge.js';

export const loadAiSettings = (): Promise<Result<AiSettingsView>> => callBridge((api) => api.aiSettings());

export const saveAiSettings = (input: ChannelInput<'setAiSettings'>): Promise<Result<AiSettingsView>> => callBridge((api) => api.setAiSettings(input));

export const clearAiSettings = (): Promise<Result<null>> => callBridge((api) => api.clearAiSettings());

export const askAi = (input: ChannelInput<'askAi'>): Promise<Result<AiAnswer>> => callBridge((api) => api.askAi(input));

export const fixAiSql = (input: ChannelInput<'fixAiSql'>): Promise<Result<AiAnswer>> => callBridge((api) => api.fixAiSql(input));

export const cancelAi = (requestId: string): Promise<Result<{ cancelled: boolean }>> => callBridge((api) => api.cancelAi({ requestId }));

export function subscribeAiProgress(listener: (progress: AiProgress) => void): () => void {
  return subscribeBridge((api) => api.onAiProgress(listener));
}
