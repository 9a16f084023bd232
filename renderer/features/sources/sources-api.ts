// The sources feature's only way to the core: the database-source channels of the
// contract, through the shared bridge (a transport failure becomes an error value).
import type { z } from 'zod';
import type { FileChoice, ImportFilePurpose } from '../../../shared/files/dialog-channels.js';
import type { sourceChannels } from '../../../shared/sources/source-channels.js';
import type { Api } from '../../../shared/contract.js';
import type { Result } from '../../../shared/errors.js';
import { callBridge } from '../../bridge/bridge.js';

type Channels = typeof sourceChannels;
export type SourceChannel = keyof Channels;
export type SourceInput<K extends SourceChannel> = z.input<Channels[K]['input']>;
export type SourceOutput<K extends SourceChannel> = Channels[K]['output'];

type SourceMethod<K extends SourceChannel> = (...args: SourceInput<K> extends undefined ? [] : [SourceInput<K>]) => Promise<Result<SourceOutput<K>>>;

export function callSources<K extends SourceChannel>(name: K, ...args: SourceInput<K> extends undefined ? [] : [SourceInput<K>]): Promise<Result<SourceOutput<K>>> {
  return callBridge((api: Api) => (api[name] as SourceMethod<K>)(...args));
}

/** The native open dialog for a SQLite database or a CA certificate; a token, never a path (null: cancelled). */
export function chooseFile(purpose: Exclude<ImportFilePurpose, 'data'>): Promise<Result<FileChoice>> {
  return callBridge((api) => api.chooseImportFile({ purpose }));
}

/** What to read from a source, as the channels take it. */
export type Selection = SourceInput<'previewSource'>['from'];
