// One valid input per channel of the contract. Typed by ChannelName, so a new channel
// fails type-checking here until it has a sample, and every table-driven suite
// (router validation, isolation) covers it without further edits.
import type { ChannelInput, ChannelName } from '../../../shared/contract.js';

export interface SampleContext {
  /** A profile the calling window must not reach (its id is all the caller knows). */
  otherProfileId: string;
  /** Ids (UUIDv7) of items that live in that other profile. */
  otherItems: { task: string; note: string; event: string };
  /** A word found only in the other profile's data. */
  otherText: string;
  /** A DuckDB table of the other profile. */
  otherTable: string;
  /** A file inside the other profile's directory (its data.sqlite). */
  otherFile: string;
  /** A name not yet taken, for channels that create something. */
  freshName: string;
}

type Samples = { [K in ChannelName]: (ctx: SampleContext) => ChannelInput<K> };

// Where a channel takes an id, the sample points at the other profile's item: the
// suites then check that nothing of it comes back and nothing of it changes.
export const channelSamples: Samples = {
  listProfiles: () => undefined,
  createProfile: (ctx) => ({ name: ctx.freshName }),
  // Valid in shape; the password is wrong, so it must never bind the window to the other profile.
  unlockProfile: (ctx) => ({ profileId: ctx.otherProfileId, password: 'not the password' }),
  currentSession: () => undefined,
  lockSession: () => undefined,
  reopenProfile: () => undefined,
  profileOverview: () => undefined,
  profileUsage: () => undefined,
  // Opens nothing in tests (no window opener); a window on the picker binds nothing.
  openProfileWindow: (ctx) => ({ profileId: ctx.otherProfileId }),
  // Renames the caller's own profile (suites that keep its name rename it back).
  renameProfile: (ctx) => ({ name: ctx.freshName }),
  // The current password is wrong: nothing may change.
  changePassword: () => ({ currentPassword: 'not the password', newPassword: 'a brand new password' }),
  // The other profile, with a wrong password: it must survive.
  deleteProfile: (ctx) => ({ profileId: ctx.otherProfileId, password: 'not the password' }),

  createTask: (ctx) => ({ title: `${ctx.freshName} task` }),
  updateTask: (ctx) => ({ id: ctx.otherItems.task, version: 1, title: 'Overwritten' }),
  moveTask: (ctx) => ({ id: ctx.otherItems.task, before: ctx.otherItems.note }),
  deleteTask: (ctx) => ({ id: ctx.otherItems.task }),
  restoreTask: (ctx) => ({ id: ctx.otherItems.task }),
  getTask: (ctx) => ({ id: ctx.otherItems.task }),
  listTasks: () => ({}),
  taskCounts: () => ({}),

  createNote: (ctx) => ({ title: `${ctx.freshName} note` }),
  updateNote: (ctx) => ({ id: ctx.otherItems.note, version: 1, title: 'Overwritten' }),
  deleteNote: (ctx) => ({ id: ctx.otherItems.note }),
  restoreNote: (ctx) => ({ id: ctx.otherItems.note }),
  getNote: (ctx) => ({ id: ctx.otherItems.note }),
  listNotes: () => ({}),

  createEvent: (ctx) => ({
    title: `${ctx.freshName} event`,
    start: '2030-01-01T10:00:00Z',
    end: '2030-01-01T11:00:00Z',
    timeZone: 'UTC',
  }),
  updateEvent: (ctx) => ({ id: ctx.otherItems.event, version: 1, title: 'Overwritten' }),
  deleteEvent: (ctx) => ({ id: ctx.otherItems.event }),
  restoreEvent: (ctx) => ({ id: ctx.otherItems.event }),
  getEvent: (ctx) => ({ id: ctx.otherItems.event }),
  listEvents: () => ({}),
  editOccurrence: (ctx) => ({ id: ctx.otherItems.event, version: 1, occurrenceStart: '2030-01-01T10:00:00Z', scope: 'this', title: 'Overwritten' }),
  deleteOccurrence: (ctx) => ({ id: ctx.otherItems.event, version: 1, occurrenceStart: '2030-01-01T10:00:00Z', scope: 'following' }),
  importEvents: () => ({ file: FOREIGN_FILE_TOKEN }),
  exportEvents: () => ({ file: FOREIGN_FILE_TOKEN }),

  search: (ctx) => ({ query: ctx.otherText }),
  listTrash: () => ({}),
  purgeTrash: (ctx) => ({
    items: [
      { kind: 'task', id: ctx.otherItems.task },
      { kind: 'note', id: ctx.otherItems.note },
      { kind: 'event', id: ctx.otherItems.event },
    ],
  }),
  emptyTrash: () => undefined,

  // Analytics: ids no result, query or import has; every file is a token this window was
  // never granted, and table names point at the other profile's DuckDB tables: all must be
  // refused or unknown.
  previewImport: () => ({ file: FOREIGN_FILE_TOKEN }),
  startImport: () => ({ file: FOREIGN_FILE_TOKEN, table: 'imported' }),
  cancelImport: () => ({ importId: FOREIGN_ANALYTICS_ID }),
  runQuery: (ctx) => ({ sql: `SELECT * FROM read_text('${ctx.otherFile.replaceAll("'", "''")}')` }),
  cancelQuery: () => ({ queryId: FOREIGN_ANALYTICS_ID }),
  fetchRows: () => ({ resultId: FOREIGN_ANALYTICS_ID, offset: 0, limit: 10 }),
  resultTotal: () => ({ resultId: FOREIGN_ANALYTICS_ID }),
  sortFilterResult: () => ({ resultId: FOREIGN_ANALYTICS_ID }),
  closeResult: () => ({ resultId: FOREIGN_ANALYTICS_ID }),
  listTables: () => undefined,
  profileColumn: (ctx) => ({ table: ctx.otherTable, column: 'v' }),
  listQueryHistory: () => ({}),
  exportData: () => ({ source: { sql: 'SELECT 1 AS v' }, format: 'csv', file: FOREIGN_FILE_TOKEN }),
  chooseImportFile: () => undefined,
  chooseCalendarFile: () => undefined,
  chooseCalendarExportPath: () => ({ suggestedName: 'calendar.ics' }),
  chooseExportPath: () => ({ format: 'csv', suggestedName: 'result.csv' }),
  auditLog: () => ({ limit: 10 }),
  profileStorage: () => undefined,

  // Backups: archive files are tokens never granted to this window (refused), and backup
  // ids the caller's profile does not have. The recovery channels name a profile that does
  // not exist: two more wrong passwords for the other profile (unlockProfile and
  // deleteProfile already send one each) would throttle it; backup/recovery.test.ts covers AUTH_FAILED.
  chooseArchivePath: () => ({ suggestedName: 'profile.enclave' }),
  chooseArchiveFile: () => undefined,
  exportProfile: () => ({ file: FOREIGN_FILE_TOKEN }),
  restoreProfile: (ctx) => ({ file: FOREIGN_FILE_TOKEN, name: ctx.freshName }),
  readArchiveManifest: () => ({ file: FOREIGN_FILE_TOKEN }),
  listBackups: () => undefined,
  backupNow: () => undefined,
  restoreBackup: (ctx) => ({ backupId: FOREIGN_BACKUP_ID, name: ctx.freshName }),
  inspectDamagedProfile: () => ({ profileId: UNKNOWN_PROFILE_ID, password: 'not the password' }),
  recoverDamagedProfile: () => ({ profileId: UNKNOWN_PROFILE_ID, password: 'not the password', recovery: { kind: 'empty' } }),

  // Tags: the other profile's tag must not be renamed from here (nothing of this profile carries it).
  listTags: () => undefined,
  renameTag: (ctx) => ({ from: ctx.otherText, to: `${ctx.otherText} renamed` }),

  // The SQL editor's workspace: tabs and saved queries of the caller's own profile; ids of
  // saved queries point at the other profile's items (nothing of this profile has them).
  getQueryTabs: () => undefined,
  saveQueryTabs: (ctx) => ({
    tabs: [{ id: FOREIGN_ANALYTICS_ID, title: `${ctx.freshName} tab`, sql: 'SELECT 1', savedQueryId: ctx.otherItems.note }],
    activeTabId: FOREIGN_ANALYTICS_ID,
  }),
  listSavedQueries: (ctx) => ({ search: ctx.otherText }),
  createSavedQuery: (ctx) => ({ name: `${ctx.freshName} query`, sql: 'SELECT 1' }),
  updateSavedQuery: (ctx) => ({ id: ctx.otherItems.note, name: 'Overwritten' }),
  deleteSavedQuery: (ctx) => ({ id: ctx.otherItems.note }),
  // Asking in plain language: the endpoint is the discard port on loopback, so a question
  // the suites send is refused at once (AI_UNREACHABLE) and nothing leaves the machine.
  aiSettings: () => undefined,
  setAiSettings: () => ({ url: 'http://127.0.0.1:9/v1', model: 'test-model', timeoutSeconds: 5 }),
  clearAiSettings: () => undefined,
  askAi: () => ({ requestId: FOREIGN_ANALYTICS_ID, question: 'How many rows are there?', stream: false }),
  fixAiSql: () => ({ requestId: FOREIGN_ANALYTICS_ID, question: 'How many rows?', sql: 'SELECT nope', error: 'Binder Error', round: 1, stream: false }),
  cancelAi: () => ({ requestId: FOREIGN_ANALYTICS_ID }),
  // Sources live in the caller's profile only: a name of the other profile's is unknown here.
  listSources: () => undefined,
  addSource: (ctx) => ({ name: ctx.freshName, url: 'postgresql://nobody@127.0.0.1:1/none' }),
  removeSource: (ctx) => ({ name: ctx.otherText }),
  browseSource: (ctx) => ({ source: ctx.otherText }),
  previewSource: (ctx) => ({ source: ctx.otherText, from: { table: ctx.otherTable } }),
  importFromSource: (ctx) => ({ source: ctx.otherText, from: { table: ctx.otherTable }, table: 'imported' }),
  listSourcedTables: () => undefined,
  refreshTable: (ctx) => ({ table: ctx.otherTable }),
};

const FOREIGN_BACKUP_ID = 'backup-2030-01-01T00-00-00-000Z.enclave';
const UNKNOWN_PROFILE_ID = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

const FOREIGN_ANALYTICS_ID = '6f1c2b1e-3d4a-4b5c-8d6e-7f8091a2b3c4';

/** A well-formed file token main never minted (for this window or any other). */
export const FOREIGN_FILE_TOKEN = `ft_${'Q'.repeat(43)}`;

/** Item ids for a profile the caller has no business with (UUIDv7, as the schemas require). */
export const FOREIGN_ITEMS = {
  task: '01890a5d-ac96-774b-bcce-b302099a8057',
  note: '01890a5d-ac96-774b-bcce-b302099a8058',
  event: '01890a5d-ac96-774b-bcce-b302099a8059',
};
