// The shape of each channel's answer, for suites that call channels with generated input
// (the fuzz suite): the contract's outputs are TypeScript types only, so the runtime check
// lives here. Keyed by ChannelName: a new channel fails type-checking until it has one.
// Objects are not strict: a field added by a feature is not a broken answer, a missing or
// mistyped one is.
import { z } from 'zod';
import type { ChannelName } from '../../../shared/contract.js';
import type { ItemChannel, ItemNoun } from '../storage/worker-protocol.js';
import { TASK_PRIORITIES, TASK_STATUSES } from '../../../shared/tasks/tasks.js';

const iso = z.string().regex(/^[+-]?\d{4,6}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/, 'an ISO instant in UTC');
const isoOrDate = z.union([iso, z.string().regex(/^\d{4}-\d\d-\d\d$/)]);
const id = z.string().min(1);
const count = z.number().int().min(0);
const kind = z.enum(['task', 'note', 'event']);
const savedQuery = z.object({ id, name: z.string().min(1), sql: z.string(), createdAt: iso, updatedAt: iso });

const task = z.object({
  id,
  title: z.string(),
  details: z.string(),
  status: z.enum(TASK_STATUSES),
  priority: z.enum(TASK_PRIORITIES),
  due: isoOrDate.nullable(),
  tags: z.array(z.string()),
  position: z.number(),
  createdAt: iso,
  updatedAt: iso,
  completedAt: iso.nullable(),
  deletedAt: iso.nullable(),
  version: z.number().int().min(1),
});
const noteMeta = {
  id,
  title: z.string(),
  tags: z.array(z.string()),
  pinned: z.boolean(),
  createdAt: iso,
  updatedAt: iso,
  deletedAt: iso.nullable(),
  version: z.number().int().min(1),
};
const note = z.object({ ...noteMeta, body: z.string() });
const noteSummary = z.object({ ...noteMeta, excerpt: z.string() });
const event = z.object({
  id,
  title: z.string(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string().min(1),
  allDay: z.boolean(),
  location: z.string(),
  description: z.string(),
  createdAt: iso,
  updatedAt: iso,
  deletedAt: iso.nullable(),
  version: z.number().int().min(1),
  recurrence: z.string().min(1).nullable(),
  exceptions: z.array(z.string()),
  seriesId: id.nullable(),
  originalStart: z.string().nullable(),
  reminderMinutes: z.number().int().min(0).nullable(),
  occurrenceStart: z.string().optional(),
});
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/**
 * The answers of the channels every item kind shares (electron/host/item-handlers.ts): the
 * item, in the Trash after delete, out of it after restore and in a list (whose items are
 * `listed`, when a list shows less than the item).
 */
function itemOutputs<N extends ItemNoun>(noun: N, item: z.ZodObject, listed: z.ZodObject = item): Record<ItemChannel<N>, z.ZodType> {
  const outputs: Record<string, z.ZodType> = {
    [`create${noun}`]: item,
    [`update${noun}`]: item,
    [`delete${noun}`]: item.extend({ deletedAt: iso }),
    [`restore${noun}`]: item.extend({ deletedAt: z.null() }),
    [`get${noun}`]: item,
    [`list${noun}s`]: page(listed.extend({ deletedAt: z.null() })),
  };
  // The keys are ItemChannel<N>'s own spelling; TypeScript types a computed key as a string.
  return outputs as Record<ItemChannel<N>, z.ZodType>;
}
const profileSummary = z.object({
  id,
  name: z.string().min(1),
  color: z.string(),
  hasPassword: z.boolean(),
  createdAt: iso,
  lastOpenedAt: iso.nullable(),
  unlockBlockedUntil: iso.nullable(),
});
const session = z.object({ name: z.string().min(1), color: z.string(), hasPassword: z.boolean() });
const wirePage = z.object({ offset: count, rowCount: count, columns: z.array(z.array(z.unknown())) });
const queryResult = z.object({
  resultId: id,
  columns: z.array(z.object({ name: z.string() })),
  totalRows: count,
  counting: z.boolean(),
  firstPage: wirePage,
  rowsChanged: count.nullable(),
  statementCount: z.number().int().min(1),
  durationMs: z.number().min(0),
  timeZone: z.string(),
  sql: z.string(),
});
const fileChoice = z.unknown();
const backupInfo = z.object({ id, createdAt: iso, bytes: count });
const archiveOutcome = z.object({ bytes: count, counts: z.object({ sqlite: z.record(z.string(), count), duckdb: z.record(z.string(), count) }) });
const cancelled = z.object({ cancelled: z.boolean() });
const aiSettingsView = z.object({
  settings: z.object({ url: z.string(), model: z.string(), sampleRows: count, timeoutSeconds: count }).nullable(),
  hasKey: z.boolean(),
});
const aiAnswer = z.object({ requestId: id, sql: z.string().min(1), text: z.string(), round: count });
const purged = z.object({ purged: count });
const sourceInfo = z.object({ name: z.string(), kind: z.enum(['sqlite', 'postgresql', 'mysql']), url: z.string(), tls: z.string().nullable(), hasPassword: z.boolean(), createdAt: iso });
const sourceColumn = z.object({ name: z.string(), sourceType: z.string(), type: z.string() });
const sourceImport = z.object({ importId: id, table: z.string(), rows: count, mapping: z.array(sourceColumn), notes: z.array(z.string()) });

export const channelOutputs: { [K in ChannelName]: z.ZodType } = {
  listProfiles: z.array(profileSummary),
  createProfile: profileSummary,
  unlockProfile: session,
  currentSession: session.nullable(),
  lockSession: z.null(),
  reopenProfile: z.null(),
  profileOverview: z.object({
    name: z.string(),
    color: z.string(),
    counts: z.object({ tasks: count, notes: count, events: count, tables: count }),
    schema: z.object({ sqlite: count, duckdb: count }),
  }),
  profileUsage: z.array(z.object({ profileId: id, sqliteBytes: count, duckdbBytes: count })),
  renameProfile: session,
  changePassword: session,
  deleteProfile: z.null(),

  ...itemOutputs('Task', task),
  moveTask: task,
  taskCounts: z.object({ todo: count, doing: count, done: count, total: count }),

  ...itemOutputs('Note', note, noteSummary),

  ...itemOutputs('Event', event),
  editOccurrence: event.extend({ deletedAt: z.null() }),
  deleteOccurrence: event,
  importEvents: z.object({ added: z.number().int().min(0), skipped: z.array(z.object({ reason: z.string() })) }),
  exportEvents: z.object({ events: z.number().int().min(0) }),

  search: z.array(z.object({ kind, id, title: z.string(), snippet: z.string(), score: z.number() })),
  listTrash: page(z.object({ kind, id, title: z.string(), deletedAt: iso, purgeAt: iso })),
  purgeTrash: purged,
  emptyTrash: purged,

  previewImport: z.object({ format: z.string(), columns: z.array(z.unknown()), page: wirePage, fileBytes: count }),
  startImport: z.object({ status: z.enum(['imported', 'rejected']), importId: id }),
  cancelImport: cancelled,
  runQuery: queryResult,
  cancelQuery: cancelled,
  fetchRows: wirePage,
  resultTotal: z.object({ totalRows: count, firstPage: wirePage }),
  sortFilterResult: queryResult,
  closeResult: z.null(),
  listTables: z.array(z.object({ name: z.string(), columns: z.array(z.unknown()) })),
  profileColumn: z.object({ rows: count }),
  listQueryHistory: z.array(z.object({ sql: z.string(), status: z.enum(['ok', 'error', 'cancelled']) })),
  exportData: z.object({}),
  chooseImportFile: fileChoice,
  chooseCalendarFile: fileChoice,
  chooseCalendarExportPath: fileChoice,
  chooseExportPath: fileChoice,
  auditLog: z.object({ entries: z.array(z.object({ event: z.string() })) }),
  profileStorage: z.object({ profileId: id, sqliteBytes: count, duckdbBytes: count }),

  chooseArchivePath: fileChoice,
  chooseArchiveFile: fileChoice,
  exportProfile: archiveOutcome,
  restoreProfile: profileSummary,
  readArchiveManifest: z.object({
    profileName: z.string(),
    createdAt: iso,
    appVersion: z.string(),
    bytes: count,
    counts: z.object({ tasks: count, notes: count, events: count, tables: count }),
  }),
  listBackups: z.array(backupInfo),
  backupNow: backupInfo,
  restoreBackup: profileSummary,
  inspectDamagedProfile: z.object({ damaged: z.array(z.unknown()) }),
  recoverDamagedProfile: z.null(),
  openProfileWindow: z.null(),
  listTags: z.array(z.object({ tag: z.string().min(1), tasks: count, notes: count })),
  renameTag: z.object({ tasks: z.array(id), notes: z.array(id) }),

  getQueryTabs: z.object({
    tabs: z.array(z.object({ id, title: z.string().min(1), sql: z.string(), savedQueryId: id.nullable() })),
    activeTabId: id.nullable(),
  }),
  saveQueryTabs: z.null(),
  listSavedQueries: z.array(savedQuery),
  createSavedQuery: savedQuery,
  updateSavedQuery: savedQuery,
  deleteSavedQuery: z.null(),
  aiSettings: aiSettingsView,
  setAiSettings: aiSettingsView,
  clearAiSettings: z.null(),
  askAi: aiAnswer,
  fixAiSql: aiAnswer,
  cancelAi: cancelled,
  listSources: z.array(sourceInfo),
  addSource: sourceInfo,
  removeSource: z.null(),
  browseSource: z.array(z.object({ schema: z.string().nullable(), name: z.string(), kind: z.enum(['table', 'view']), rows: count.nullable() })),
  previewSource: z.object({ columns: z.array(z.unknown()), mapping: z.array(sourceColumn), page: wirePage, notes: z.array(z.string()) }),
  importFromSource: sourceImport,
  listSourcedTables: z.array(z.object({ table: z.string(), source: z.string(), selection: z.object({}).loose(), importedAt: iso, rows: count })),
  refreshTable: sourceImport,
};
