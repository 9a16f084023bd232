// What crash-writer.ts reports to the crash test, one JSON line per acknowledged step.
import { createHash } from 'node:crypto';

/** One line of the writer's report. */
export type CrashAck =
  /** Started: for a data writer, what its start found (staging leftovers, tables and their row counts). */
  | { kind: 'ready'; staging?: string[]; tables?: { name: string; rows: number | null }[] }
  | { kind: 'task'; id: string; version: number; title: string }
  | { kind: 'note'; id: string; version: number; bodySha: string }
  | { kind: 'import-start'; table: string }
  /** The import's progress as the core reports it: the import runs, nothing of it is committed. */
  | { kind: 'import-progress'; phase: string; bytesRead: number }
  | { kind: 'import'; table: string; rows: number }
  | { kind: 'profile'; id: string }
  | { kind: 'deleting'; id: string }
  | { kind: 'deleted'; id: string };

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
