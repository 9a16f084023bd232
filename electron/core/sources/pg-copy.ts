// PostgreSQL's `COPY (…) TO STDOUT (FORMAT csv)` written straight into a file, through
// the one `pg` connection the reader already holds. Reading a million rows a batch at a
// time made ten million JavaScript strings and as many appender calls (about 3× the time
// of `psql \copy` plus DuckDB's read_csv); here each row arrives as one CopyData message
// whose bytes are copied into a block and written out, and DuckDB's CSV reader parses
// them. `pg` has no COPY OUT of its own (pg-copy-streams would be a new dependency), so
// this is a submittable: the client hands it the protocol messages of its query.
import fs from 'node:fs';
import type pg from 'pg';

/** Bytes gathered before a write: few syscalls, and at most this much held in memory. */
const BLOCK_BYTES = 1 << 20;

export interface CopyOutcome {
  rows: number;
  /** The longest row in bytes (with its newline): DuckDB's CSV reader must allow a line that long. */
  longestRow: number;
}

interface CopyDataMessage {
  chunk: Buffer;
}

interface CommandCompleteMessage {
  text?: string;
}

/**
 * Runs `COPY (sql) TO STDOUT` on `client` and writes what it sends to `file` (created
 * 0600, never an existing file). `onRows` hears the running row count (PostgreSQL sends
 * one CopyData message per row). Rejects with the driver's error when the server fails
 * the statement or the connection drops; the caller removes the file.
 */
export function copyToFile(client: pg.Client, sql: string, file: string, onRows: (rows: number) => void): Promise<CopyOutcome> {
  return new Promise<CopyOutcome>((resolve, reject) => {
    let fd: number | null = fs.openSync(file, 'wx', 0o600);
    let block = Buffer.allocUnsafe(BLOCK_BYTES);
    let used = 0;
    let rows = 0;
    let longestRow = 0;
    let failure: unknown = null;
    let completed: number | null = null;
    const closeFd = () => {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    };
    const flush = () => {
      // Synchronous writes of a whole block: the socket's next data waits for the disk,
      // so memory stays at one block whatever the table's size (no queue of pending writes).
      if (used > 0 && fd !== null) fs.writeSync(fd, block, 0, used);
      used = 0;
    };
    const fail = (e: unknown) => {
      failure ??= e;
    };
    const submittable = {
      submit(connection: { query(text: string): void }) {
        connection.query(sql);
      },
      handleCopyData(msg: CopyDataMessage) {
        if (failure) return;
        try {
          const chunk = msg.chunk;
          rows++;
          if (chunk.length > longestRow) longestRow = chunk.length;
          if (used + chunk.length > block.length) {
            flush();
            if (chunk.length > block.length) block = Buffer.allocUnsafe(chunk.length);
          }
          chunk.copy(block, used);
          used += chunk.length;
          if ((rows & 0x3fff) === 0) onRows(rows);
        } catch (e) {
          fail(e);
        }
      },
      handleCommandComplete(msg: CommandCompleteMessage) {
        const n = /^COPY (\d+)/.exec(msg.text ?? '');
        completed = n ? Number(n[1]) : rows;
      },
      handleError(err: unknown) {
        closeFd();
        reject(failure ?? err);
      },
      handleReadyForQuery() {
        try {
          if (!failure) flush();
          closeFd();
        } catch (e) {
          fail(e);
        }
        if (failure) reject(failure);
        else if (completed === null) reject(new Error('COPY ended without completing'));
        else resolve({ rows: completed, longestRow });
      },
      // A COPY answers none of these; the client may still call them on a misbehaving server.
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyInResponse() {},
    };
    try {
      client.query(submittable as unknown as pg.Submittable);
    } catch (e) {
      closeFd();
      reject(e);
    }
  });
}
