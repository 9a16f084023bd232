// The analysis feature's only way to the core. Every call goes through the shared
// bridge (so transport failures become error values) and is typed from the contract.
import type { z } from 'zod';
import type { ImportProgress } from '../../../shared/analysis/analytics.js';
import type { analyticsChannels } from '../../../shared/analysis/analytics-channels.js';
import type { ExportFormat } from '../../../shared/analysis/analytics.js';
import type { FileChoice } from '../../../shared/files/dialog-channels.js';
import type { Api } from '../../../shared/contract.js';
import type { Result } from '../../../shared/errors.js';
import { callBridge, subscribeBridge } from '../../bridge/bridge.js';

type Channels = typeof analyticsChannels;
export type AnalyticsChannel = keyof Channels;
export type AnalyticsInput<K extends AnalyticsChannel> = z.input<Channels[K]['input']>;
export type AnalyticsOutput<K extends AnalyticsChannel> = Channels[K]['output'];

type AnalyticsMethod<K extends AnalyticsChannel> = (
  ...args: AnalyticsInput<K> extends undefined ? [] : [AnalyticsInput<K>]
) => Promise<Result<AnalyticsOutput<K>>>;

export function callAnalytics<K extends AnalyticsChannel>(
  name: K,
  ...args: AnalyticsInput<K> extends undefined ? [] : [AnalyticsInput<K>]
): Promise<Result<AnalyticsOutput<K>>> {
  return callBridge((api: Api) => (api[name] as AnalyticsMethod<K>)(...args));
}

/** The native open dialog (main shows it over this window); null when cancelled. */
export function chooseImportFile(): Promise<Result<FileChoice>> {
  return callBridge((api) => api.chooseImportFile({ purpose: 'data' }));
}

/** The native save dialog; null when cancelled. */
export function chooseExportPath(format: ExportFormat, suggestedName: string): Promise<Result<FileChoice>> {
  return callBridge((api) => api.chooseExportPath({ format, suggestedName }));
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
 * Import options as the channel's schema accepts them (shared/analysis/analytics.ts's
 * `ImportOptions` is looser: its `decimalSeparator` is any string).
 */
export type ImportOptionsInput = NonNullable<AnalyticsInput<'startImport'>['options']>;
export type CsvOptionsInput = NonNullable<ImportOptionsInput['csv']>;
