// The analysis feature's only way to the core. Every call goes through the shared
// bridge (so transport failures become error values) and is typed from the analytics
// channel table. A channel this build of the core lacks (the native dialogs, so far)
// answers UNKNOWN_CHANNEL instead of throwing, and the UI offers a typed path instead.
import type { z } from 'zod';
import type { ImportProgress } from '../../../shared/analytics.js';
import type { analyticsChannels } from '../../../shared/channels/analytics.js';
import type { Result } from '../../../shared/errors.js';
import { callBridge, subscribeBridge } from '../../bridge/bridge.js';

type Channels = typeof analyticsChannels;
export type AnalyticsChannel = keyof Channels;
export type AnalyticsInput<K extends AnalyticsChannel> = z.input<Channels[K]['input']>;
export type AnalyticsOutput<K extends AnalyticsChannel> = Channels[K]['output'];

type LooseMethod = (input?: unknown) => Promise<Result<unknown>>;

/**
 * Channels the feature uses when the core offers them: native open/save dialogs. Until
 * they exist the UI falls back to a typed path (as in the browser harness).
 */
interface DialogChannels {
  chooseImportFile?: () => Promise<Result<{ path: string } | null>>;
  chooseExportPath?: (input: { format: 'csv' | 'parquet'; suggestedName: string }) => Promise<Result<{ path: string } | null>>;
}

type Loose = Record<string, LooseMethod | undefined> & DialogChannels;

const missing = (name: string) =>
  ({
    ok: false,
    error: { code: 'UNKNOWN_CHANNEL', message: `This version of Enclave's core cannot do that yet (${name}).` },
  }) as const;

export function callAnalytics<K extends AnalyticsChannel>(
  name: K,
  ...args: AnalyticsInput<K> extends undefined ? [] : [AnalyticsInput<K>]
): Promise<Result<AnalyticsOutput<K>>> {
  return callBridge(async (api) => {
    const method = (api as unknown as Loose)[name];
    if (typeof method !== 'function') return missing(name);
    return (await method(args[0])) as Result<AnalyticsOutput<K>>;
  });
}

/** Whether the core offers a channel (e.g. a native dialog); read synchronously for rendering. */
export function hasChannel(name: string): boolean {
  let found = false;
  subscribeBridge((api) => {
    found = typeof (api as unknown as Loose)[name] === 'function';
    return () => {};
  });
  return found;
}

export async function chooseImportFile(): Promise<Result<{ path: string } | null>> {
  return callBridge(async (api) => {
    const method = (api as unknown as Loose).chooseImportFile;
    return method ? method() : missing('chooseImportFile');
  });
}

export async function chooseExportPath(format: 'csv' | 'parquet', suggestedName: string): Promise<Result<{ path: string } | null>> {
  return callBridge(async (api) => {
    const method = (api as unknown as Loose).chooseExportPath;
    return method ? method({ format, suggestedName }) : missing('chooseExportPath');
  });
}

/** Progress of running imports, when the core pushes it (the `importProgress` event). */
export function subscribeImportProgress(listener: (progress: ImportProgress) => void): () => void {
  return subscribeBridge((api) => api.onImportProgress(listener));
}

/**
 * A v4 UUID for query and import ids. `crypto.randomUUID` exists only in secure
 * contexts (the browser harness serves plain http), `getRandomValues` everywhere.
 */
export function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Import options as the channel's schema accepts them (shared/analytics.ts's
 * `ImportOptions` is looser: its `decimalSeparator` is any string).
 */
export type ImportOptionsInput = NonNullable<AnalyticsInput<'startImport'>['options']>;
export type CsvOptionsInput = NonNullable<ImportOptionsInput['csv']>;
