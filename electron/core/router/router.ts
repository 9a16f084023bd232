// The single entry for bridge calls: channel lookup, input validation against the
// contract, profile resolution from the calling window, typed errors as values. A data
// channel the profile's host serves is passed to it under its own name with the parsed
// input; main runs only the steps that belong in main (handlers/*).
import { contract, isChannelName, type ChannelName } from '../../../shared/contract.js';
import { AppException, fail, ok, type Result } from '../../../shared/errors.js';
import { toAppError } from '../storage/to-app-error.js';
import { servedByHost } from '../storage/worker-protocol.js';
import type { AppContext, DataContext, Handlers } from './handler-types.js';
import { aiHandlers } from './handlers/ai-handlers.js';
import { analyticsHandlers } from './handlers/analytics-handlers.js';
import { auditHandlers } from './handlers/audit-handlers.js';
import { backupHandlers } from './handlers/backup-handlers.js';
import { calendarHandlers } from './handlers/calendar-handlers.js';
import { dialogHandlers } from './handlers/dialog-handlers.js';
import { noteHandlers } from './handlers/note-handlers.js';
import { profileHandlers } from './handlers/profile-handlers.js';
import { searchHandlers } from './handlers/search-handlers.js';
import { sourceHandlers } from './handlers/source-handlers.js';
import { storageHandlers } from './handlers/storage-handlers.js';
import { tagHandlers } from './handlers/tag-handlers.js';
import { taskHandlers } from './handlers/task-handlers.js';

const handlers: Handlers = { ...profileHandlers, ...taskHandlers, ...noteHandlers, ...calendarHandlers, ...searchHandlers, ...analyticsHandlers, ...dialogHandlers, ...auditHandlers, ...storageHandlers, ...backupHandlers, ...tagHandlers, ...aiHandlers, ...sourceHandlers };

type AnyHandler = (ctx: AppContext, input: unknown) => Promise<unknown>;

/** A host channel with no step in main: the host answers it as it stands. */
const passThrough = (channel: ChannelName): AnyHandler => {
  if (!servedByHost(channel)) throw new Error(`No handler for ${channel}`);
  return (ctx, input) => (ctx as DataContext).profile.worker.call(channel, input as never);
};

// Inputs arrive as plain data (structured clone, JSON). The schemas read fields by
// property access, which also finds inherited ones: an object whose prototype carries
// `password` would otherwise pass as if it had that field itself.
const isPlainData = (input: unknown) => {
  if (typeof input !== 'object' || input === null) return true;
  const proto: unknown = Object.getPrototypeOf(input);
  return proto === Object.prototype || proto === null || Array.isArray(input);
};

export type Route = (ctx: AppContext, channel: string, input: unknown) => Promise<Result<unknown>>;

export const route: Route = async (ctx, channel, input) => {
  if (!isChannelName(channel)) {
    return fail({ code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${JSON.stringify(String(channel))}` });
  }
  const spec = contract[channel as ChannelName];
  if (!isPlainData(input)) {
    return fail({ code: 'INVALID_INPUT', message: 'Input must be plain data' });
  }
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    return fail({
      code: 'INVALID_INPUT',
      message: issue ? `${field ? `${field}: ` : ''}${issue.message}` : 'Invalid input',
      ...(field ? { field } : {}),
    });
  }
  try {
    let context: AppContext = ctx;
    if (spec.scope === 'data') {
      const profile = await ctx.sessions.of(ctx.windowId);
      if (!profile) return fail({ code: 'LOCKED', message: 'No profile is unlocked in this window' });
      context = { ...ctx, profile } as AppContext;
    }
    const handler = (handlers[channel as ChannelName] as AnyHandler | undefined) ?? passThrough(channel);
    return ok(await handler(context, parsed.data));
  } catch (e) {
    if (!(e instanceof AppException)) console.error(`[enclave] ${channel} failed:`, e);
    const error = toAppError(e, 'INTERNAL');
    if (error.code === 'INTERNAL') error.message = 'Something went wrong inside Enclave (details are in its log)';
    // The renderer must never learn where profiles live on disk.
    return fail({ ...error, message: error.message.split(ctx.dataDir).join('…') });
  }
};
