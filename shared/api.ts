// Builds `window.api` from the contract over any transport: Electron IPC in the
// preload, a Playwright binding in the Chromium harness. One method per channel.
import { CHANNEL_NAMES, EVENT_NAMES, eventMethodName, type Api, type ChannelName, type EventName } from './contract.js';

export interface BridgeTransport {
  invoke(channel: ChannelName, input: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export function createApi(transport: BridgeTransport): Api {
  const api: Record<string, unknown> = {};
  for (const name of CHANNEL_NAMES) {
    api[name] = (input?: unknown) => transport.invoke(name, input);
  }
  for (const name of EVENT_NAMES) {
    api[eventMethodName(name)] = (listener: (payload: unknown) => void) => transport.subscribe(name, listener);
  }
  return Object.freeze(api) as Api;
}
